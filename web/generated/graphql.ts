/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export const ContainerInstanceStatus = {
  Cancelled: 'CANCELLED',
  Completed: 'COMPLETED',
  Failed: 'FAILED',
  Pending: 'PENDING',
  Provisioning: 'PROVISIONING',
  Running: 'RUNNING',
  TimedOut: 'TIMED_OUT'
} as const;

export type ContainerInstanceStatus = typeof ContainerInstanceStatus[keyof typeof ContainerInstanceStatus];
export const ContainerState = {
  Created: 'CREATED',
  Dead: 'DEAD',
  Exited: 'EXITED',
  Paused: 'PAUSED',
  Removing: 'REMOVING',
  Restarting: 'RESTARTING',
  Running: 'RUNNING'
} as const;

export type ContainerState = typeof ContainerState[keyof typeof ContainerState];
export const DeploymentStatus = {
  Cancelled: 'CANCELLED',
  Failed: 'FAILED',
  InProgress: 'IN_PROGRESS',
  Paused: 'PAUSED',
  Pending: 'PENDING',
  Queued: 'QUEUED',
  RolledBack: 'ROLLED_BACK',
  Succeeded: 'SUCCEEDED'
} as const;

export type DeploymentStatus = typeof DeploymentStatus[keyof typeof DeploymentStatus];
export const DeploymentStepKind = {
  Analysis: 'ANALYSIS',
  Health: 'HEALTH',
  Phase: 'PHASE',
  Replicas: 'REPLICAS',
  Status: 'STATUS',
  Traffic: 'TRAFFIC'
} as const;

export type DeploymentStepKind = typeof DeploymentStepKind[keyof typeof DeploymentStepKind];
export const DeploymentStrategyKind = {
  BlueGreen: 'BLUE_GREEN',
  Canary: 'CANARY',
  Rolling: 'ROLLING'
} as const;

export type DeploymentStrategyKind = typeof DeploymentStrategyKind[keyof typeof DeploymentStrategyKind];
export const DockerHostStatus = {
  /** Reachable and monitored */
  Connected: 'CONNECTED',
  /** Connection lost, or disconnected by a user: not synced */
  Disconnected: 'DISCONNECTED',
  /** Five consecutive failed checks: needs recoverDockerHost */
  Error: 'ERROR',
  /** Taken offline by a user: not checked, not synced */
  Maintenance: 'MAINTENANCE',
  /** Registered, not yet reached (or never reached since): see lastError */
  Pending: 'PENDING'
} as const;

export type DockerHostStatus = typeof DockerHostStatus[keyof typeof DockerHostStatus];
export const LogStream = {
  Stderr: 'STDERR',
  Stdout: 'STDOUT'
} as const;

export type LogStream = typeof LogStream[keyof typeof LogStream];
export const SwarmChange = {
  Created: 'CREATED',
  Removed: 'REMOVED',
  Updated: 'UPDATED'
} as const;

export type SwarmChange = typeof SwarmChange[keyof typeof SwarmChange];
export type PageStartContainerMutationVariables = Exact<{
  id: string | number;
}>;


export type PageStartContainerMutation = { startContainer: { id: string, hostId: string, name: string, image: string, state: ContainerState, status: string, exitCode: number | null } };

export type PageStopContainerMutationVariables = Exact<{
  id: string | number;
}>;


export type PageStopContainerMutation = { stopContainer: { id: string, hostId: string, name: string, image: string, state: ContainerState, status: string, exitCode: number | null } };

export type PageRestartContainerMutationVariables = Exact<{
  id: string | number;
}>;


export type PageRestartContainerMutation = { restartContainer: { id: string, hostId: string, name: string, image: string, state: ContainerState, status: string, exitCode: number | null } };

export type PageScaleServiceMutationVariables = Exact<{
  id: string | number;
  replicas: number;
}>;


export type PageScaleServiceMutation = { scaleSwarmService: { id: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, updateState: string | null } };

export type PagePromoteDeploymentMutationVariables = Exact<{
  id: string | number;
}>;


export type PagePromoteDeploymentMutation = { promoteDeployment: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, phase: string | null, strategy: DeploymentStrategyKind, stepCount: number, reason: string | null, createdAt: string } };

export type PageAbortDeploymentMutationVariables = Exact<{
  id: string | number;
}>;


export type PageAbortDeploymentMutation = { abortDeployment: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, phase: string | null, strategy: DeploymentStrategyKind, stepCount: number, reason: string | null, createdAt: string } };

export type PageHostFragment = { id: string, name: string, status: DockerHostStatus, apiEndpoint: string, dockerVersion: string | null, containerCount: number | null, lastError: string | null, lastSyncedAt: string | null };

export type PageContainerFragment = { id: string, hostId: string, name: string, image: string, state: ContainerState, status: string, exitCode: number | null };

export type PageClusterFragment = { id: string, name: string, status: DockerHostStatus, hasQuorum: boolean | null, managerCount: number | null, managersReachable: number | null, nodeCount: number | null, lastError: string | null };

export type PageNodeFragment = { id: string, clusterId: string, hostname: string, role: string, state: string, availability: string, leader: boolean, managerReachability: string | null };

export type PageServiceFragment = { id: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, updateState: string | null };

export type PageDeploymentFragment = { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, phase: string | null, strategy: DeploymentStrategyKind, stepCount: number, reason: string | null, createdAt: string };

export type PageInstanceFragment = { id: string, name: string, image: string, status: ContainerInstanceStatus, hostId: string | null, containerId: string | null, exitCode: number | null, errorCode: string | null, createdAt: string };

export type PageHostsQueryVariables = Exact<{
  hosts: number;
}>;


export type PageHostsQuery = { dockerHosts: { nodes: Array<{ id: string, name: string, status: DockerHostStatus, apiEndpoint: string, dockerVersion: string | null, containerCount: number | null, lastError: string | null, lastSyncedAt: string | null }> } };

export type PageContainersQueryVariables = Exact<{
  containers: number;
}>;


export type PageContainersQuery = { containers: { nodes: Array<{ id: string, hostId: string, name: string, image: string, state: ContainerState, status: string, exitCode: number | null }> } };

export type PageClustersQueryVariables = Exact<{
  clusters: number;
}>;


export type PageClustersQuery = { swarmClusters: { nodes: Array<{ id: string, name: string, status: DockerHostStatus, hasQuorum: boolean | null, managerCount: number | null, managersReachable: number | null, nodeCount: number | null, lastError: string | null }> } };

export type PageNodesQueryVariables = Exact<{
  nodes: number;
}>;


export type PageNodesQuery = { swarmNodes: { nodes: Array<{ id: string, clusterId: string, hostname: string, role: string, state: string, availability: string, leader: boolean, managerReachability: string | null }> } };

export type PageServicesQueryVariables = Exact<{
  services: number;
}>;


export type PageServicesQuery = { swarmServices: { nodes: Array<{ id: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, updateState: string | null }> } };

export type PageDeploymentsQueryVariables = Exact<{
  first: number;
}>;


export type PageDeploymentsQuery = { deployments: { nodes: Array<{ id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, phase: string | null, strategy: DeploymentStrategyKind, stepCount: number, reason: string | null, createdAt: string }> } };

export type PageInstancesQueryVariables = Exact<{
  first: number;
}>;


export type PageInstancesQuery = { containerInstances: { nodes: Array<{ id: string, name: string, image: string, status: ContainerInstanceStatus, hostId: string | null, containerId: string | null, exitCode: number | null, errorCode: string | null, createdAt: string }> } };

export type PageContainerLogsQueryVariables = Exact<{
  id: string | number;
}>;


export type PageContainerLogsQuery = { containerLogs: { stdout: string, stderr: string } };

export type PageHostChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PageHostChangedSubscription = { dockerHostChanged: { id: string, name: string, status: DockerHostStatus, apiEndpoint: string, dockerVersion: string | null, containerCount: number | null, lastError: string | null, lastSyncedAt: string | null } };

export type PageHostDeletedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PageHostDeletedSubscription = { dockerHostDeleted: string };

export type PageContainerChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PageContainerChangedSubscription = { containerStateChanged: { hostId: string, removed: boolean, state: ContainerState, container: { id: string, hostId: string, name: string, image: string, state: ContainerState, status: string, exitCode: number | null } } };

export type PageClusterChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PageClusterChangedSubscription = { swarmClusterChanged: { id: string, name: string, status: DockerHostStatus, hasQuorum: boolean | null, managerCount: number | null, managersReachable: number | null, nodeCount: number | null, lastError: string | null } };

export type PageNodeChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PageNodeChangedSubscription = { swarmNodeChanged: { change: SwarmChange, object: { id: string, clusterId: string, hostname: string, role: string, state: string, availability: string, leader: boolean, managerReachability: string | null } } };

export type PageServiceChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PageServiceChangedSubscription = { swarmServiceChanged: { change: SwarmChange, object: { id: string, clusterId: string, name: string, image: string | null, mode: string, replicas: number | null, runningTasks: number | null, desiredTasks: number | null, updateState: string | null } } };

export type PageDeploymentChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PageDeploymentChangedSubscription = { deploymentChanged: { id: string, clusterId: string, stack: string | null, service: string | null, revision: number, status: DeploymentStatus, phase: string | null, strategy: DeploymentStrategyKind, stepCount: number, reason: string | null, createdAt: string } };

export type PageDeploymentProgressSubscriptionVariables = Exact<{
  id: string | number;
  after?: number | null | undefined;
}>;


export type PageDeploymentProgressSubscription = { deploymentProgress: { seq: number, at: string, kind: DeploymentStepKind, status: DeploymentStatus, service: string | null, message: string } };

export type PageInstanceChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PageInstanceChangedSubscription = { containerInstanceChanged: { id: string, name: string, image: string, status: ContainerInstanceStatus, hostId: string | null, containerId: string | null, exitCode: number | null, errorCode: string | null, createdAt: string } };

export type PageContainerLogStreamSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type PageContainerLogStreamSubscription = { containerLogStream: { line: string, stream: LogStream } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PageHostFragmentDoc = new TypedDocumentString(`
    fragment PageHost on DockerHost {
  id
  name
  status
  apiEndpoint
  dockerVersion
  containerCount
  lastError
  lastSyncedAt
}
    `, {"fragmentName":"PageHost"}) as unknown as TypedDocumentString<PageHostFragment, unknown>;
export const PageContainerFragmentDoc = new TypedDocumentString(`
    fragment PageContainer on Container {
  id
  hostId
  name
  image
  state
  status
  exitCode
}
    `, {"fragmentName":"PageContainer"}) as unknown as TypedDocumentString<PageContainerFragment, unknown>;
export const PageClusterFragmentDoc = new TypedDocumentString(`
    fragment PageCluster on SwarmCluster {
  id
  name
  status
  hasQuorum
  managerCount
  managersReachable
  nodeCount
  lastError
}
    `, {"fragmentName":"PageCluster"}) as unknown as TypedDocumentString<PageClusterFragment, unknown>;
export const PageNodeFragmentDoc = new TypedDocumentString(`
    fragment PageNode on SwarmNode {
  id
  clusterId
  hostname
  role
  state
  availability
  leader
  managerReachability
}
    `, {"fragmentName":"PageNode"}) as unknown as TypedDocumentString<PageNodeFragment, unknown>;
export const PageServiceFragmentDoc = new TypedDocumentString(`
    fragment PageService on SwarmService {
  id
  clusterId
  name
  image
  mode
  replicas
  runningTasks
  desiredTasks
  updateState
}
    `, {"fragmentName":"PageService"}) as unknown as TypedDocumentString<PageServiceFragment, unknown>;
export const PageDeploymentFragmentDoc = new TypedDocumentString(`
    fragment PageDeployment on Deployment {
  id
  clusterId
  stack
  service
  revision
  status
  phase
  strategy
  stepCount
  reason
  createdAt
}
    `, {"fragmentName":"PageDeployment"}) as unknown as TypedDocumentString<PageDeploymentFragment, unknown>;
export const PageInstanceFragmentDoc = new TypedDocumentString(`
    fragment PageInstance on ContainerInstance {
  id
  name
  image
  status
  hostId
  containerId
  exitCode
  errorCode
  createdAt
}
    `, {"fragmentName":"PageInstance"}) as unknown as TypedDocumentString<PageInstanceFragment, unknown>;
export const PageStartContainerDocument = new TypedDocumentString(`
    mutation PageStartContainer($id: ID!) {
  startContainer(id: $id) {
    ...PageContainer
  }
}
    fragment PageContainer on Container {
  id
  hostId
  name
  image
  state
  status
  exitCode
}`) as unknown as TypedDocumentString<PageStartContainerMutation, PageStartContainerMutationVariables>;
export const PageStopContainerDocument = new TypedDocumentString(`
    mutation PageStopContainer($id: ID!) {
  stopContainer(id: $id) {
    ...PageContainer
  }
}
    fragment PageContainer on Container {
  id
  hostId
  name
  image
  state
  status
  exitCode
}`) as unknown as TypedDocumentString<PageStopContainerMutation, PageStopContainerMutationVariables>;
export const PageRestartContainerDocument = new TypedDocumentString(`
    mutation PageRestartContainer($id: ID!) {
  restartContainer(id: $id) {
    ...PageContainer
  }
}
    fragment PageContainer on Container {
  id
  hostId
  name
  image
  state
  status
  exitCode
}`) as unknown as TypedDocumentString<PageRestartContainerMutation, PageRestartContainerMutationVariables>;
export const PageScaleServiceDocument = new TypedDocumentString(`
    mutation PageScaleService($id: ID!, $replicas: Int!) {
  scaleSwarmService(id: $id, replicas: $replicas) {
    ...PageService
  }
}
    fragment PageService on SwarmService {
  id
  clusterId
  name
  image
  mode
  replicas
  runningTasks
  desiredTasks
  updateState
}`) as unknown as TypedDocumentString<PageScaleServiceMutation, PageScaleServiceMutationVariables>;
export const PagePromoteDeploymentDocument = new TypedDocumentString(`
    mutation PagePromoteDeployment($id: ID!) {
  promoteDeployment(id: $id) {
    ...PageDeployment
  }
}
    fragment PageDeployment on Deployment {
  id
  clusterId
  stack
  service
  revision
  status
  phase
  strategy
  stepCount
  reason
  createdAt
}`) as unknown as TypedDocumentString<PagePromoteDeploymentMutation, PagePromoteDeploymentMutationVariables>;
export const PageAbortDeploymentDocument = new TypedDocumentString(`
    mutation PageAbortDeployment($id: ID!) {
  abortDeployment(id: $id) {
    ...PageDeployment
  }
}
    fragment PageDeployment on Deployment {
  id
  clusterId
  stack
  service
  revision
  status
  phase
  strategy
  stepCount
  reason
  createdAt
}`) as unknown as TypedDocumentString<PageAbortDeploymentMutation, PageAbortDeploymentMutationVariables>;
export const PageHostsDocument = new TypedDocumentString(`
    query PageHosts($hosts: Int!) {
  dockerHosts(first: $hosts) {
    nodes {
      ...PageHost
    }
  }
}
    fragment PageHost on DockerHost {
  id
  name
  status
  apiEndpoint
  dockerVersion
  containerCount
  lastError
  lastSyncedAt
}`) as unknown as TypedDocumentString<PageHostsQuery, PageHostsQueryVariables>;
export const PageContainersDocument = new TypedDocumentString(`
    query PageContainers($containers: Int!) {
  containers(first: $containers) {
    nodes {
      ...PageContainer
    }
  }
}
    fragment PageContainer on Container {
  id
  hostId
  name
  image
  state
  status
  exitCode
}`) as unknown as TypedDocumentString<PageContainersQuery, PageContainersQueryVariables>;
export const PageClustersDocument = new TypedDocumentString(`
    query PageClusters($clusters: Int!) {
  swarmClusters(first: $clusters) {
    nodes {
      ...PageCluster
    }
  }
}
    fragment PageCluster on SwarmCluster {
  id
  name
  status
  hasQuorum
  managerCount
  managersReachable
  nodeCount
  lastError
}`) as unknown as TypedDocumentString<PageClustersQuery, PageClustersQueryVariables>;
export const PageNodesDocument = new TypedDocumentString(`
    query PageNodes($nodes: Int!) {
  swarmNodes(first: $nodes) {
    nodes {
      ...PageNode
    }
  }
}
    fragment PageNode on SwarmNode {
  id
  clusterId
  hostname
  role
  state
  availability
  leader
  managerReachability
}`) as unknown as TypedDocumentString<PageNodesQuery, PageNodesQueryVariables>;
export const PageServicesDocument = new TypedDocumentString(`
    query PageServices($services: Int!) {
  swarmServices(first: $services) {
    nodes {
      ...PageService
    }
  }
}
    fragment PageService on SwarmService {
  id
  clusterId
  name
  image
  mode
  replicas
  runningTasks
  desiredTasks
  updateState
}`) as unknown as TypedDocumentString<PageServicesQuery, PageServicesQueryVariables>;
export const PageDeploymentsDocument = new TypedDocumentString(`
    query PageDeployments($first: Int!) {
  deployments(first: $first) {
    nodes {
      ...PageDeployment
    }
  }
}
    fragment PageDeployment on Deployment {
  id
  clusterId
  stack
  service
  revision
  status
  phase
  strategy
  stepCount
  reason
  createdAt
}`) as unknown as TypedDocumentString<PageDeploymentsQuery, PageDeploymentsQueryVariables>;
export const PageInstancesDocument = new TypedDocumentString(`
    query PageInstances($first: Int!) {
  containerInstances(first: $first) {
    nodes {
      ...PageInstance
    }
  }
}
    fragment PageInstance on ContainerInstance {
  id
  name
  image
  status
  hostId
  containerId
  exitCode
  errorCode
  createdAt
}`) as unknown as TypedDocumentString<PageInstancesQuery, PageInstancesQueryVariables>;
export const PageContainerLogsDocument = new TypedDocumentString(`
    query PageContainerLogs($id: ID!) {
  containerLogs(id: $id, tail: 100) {
    stdout
    stderr
  }
}
    `) as unknown as TypedDocumentString<PageContainerLogsQuery, PageContainerLogsQueryVariables>;
export const PageHostChangedDocument = new TypedDocumentString(`
    subscription PageHostChanged {
  dockerHostChanged {
    ...PageHost
  }
}
    fragment PageHost on DockerHost {
  id
  name
  status
  apiEndpoint
  dockerVersion
  containerCount
  lastError
  lastSyncedAt
}`) as unknown as TypedDocumentString<PageHostChangedSubscription, PageHostChangedSubscriptionVariables>;
export const PageHostDeletedDocument = new TypedDocumentString(`
    subscription PageHostDeleted {
  dockerHostDeleted
}
    `) as unknown as TypedDocumentString<PageHostDeletedSubscription, PageHostDeletedSubscriptionVariables>;
export const PageContainerChangedDocument = new TypedDocumentString(`
    subscription PageContainerChanged {
  containerStateChanged {
    hostId
    removed
    state
    container {
      ...PageContainer
    }
  }
}
    fragment PageContainer on Container {
  id
  hostId
  name
  image
  state
  status
  exitCode
}`) as unknown as TypedDocumentString<PageContainerChangedSubscription, PageContainerChangedSubscriptionVariables>;
export const PageClusterChangedDocument = new TypedDocumentString(`
    subscription PageClusterChanged {
  swarmClusterChanged {
    ...PageCluster
  }
}
    fragment PageCluster on SwarmCluster {
  id
  name
  status
  hasQuorum
  managerCount
  managersReachable
  nodeCount
  lastError
}`) as unknown as TypedDocumentString<PageClusterChangedSubscription, PageClusterChangedSubscriptionVariables>;
export const PageNodeChangedDocument = new TypedDocumentString(`
    subscription PageNodeChanged {
  swarmNodeChanged {
    change
    object {
      ...PageNode
    }
  }
}
    fragment PageNode on SwarmNode {
  id
  clusterId
  hostname
  role
  state
  availability
  leader
  managerReachability
}`) as unknown as TypedDocumentString<PageNodeChangedSubscription, PageNodeChangedSubscriptionVariables>;
export const PageServiceChangedDocument = new TypedDocumentString(`
    subscription PageServiceChanged {
  swarmServiceChanged {
    change
    object {
      ...PageService
    }
  }
}
    fragment PageService on SwarmService {
  id
  clusterId
  name
  image
  mode
  replicas
  runningTasks
  desiredTasks
  updateState
}`) as unknown as TypedDocumentString<PageServiceChangedSubscription, PageServiceChangedSubscriptionVariables>;
export const PageDeploymentChangedDocument = new TypedDocumentString(`
    subscription PageDeploymentChanged {
  deploymentChanged {
    ...PageDeployment
  }
}
    fragment PageDeployment on Deployment {
  id
  clusterId
  stack
  service
  revision
  status
  phase
  strategy
  stepCount
  reason
  createdAt
}`) as unknown as TypedDocumentString<PageDeploymentChangedSubscription, PageDeploymentChangedSubscriptionVariables>;
export const PageDeploymentProgressDocument = new TypedDocumentString(`
    subscription PageDeploymentProgress($id: ID!, $after: Int) {
  deploymentProgress(id: $id, after: $after) {
    seq
    at
    kind
    status
    service
    message
  }
}
    `) as unknown as TypedDocumentString<PageDeploymentProgressSubscription, PageDeploymentProgressSubscriptionVariables>;
export const PageInstanceChangedDocument = new TypedDocumentString(`
    subscription PageInstanceChanged {
  containerInstanceChanged {
    ...PageInstance
  }
}
    fragment PageInstance on ContainerInstance {
  id
  name
  image
  status
  hostId
  containerId
  exitCode
  errorCode
  createdAt
}`) as unknown as TypedDocumentString<PageInstanceChangedSubscription, PageInstanceChangedSubscriptionVariables>;
export const PageContainerLogStreamDocument = new TypedDocumentString(`
    subscription PageContainerLogStream($id: ID!) {
  containerLogStream(id: $id) {
    line
    stream
  }
}
    `) as unknown as TypedDocumentString<PageContainerLogStreamSubscription, PageContainerLogStreamSubscriptionVariables>;