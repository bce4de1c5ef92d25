import type { SwarmNode } from '../swarm/node.entity';
import type { SwarmDataObject } from '../swarm/secret.entity';
import type { SwarmService } from '../swarm/service.entity';
import type { SwarmEvent } from '../swarm/swarm-event.entity';
import type { SwarmNetwork } from '../swarm/swarm-network.entity';
import type { ClusterObject } from '../swarm/cluster-object.entity';
import { engineEventFields, engineEventView, instant } from './event.schemas';
import { iso } from './inventory.schemas';
import { z } from './rest.openapi';
import { PageMeta, withPaging } from './rest.pagination';

const Labels = z.record(z.string());
const Json = z.record(z.unknown());
const dateTime = z.string().datetime().nullable();

export const ClusterIdFilter = z.string().uuid().optional().openapi({ description: 'Only what is in this swarm cluster' });
export const SwarmObjectParams = z.object({ id: z.string().openapi({ description: 'Our id of the object (not Docker\'s)' }) });

/** The swarm listings' query: cluster_id everywhere (the GraphQL SwarmFilter), stack for services. */
export const SwarmScopedQuery = withPaging({ cluster_id: ClusterIdFilter });
export const SwarmServiceListQuery = withPaging({ cluster_id: ClusterIdFilter, stack: z.string().max(256).optional().openapi({ description: 'Only the services of this stack' }) });

const owned = { id: z.string(), cluster_id: z.string(), docker_id: z.string(), updated_at: z.string().datetime() };
const ownedView = (o: ClusterObject) => ({ id: o.id, cluster_id: o.clusterId, docker_id: o.dockerId, updated_at: o.updatedAt.toISOString() });

export const NodeView = z
  .object({
    ...owned,
    hostname: z.string(),
    role: z.string().openapi({ description: 'manager or worker' }),
    availability: z.string().openapi({ description: 'active, pause or drain' }),
    state: z.string().openapi({ description: 'ready, down, unknown or disconnected' }),
    status_message: z.string().nullable(),
    address: z.string().nullable(),
    manager_reachability: z.string().nullable().openapi({ description: 'Managers only: reachable, unreachable or unknown' }),
    manager_addr: z.string().nullable(),
    leader: z.boolean(),
    engine_version: z.string().nullable(),
    labels: Labels,
    engine_labels: Labels,
    cpus: z.number().nullable(),
    memory_bytes: z.number().int().nullable(),
    created_at: dateTime,
  })
  .openapi('SwarmNode');

export const ServiceView = z
  .object({
    ...owned,
    name: z.string(),
    image: z.string().nullable(),
    mode: z.string().openapi({ description: 'replicated, global, replicated-job or global-job' }),
    replicas: z.number().int().nullable(),
    running_tasks: z.number().int().nullable(),
    desired_tasks: z.number().int().nullable(),
    labels: Labels,
    stack: z.string().nullable(),
    spec: Json.openapi({ description: 'The spec as Docker holds it (secrets are referenced, never included)' }),
    previous_spec: Json.nullable().openapi({ description: 'The spec before the last update: what a rollback returns to' }),
    update_state: z.string().nullable().openapi({ description: 'updating, paused, completed, rollback_started, rollback_paused, rollback_completed' }),
    update_message: z.string().nullable(),
    update_started_at: dateTime,
    update_completed_at: dateTime,
    published_ports: z.array(z.object({ protocol: z.string(), target_port: z.number().int(), published_port: z.number().int().nullable(), publish_mode: z.string() })),
    created_at: dateTime,
  })
  .openapi('SwarmService');

/** Secrets and configs: names and labels only; their data is never stored nor returned. */
export const DataObjectView = z.object({ ...owned, name: z.string(), labels: Labels, created_at: dateTime }).openapi('SwarmDataObject', { description: 'A secret or config; its data is never returned' });

export const SwarmNetworkView = z
  .object({ ...owned, name: z.string(), driver: z.string(), scope: z.string(), internal: z.boolean(), attachable: z.boolean(), labels: Labels, created_at: dateTime })
  .openapi('SwarmNetwork');

export const nodeView = (n: SwarmNode): z.infer<typeof NodeView> => ({
  ...ownedView(n),
  hostname: n.hostname,
  role: n.role,
  availability: n.availability,
  state: n.state,
  status_message: n.statusMessage ?? null,
  address: n.address ?? null,
  manager_reachability: n.managerReachability ?? null,
  manager_addr: n.managerAddr ?? null,
  leader: n.leader,
  engine_version: n.engineVersion ?? null,
  labels: n.labels,
  engine_labels: n.engineLabels,
  cpus: n.cpus,
  memory_bytes: n.memoryBytes ?? null,
  created_at: iso(n.createdAt),
});

export const serviceView = (s: SwarmService): z.infer<typeof ServiceView> => ({
  ...ownedView(s),
  name: s.name,
  image: s.image ?? null,
  mode: s.mode,
  replicas: s.replicas ?? null,
  running_tasks: s.runningTasks ?? null,
  desired_tasks: s.desiredTasks ?? null,
  labels: s.labels,
  stack: s.stack ?? null,
  spec: s.spec,
  previous_spec: s.previousSpec ?? null,
  update_state: s.updateState ?? null,
  update_message: s.updateMessage ?? null,
  update_started_at: iso(s.updateStartedAt),
  update_completed_at: iso(s.updateCompletedAt),
  published_ports: s.publishedPorts.map((p) => ({ protocol: p.protocol, target_port: p.targetPort, published_port: p.publishedPort ?? null, publish_mode: p.publishMode })),
  created_at: iso(s.createdAt),
});

export const dataObjectView = (o: SwarmDataObject): z.infer<typeof DataObjectView> => ({ ...ownedView(o), name: o.name, labels: o.labels, created_at: iso(o.createdAt) });

export const swarmNetworkView = (n: SwarmNetwork): z.infer<typeof SwarmNetworkView> => ({
  ...ownedView(n),
  name: n.name,
  driver: n.driver,
  scope: n.scope,
  internal: n.internal,
  attachable: n.attachable,
  labels: n.labels,
  created_at: iso(n.createdAt),
});

export const ServiceAnswer = z
  .object({ service: ServiceView, warnings: z.array(z.string()).openapi({ description: 'What the Engine warned of (e.g. an image it could not pin to a digest)' }) })
  .openapi('SwarmServiceResponse');

export const SwarmEventListQuery = withPaging({
  cluster_id: ClusterIdFilter,
  type: z.string().max(64).optional().openapi({ description: 'node, service, secret, config, network' }),
  action: z.string().max(128).optional().openapi({ description: 'Exact action, e.g. create, update, remove' }),
  since: instant.optional().openapi({ description: 'Inclusive (RFC 3339)' }),
  until: instant.optional().openapi({ description: 'Exclusive (RFC 3339)' }),
});

export const SwarmEventView = z.object({ ...engineEventFields, cluster_id: z.string() }).openapi('SwarmEvent');
export const SwarmEventListAnswer = z.object({ events: z.array(SwarmEventView), meta: PageMeta }).openapi('SwarmEventListResponse');

export const swarmEventView = (e: SwarmEvent): z.infer<typeof SwarmEventView> => ({ ...engineEventView(e), cluster_id: e.clusterId });
