import type { RegisterClusterInput, UpdateClusterInput } from '../swarm/cluster.manager';
import type { ClusterHealth } from '../swarm/cluster-health';
import type { SwarmCluster } from '../swarm/cluster.entity';
import type { SwarmNode } from '../swarm/node.entity';
import type { SwarmTask } from '../swarm/task.entity';
import { iso } from './inventory.schemas';
import { z } from './rest.openapi';
import { PageMeta, withPaging } from './rest.pagination';
import { endpointCreateFields, endpointSettings, EndpointUpdate, ScopeStatus as Status, scopeFields, scopeListFilters, scopeView } from './scope.schemas';

const dateTime = z.string().datetime().nullable();

export const ClusterListQuery = withPaging(scopeListFilters);
export const ClusterIdParams = z.object({ id: z.string().openapi({ description: 'The cluster id' }) });

export const ClusterCreateBody = z
  .object({
    cluster: z
      .object({
        ...endpointCreateFields,
        api_endpoint: z.string().optional().openapi({ description: "A manager's Engine API: tcp://host:2375 or https://host:2376 (or give manager_host_id)", example: 'https://10.0.0.20:2376' }),
        manager_host_id: z.string().uuid().optional().openapi({ description: 'A registered host that is a manager: its endpoint and TLS material are used' }),
      })
      .strict(),
  })
  .strict()
  .openapi('SwarmClusterCreateRequest');

export const ClusterUpdateBody = z.object({ cluster: EndpointUpdate }).strict().openapi('SwarmClusterUpdateRequest', { description: 'Fields left out are unchanged' });

/** The manager names its endpoint `managerEndpoint`; the runbook's bodies say `api_endpoint`, like a host's. */
export const clusterBodyField = (field: string) => `cluster.${field.replace(/^managerEndpoint/, 'api_endpoint').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

export function registerClusterInput({ cluster }: z.infer<typeof ClusterCreateBody>): RegisterClusterInput {
  return { ...endpointSettings(cluster), name: cluster.name, environment: cluster.environment, managerEndpoint: cluster.api_endpoint, managerHostId: cluster.manager_host_id };
}

export function updateClusterInput({ cluster }: z.infer<typeof ClusterUpdateBody>): UpdateClusterInput {
  return { ...endpointSettings(cluster), managerEndpoint: cluster.api_endpoint };
}

export const Cluster = z
  .object({
    ...scopeFields,
    manager_endpoint: z.string().openapi({ description: 'The manager endpoint it was registered by' }),
    active_endpoint: z.string().nullable().openapi({ description: 'The manager the last check went through (another one after a failover)' }),
    swarm_id: z.string().nullable(),
    node_count: z.number().int().nullable(),
    manager_count: z.number().int().nullable(),
    managers_reachable: z.number().int().nullable(),
    has_quorum: z.boolean().nullable(),
    leader_node_id: z.string().nullable(),
  })
  .openapi('SwarmCluster');

export const ClusterAnswer = z.object({ cluster: Cluster }).openapi('SwarmClusterResponse');
export const ClusterListAnswer = z.object({ clusters: z.array(Cluster), meta: PageMeta }).openapi('SwarmClusterListResponse');

export function clusterView(c: SwarmCluster, lastError: { lastError: string | null; lastErrorCode: string | null }): z.infer<typeof Cluster> {
  return {
    ...scopeView(c, lastError),
    manager_endpoint: c.apiEndpoint,
    active_endpoint: c.activeEndpoint ?? null,
    swarm_id: c.swarmId ?? null,
    node_count: c.nodeCount ?? null,
    manager_count: c.managerCount ?? null,
    managers_reachable: c.managersReachable ?? null,
    has_quorum: c.hasQuorum ?? null,
    leader_node_id: c.leaderNodeId ?? null,
  };
}

const Node = z
  .object({
    id: z.string(),
    docker_id: z.string(),
    hostname: z.string(),
    role: z.string().openapi({ description: 'manager or worker' }),
    state: z.string().openapi({ description: 'ready, down, unknown, disconnected' }),
    availability: z.string().openapi({ description: 'active, pause or drain' }),
    manager_reachability: z.string().nullable(),
    leader: z.boolean(),
    address: z.string().nullable(),
    status_message: z.string().nullable(),
  })
  .openapi('SwarmNodeSummary');

const FailingTask = z
  .object({ id: z.string(), docker_id: z.string(), node_id: z.string().nullable(), state: z.string(), desired_state: z.string(), error: z.string().nullable(), message: z.string().nullable() })
  .openapi('SwarmTaskSummary');

export const HealthAnswer = z
  .object({
    health: z.object({
      status: Status,
      healthy: z.boolean().openapi({ description: 'No quorum problem, no node down, every service converged, and the cluster connected' }),
      managers_total: z.number().int(),
      managers_reachable: z.number().int(),
      quorum_needed: z.number().int().openapi({ description: '⌊managers/2⌋+1' }),
      has_quorum: z.boolean(),
      leader: Node.nullable(),
      nodes_down: z.array(Node).openapi({ description: 'Nodes whose state is not ready' }),
      nodes_drained: z.array(Node).openapi({ description: 'Nodes drained or paused' }),
      services_not_converged: z.array(
        z.object({
          service: z.object({ id: z.string(), docker_id: z.string(), name: z.string() }),
          running: z.number().int(),
          desired: z.number().int(),
          failing_tasks: z.array(FailingTask).openapi({ description: "Tasks of its current spec that failed or wait (their error says why: 'No such image', 'no suitable node')" }),
        }),
      ),
      checked_at: dateTime,
    }),
  })
  .openapi('SwarmClusterHealthResponse', { description: "The runbook's verification: no failing nodes, no quorum loss" });

const nodeView = (n: SwarmNode): z.infer<typeof Node> => ({
  id: n.id,
  docker_id: n.dockerId,
  hostname: n.hostname,
  role: n.role,
  state: n.state,
  availability: n.availability,
  manager_reachability: n.managerReachability ?? null,
  leader: n.leader,
  address: n.address ?? null,
  status_message: n.statusMessage ?? null,
});
const taskView = (t: SwarmTask): z.infer<typeof FailingTask> => ({ id: t.id, docker_id: t.dockerId, node_id: t.nodeId ?? null, state: t.state, desired_state: t.desiredState, error: t.error ?? null, message: t.message ?? null });

export function healthView(h: ClusterHealth): z.infer<typeof HealthAnswer> {
  return {
    health: {
      status: h.status,
      healthy: h.healthy,
      managers_total: h.managersTotal,
      managers_reachable: h.managersReachable,
      quorum_needed: h.quorumNeeded,
      has_quorum: h.hasQuorum,
      leader: h.leader ? nodeView(h.leader) : null,
      nodes_down: h.nodesDown.map(nodeView),
      nodes_drained: h.nodesDrained.map(nodeView),
      services_not_converged: h.servicesNotConverged.map((s) => ({
        service: { id: s.service.id, docker_id: s.service.dockerId, name: s.service.name },
        running: s.running,
        desired: s.desired,
        failing_tasks: s.failingTasks.map(taskView),
      })),
      checked_at: iso(h.checkedAt),
    },
  };
}
