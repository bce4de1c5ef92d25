/*
 * Swarm objects as the adapter reports them: plain snapshots of what a manager's Engine API answered. Specs are kept
 * as the Engine returned them (`spec`): the services layer reads what it needs from them, and an update starts from the
 * Engine's own current spec, never from a snapshot (whose strings were made storable).
 */

/**
 * An Engine spec (ServiceSpec, NodeSpec, SwarmSpec...) as its JSON: built by the swarm services from their inputs, and
 * handed to update callbacks as the Engine's current one. Not dockerode's typings, which lag the API (no job modes).
 */
export type EngineSpec = Record<string, unknown>;

/** A daemon's swarm membership, from `/info`'s Swarm section (any daemon answers it, manager or not). */
export interface SwarmInfo {
  nodeId: string | null;
  nodeAddr: string | null;
  /** inactive | pending | active | error | locked */
  localNodeState: string;
  /** True on a manager: only managers answer the swarm's own endpoints (nodes, services, tasks...). */
  controlAvailable: boolean;
  clusterId: string | null;
  managers: number;
  nodes: number;
  error: string | null;
  /**
   * The daemon says its swarm has no leader (Swarm.Error "The swarm does not have a leader..."). Measured on 20.10: it
   * says so only ~30 s after a majority of managers went; the node list (managers unreachable) tells within a second.
   */
  quorumLost: boolean;
  remoteManagers: Array<{ nodeId: string; addr: string }>;
  /** The daemon itself (from the same `/info`). */
  engineVersion: string | null;
  hostname: string | null;
}

/** The swarm's own inspect, without its join tokens (those only come from DockerSwarm.joinTokens). */
export interface SwarmInspect {
  id: string;
  versionIndex: number;
  spec: EngineSpec;
  createdAt: Date | null;
  updatedAt: Date | null;
  /** The root CA's certificate (public), to pin managers' TLS; null when absent. */
  rootCaCert: string | null;
  defaultAddrPool: string[];
  dataPathPort: number | null;
}

export interface SwarmNodeSnapshot {
  dockerId: string;
  hostname: string;
  role: 'manager' | 'worker';
  /** active | pause | drain */
  availability: string;
  /** ready | down | unknown | disconnected */
  state: string;
  statusMessage: string | null;
  /** Status.Addr: the address the node is reached at. */
  address: string | null;
  /** reachable | unreachable | unknown; null for a worker. */
  managerReachability: string | null;
  managerAddr: string | null;
  leader: boolean;
  engineVersion: string | null;
  labels: Record<string, string>;
  engineLabels: Record<string, string>;
  nanoCpus: number | null;
  memoryBytes: number | null;
  versionIndex: number;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export type SwarmServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

export interface SwarmPublishedPort {
  protocol: string;
  targetPort: number;
  publishedPort: number | null;
  /** ingress | host */
  publishMode: string;
}

export interface SwarmServiceSnapshot {
  dockerId: string;
  name: string;
  image: string | null;
  mode: SwarmServiceMode;
  /** Replicas asked for (replicated) or MaxConcurrent (replicated job); null for global modes. */
  replicas: number | null;
  labels: Record<string, string>;
  /** The label `com.docker.stack.namespace`: the stack the service belongs to, however it was deployed. */
  stackNamespace: string | null;
  /** Spec as the Engine returned it (made storable). */
  spec: EngineSpec;
  previousSpec: EngineSpec | null;
  versionIndex: number;
  /** updating | paused | completed | rollback_started | rollback_paused | rollback_completed; null when never updated. */
  updateState: string | null;
  updateMessage: string | null;
  updateStartedAt: Date | null;
  updateCompletedAt: Date | null;
  publishedPorts: SwarmPublishedPort[];
  /** From `?status=true` (API 1.41): tasks running, and tasks wanted (on global services: nodes eligible). */
  runningTasks: number | null;
  desiredTasks: number | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface SwarmTaskSnapshot {
  dockerId: string;
  serviceId: string;
  nodeId: string | null;
  slot: number | null;
  desiredState: string;
  state: string;
  message: string | null;
  /** Status.Err: "No such image: ...", "no suitable node (...)". */
  error: string | null;
  exitCode: number | null;
  containerId: string | null;
  image: string | null;
  /** Runs the service's current spec (swarmkit's `_up-to-date` task filter, as docker/cli's progress.go uses it). */
  upToDate: boolean;
  versionIndex: number;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** A secret's metadata. The data is never returned by the Engine, and never by this adapter. */
export interface SwarmSecretSnapshot {
  dockerId: string;
  name: string;
  labels: Record<string, string>;
  versionIndex: number;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** A config's metadata; its data (which the Engine does return) is left out, as for secrets. */
export type SwarmConfigSnapshot = SwarmSecretSnapshot;

export interface SwarmInitSpec {
  advertiseAddr: string;
  listenAddr?: string | null;
  forceNewCluster?: boolean | null;
  /** A swarm spec (Orchestration, Raft, Dispatcher, CAConfig...) as the Engine takes it. */
  spec?: EngineSpec | null;
  defaultAddrPool?: string[] | null;
  dataPathPort?: number | null;
}

export interface SwarmJoinSpec {
  remoteAddrs: string[];
  /** Secret: never logged, never stored in an error. */
  joinToken: string;
  advertiseAddr: string;
  listenAddr?: string | null;
}

/** Secret: for joining nodes only. Never logged, stored or returned through the API. */
export interface SwarmJoinTokens {
  worker: string;
  manager: string;
}

export interface SwarmLogsOptions {
  tail?: number | null;
  since?: Date | null;
  timestamps?: boolean | null;
}

export interface SwarmLogLine {
  stream: 'stdout' | 'stderr';
  /** The message (after its timestamp when timestamps were asked for). */
  line: string;
  /** From the line's details: which task wrote it, on which node. */
  taskId: string | null;
  nodeId: string | null;
}
