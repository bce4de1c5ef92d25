import type { Principal } from '../auth/principal';
import { ConflictError, InputError } from '../common/errors';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { HostTarget } from '../docker/docker.types';
import type { InventorySync } from '../sync/inventory.sync';
import type { SwarmCluster } from './cluster.entity';
import type { ClusterManager } from './cluster.manager';
import type { SwarmNode } from './node.entity';
import { assertKeepsQuorum, quorumOf } from './quorum';
import type { SwarmQueries } from './swarm.queries';

const AVAILABILITY = ['active', 'pause', 'drain'] as const;

export interface NodeManagerDeps {
  clusters: Pick<ClusterManager, 'operable'>;
  queries: Pick<SwarmQueries, 'one'>;
  swarm: Pick<DockerSwarm, 'listNodes' | 'updateNode' | 'removeNode'>;
  sync: Pick<InventorySync<SwarmCluster>, 'refresh'>;
}

/**
 * The seed's NodeManager: availability and labels, promote, demote, remove. A change of the manager set is judged on
 * the managers' reachability as the swarm reports it NOW (a live node list, not the stored rows): a demote or remove
 * that would leave fewer reachable managers than quorum needs is QUORUM_RISK (a remove only unless forced; a demote
 * always).
 */
export class NodeManager {
  constructor(private readonly deps: NodeManagerDeps) {}

  async update(principal: Principal, id: string, input: { availability?: string | null; labels?: Record<string, string> | null }): Promise<SwarmNode> {
    const availability = input.availability?.toLowerCase();
    if (availability !== undefined && !AVAILABILITY.includes(availability as never)) throw new InputError('availability', `must be one of ${AVAILABILITY.join(', ')}`);
    if (input.labels && Object.entries(input.labels).some(([k, v]) => typeof v !== 'string' || k.length === 0 || k.length > 256)) throw new InputError('labels', 'must map non-empty keys to strings');
    return this.change(principal, id, (spec) => ({ ...spec, ...(availability ? { Availability: availability } : {}), ...(input.labels ? { Labels: input.labels } : {}) }));
  }

  promote(principal: Principal, id: string): Promise<SwarmNode> {
    return this.change(principal, id, (spec) => ({ ...spec, Role: 'manager' }));
  }

  async demote(principal: Principal, id: string): Promise<SwarmNode> {
    return this.change(principal, id, (spec) => ({ ...spec, Role: 'worker' }), (node, target) => this.keepsQuorum(target, node, 'demoting this manager'));
  }

  async remove(principal: Principal, id: string, force: boolean): Promise<string> {
    const { node, cluster, target } = await this.locate(principal, id);
    if (!force) await this.keepsQuorum(target, node, 'removing this manager', cluster);
    await this.deps.swarm.removeNode(target, node.dockerId, force);
    await this.deps.sync.refresh(cluster.id, { kinds: ['node', 'task'] });
    return node.id;
  }

  private async change(principal: Principal, id: string, mutate: (spec: Record<string, unknown>) => Record<string, unknown>, check?: (node: SwarmNode, target: HostTarget) => Promise<void>): Promise<SwarmNode> {
    const { node, cluster, target } = await this.locate(principal, id);
    await check?.(node, target);
    await this.deps.swarm.updateNode(target, node.dockerId, mutate);
    // The change is made. Reading it back goes through the manager in use, which may be the node just demoted: then
    // the answer is the row as last synced, and the next check goes through another manager.
    await this.deps.sync.refresh(cluster.id, { kinds: ['node', 'task'] }).catch(() => undefined);
    return this.deps.queries.one(principal, 'nodes', id);
  }

  private async locate(principal: Principal, id: string) {
    const node = await this.deps.queries.one(principal, 'nodes', id);
    const { cluster, target } = await this.deps.clusters.operable(principal, node.clusterId);
    return { node, cluster, target };
  }

  /** Refuses a change that takes a manager out when the managers left could not keep quorum. */
  private async keepsQuorum(target: HostTarget, node: SwarmNode, action: string, cluster?: SwarmCluster): Promise<void> {
    const nodes = await this.deps.swarm.listNodes(target);
    const live = nodes.find((n) => n.dockerId === node.dockerId);
    if (!live) throw new ConflictError(`node ${node.hostname} is no longer in the swarm`);
    const view = quorumOf(nodes, cluster?.apiEndpoint ?? '');
    assertKeepsQuorum(view, { managerLeaving: live.role === 'manager', leavingReachable: live.managerReachability === 'reachable', action });
  }
}
