import type { FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { InputError, NotFoundError } from '../common/errors';
import { isId } from '../common/ids';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import { ownerSlices, type HostSlice, type ListOrder } from '../inventory/inventory.repository';
import type { ClusterObject } from './cluster-object.entity';
import { SwarmNode } from './node.entity';
import { SwarmConfig, SwarmSecret } from './secret.entity';
import { SwarmService } from './service.entity';
import { SwarmEvent } from './swarm-event.entity';
import { SwarmNetwork } from './swarm-network.entity';
import { SwarmTask } from './task.entity';

const KINDS = {
  nodes: { entity: SwarmNode, name: 'SwarmNode', order: { sortKey: 'hostname', sortType: 'string', direction: 'asc' } },
  services: { entity: SwarmService, name: 'SwarmService', order: { sortKey: 'name', sortType: 'string', direction: 'asc' } },
  tasks: { entity: SwarmTask, name: 'SwarmTask', order: { sortKey: 'dockerId', sortType: 'string', direction: 'asc' } },
  secrets: { entity: SwarmSecret, name: 'SwarmSecret', order: { sortKey: 'name', sortType: 'string', direction: 'asc' } },
  configs: { entity: SwarmConfig, name: 'SwarmConfig', order: { sortKey: 'name', sortType: 'string', direction: 'asc' } },
  networks: { entity: SwarmNetwork, name: 'SwarmNetwork', order: { sortKey: 'name', sortType: 'string', direction: 'asc' } },
} as const;

export type SwarmKind = keyof typeof KINDS;

/** What swarm listings filter on; each kind reads the keys that are its columns. */
export interface SwarmFilter {
  clusterId?: string | null;
  /** Tasks: Docker's id of their service or node. */
  serviceId?: string | null;
  nodeId?: string | null;
  /** Services: the stack (namespace label). */
  stack?: string | null;
  /** Tasks: their desired or current state. */
  state?: string | null;
}

export interface SwarmEventFilter {
  clusterId?: string | null;
  type?: string | null;
  action?: string | null;
  since?: Date | null;
  until?: Date | null;
}

/**
 * The read side of the synced swarms for resolvers and loaders. Every query is scoped to the caller's account;
 * another account's object is NOT_FOUND, like a missing one.
 */
export class SwarmQueries {
  constructor(private readonly orm: MikroORM) {}

  async one<K extends SwarmKind>(principal: Principal, kind: K, id: string): Promise<InstanceType<(typeof KINDS)[K]['entity']>> {
    const { entity, name } = KINDS[kind];
    const found = isId(id) ? await this.orm.em.fork().findOne(entity as never, { id, accountId: principal.accountId } as never) : null;
    if (!found) throw new NotFoundError(name, id);
    return found as never;
  }

  /** Rows of a kind by Docker id in one cluster (a manager's answer names services and nodes by their Docker ids). */
  byDockerIds<K extends SwarmKind>(principal: Principal, kind: K, clusterId: string, dockerIds: readonly string[]): Promise<Array<InstanceType<(typeof KINDS)[K]['entity']>>> {
    return this.orm.em.fork().find(KINDS[kind].entity as never, { accountId: principal.accountId, clusterId, dockerId: { $in: [...dockerIds] } } as never) as never;
  }

  page(principal: Principal, kind: SwarmKind, filter: SwarmFilter, args: PageArgs): Promise<Page<ClusterObject>> {
    const { entity, order } = KINDS[kind];
    return findPage(this.orm.em.fork(), entity as never, { where: { accountId: principal.accountId, ...whereOf(kind, filter) } as never, ...(order as ListOrder<ClusterObject>), args }) as never;
  }

  slices(principal: Principal, kind: SwarmKind, clusterIds: readonly string[], filter: SwarmFilter, first?: number | null): Promise<Map<string, HostSlice<ClusterObject>>> {
    const { entity, order } = KINDS[kind];
    return ownerSlices<ClusterObject>(this.orm.em.fork(), entity.name, { accountId: principal.accountId, owner: 'clusterId', ownerIds: clusterIds, where: whereOf(kind, { ...filter, clusterId: null }) as FilterQuery<ClusterObject>, order: order as ListOrder<ClusterObject>, first });
  }

  /**
   * The tasks of many services, the first `first` of each, in two statements. Services are `${clusterId}/${Docker id}`
   * keys: a Docker id is unique within its swarm only, and one swarm registered twice holds the same ids twice.
   */
  serviceTasks(principal: Principal, serviceKeys: readonly string[], first?: number | null): Promise<Map<string, HostSlice<ClusterObject>>> {
    return ownerSlices<ClusterObject>(this.orm.em.fork(), SwarmTask.name, { accountId: principal.accountId, owner: 'serviceId', within: 'clusterId', ownerIds: serviceKeys, where: {}, order: KINDS.tasks.order as ListOrder<ClusterObject>, first });
  }

  /**
   * What is reserved on each node: the resource reservations of the tasks placed there that are meant to run (the
   * scheduler's own bookkeeping: a reservation holds from assignment, before the task runs). One statement.
   */
  async nodeReservations(principal: Principal, nodeIds: readonly string[]): Promise<Map<string, { nanoCpus: number; memoryBytes: number; tasks: number }>> {
    const rows: Array<{ node_id: string; nano: string | number; memory: string | number; tasks: number }> = nodeIds.length
      ? await this.orm.em.fork().getConnection().execute(
          `select t.node_id,
                  coalesce(sum((s.spec #>> '{TaskTemplate,Resources,Reservations,NanoCPUs}')::numeric), 0) as nano,
                  coalesce(sum((s.spec #>> '{TaskTemplate,Resources,Reservations,MemoryBytes}')::numeric), 0) as memory,
                  count(*)::int as tasks
             from swarm_tasks t join swarm_services s on s.cluster_id = t.cluster_id and s.docker_id = t.service_id
            where t.account_id = ? and t.node_id in (${nodeIds.map(() => '?').join(', ')})
              and t.desired_state in ('running', 'ready') and t.state not in ('complete', 'failed', 'rejected', 'shutdown', 'orphaned', 'remove')
            group by t.node_id`,
          [principal.accountId, ...nodeIds],
        )
      : [];
    return new Map(rows.map((r) => [r.node_id, { nanoCpus: Number(r.nano), memoryBytes: Number(r.memory), tasks: r.tasks }]));
  }

  /** Nodes by Docker id, in any cluster of the account (a host's engine is a node of at most one swarm). */
  nodesByDockerId(principal: Principal, dockerIds: readonly string[]): Promise<SwarmNode[]> {
    return this.orm.em.fork().find(SwarmNode, { accountId: principal.accountId, dockerId: { $in: [...dockerIds] } });
  }

  /**
   * The registered hosts whose engine is a node of the account's swarms (or of one): a swarm keeps volumes on each
   * node, not cluster-wide, so a swarm's volumes are what these hosts' syncs hold. One statement.
   */
  async nodeHostIds(principal: Principal, filter: { clusterId?: string | null }): Promise<string[]> {
    const clusterId = clusterIdOf(filter);
    const rows: Array<{ id: string }> = await this.orm.em.fork().getConnection().execute(
      `select distinct h.id from docker_hosts h join swarm_nodes n on n.account_id = h.account_id and n.docker_id = h.swarm_node_id
        where h.account_id = ?${clusterId ? ' and n.cluster_id = ?' : ''}`,
      clusterId ? [principal.accountId, clusterId] : [principal.accountId],
    );
    return rows.map((r) => r.id);
  }

  events(principal: Principal, filter: SwarmEventFilter, args: PageArgs): Promise<Page<SwarmEvent>> {
    const where: Record<string, unknown> = { accountId: principal.accountId };
    const clusterId = clusterIdOf(filter);
    if (clusterId) where.clusterId = clusterId;
    if (filter.type) where.type = filter.type;
    if (filter.action) where.action = filter.action;
    if (filter.since || filter.until) where.time = { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.until ? { $lt: filter.until } : {}) };
    return findPage(this.orm.em.fork(), SwarmEvent, { where: where as FilterQuery<SwarmEvent>, sortKey: 'time', sortType: 'date', direction: 'desc', args });
  }

  /** Everything the health answer of a cluster needs, in two statements. */
  async healthRows(principal: Principal, clusterId: string): Promise<{ nodes: SwarmNode[]; services: SwarmService[]; tasks: SwarmTask[] }> {
    const em = this.orm.em.fork();
    const scope = { accountId: principal.accountId, clusterId };
    const [nodes, services] = await Promise.all([em.find(SwarmNode, scope), em.find(SwarmService, scope)]);
    // Tasks only of services that are not converged: their errors are the answer's point.
    const stuck = services.filter((s) => s.mode === 'replicated' && (s.runningTasks ?? 0) !== (s.replicas ?? 0)).map((s) => s.dockerId);
    const tasks = stuck.length ? await em.find(SwarmTask, { ...scope, serviceId: { $in: stuck }, upToDate: true }) : [];
    return { nodes, services, tasks };
  }
}

/** A cluster id the database could not even compare is the caller's mistake, named as such (not a server error). */
function clusterIdOf(filter: { clusterId?: string | null }): string | null {
  if (!filter.clusterId) return null;
  if (!isId(filter.clusterId)) throw new InputError('filter.clusterId', 'is not an id');
  return filter.clusterId;
}

function whereOf(kind: SwarmKind, filter: SwarmFilter): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  const clusterId = clusterIdOf(filter);
  if (clusterId) where.clusterId = clusterId;
  if (kind === 'tasks') {
    if (filter.serviceId) where.serviceId = filter.serviceId;
    if (filter.nodeId) where.nodeId = filter.nodeId;
    if (filter.state) where.$or = [{ state: filter.state }, { desiredState: filter.state }];
  }
  if (kind === 'services' && filter.stack) where.stack = filter.stack;
  return where;
}
