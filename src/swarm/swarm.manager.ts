import type { Principal } from '../auth/principal';
import { ConflictError, InputError } from '../common/errors';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { SwarmInspect } from '../docker/swarm.types';
import type { DockerHost } from '../hosts/host.entity';
import type { HostManager } from '../hosts/host.manager';
import type { InventorySync } from '../sync/inventory.sync';
import type { SwarmCluster } from './cluster.entity';
import type { ClusterManager } from './cluster.manager';
import { assertKeepsQuorum, quorumOf } from './quorum';
import type { SwarmQueries } from './swarm.queries';

export interface InitSwarmInput {
  /** The address other nodes reach this one at (an IP, or IP:port). */
  advertiseAddr: string;
  listenAddr?: string | null;
  /** The cluster registered for the new swarm (default: the host's name). */
  clusterName?: string | null;
}

export interface UpdateSwarmInput {
  rotateWorkerToken?: boolean | null;
  rotateManagerToken?: boolean | null;
  taskHistoryLimit?: number | null;
  snapshotInterval?: number | null;
  keepOldSnapshots?: number | null;
  logEntriesForSlowFollowers?: number | null;
  heartbeatTick?: number | null;
  electionTick?: number | null;
  dispatcherHeartbeatSeconds?: number | null;
}

export interface SwarmManagerDeps {
  hosts: Pick<HostManager, 'operable' | 'sync'>;
  clusters: Pick<ClusterManager, 'operable' | 'register' | 'get'>;
  queries: Pick<SwarmQueries, 'nodesByDockerId'>;
  swarm: Pick<DockerSwarm, 'initSwarm' | 'joinTokens' | 'joinSwarm' | 'leaveSwarm' | 'updateSwarm' | 'listNodes' | 'swarmInfo' | 'inspectSwarm'>;
  sync: Pick<InventorySync<SwarmCluster>, 'refresh'>;
}

/**
 * The seed's SwarmManager: init a swarm on a registered host (and register it as a cluster), join a host to a
 * cluster (join tokens fetched from a manager by the API, never returned or logged), leave, and the swarm's settings.
 */
export class SwarmManager {
  constructor(private readonly deps: SwarmManagerDeps) {}

  async init(principal: Principal, hostId: string, input: InitSwarmInput): Promise<SwarmCluster> {
    const advertiseAddr = address(input.advertiseAddr, 'advertiseAddr');
    if (input.listenAddr) address(input.listenAddr, 'listenAddr');
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    const info = await this.deps.swarm.swarmInfo(target);
    if (info.localNodeState === 'active') throw new ConflictError(`host ${host.name} is already part of a swarm (${info.clusterId ?? 'as a worker'}): leave it first`, 'hostId');
    await this.deps.swarm.initSwarm(target, { advertiseAddr, listenAddr: input.listenAddr ?? null });
    await this.deps.hosts.sync(principal, host.id); // the host now knows its node id
    return this.deps.clusters.register(principal, { name: input.clusterName?.trim() || host.name, environment: host.environment, managerHostId: host.id });
  }

  async join(principal: Principal, hostId: string, clusterId: string, role: 'manager' | 'worker', advertiseAddr?: string | null): Promise<SwarmCluster> {
    const { cluster, target: managerTarget } = await this.deps.clusters.operable(principal, clusterId);
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    const info = await this.deps.swarm.swarmInfo(target);
    if (info.localNodeState === 'active') throw new ConflictError(`host ${host.name} is already part of a swarm: leave it first`, 'hostId');
    const managers = (await this.deps.swarm.listNodes(managerTarget)).filter((n) => n.role === 'manager' && n.managerReachability === 'reachable' && n.managerAddr);
    if (managers.length === 0) throw new ConflictError(`swarm cluster ${cluster.name} has no reachable manager to join through`);
    const tokens = await this.deps.swarm.joinTokens(managerTarget); // never leaves this method
    await this.deps.swarm.joinSwarm(target, {
      remoteAddrs: managers.map((n) => n.managerAddr!),
      joinToken: role === 'manager' ? tokens.manager : tokens.worker,
      advertiseAddr: advertiseAddr ? address(advertiseAddr, 'advertiseAddr') : hostAddress(host),
    });
    await this.deps.hosts.sync(principal, host.id);
    await this.deps.sync.refresh(cluster.id, { kinds: ['node'] });
    return this.deps.clusters.get(principal, cluster.id);
  }

  /** A manager that leaves takes its vote with it: refused (QUORUM_RISK) when the rest could not keep quorum. */
  async leave(principal: Principal, hostId: string, force: boolean): Promise<DockerHost> {
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    const info = await this.deps.swarm.swarmInfo(target);
    if (info.localNodeState !== 'active' && info.localNodeState !== 'pending') throw new ConflictError(`host ${host.name} is not part of a swarm`, 'hostId');
    const [node] = info.nodeId ? await this.deps.queries.nodesByDockerId(principal, [info.nodeId]) : [];
    // Docker needs `force` for any manager to leave, so it cannot be the bypass: only the last manager, dismantling
    // its swarm on purpose, leaves with force whatever quorum says.
    if (info.controlAvailable) {
      const nodes = await this.deps.swarm.listNodes(target);
      const self = nodes.find((n) => n.dockerId === info.nodeId);
      const last = nodes.filter((n) => n.role === 'manager').length === 1;
      if (!(last && force)) assertKeepsQuorum(quorumOf(nodes, ''), { managerLeaving: true, leavingReachable: self?.managerReachability !== 'unreachable', staysMember: true, action: `host ${host.name} leaving the swarm` });
    }
    await this.deps.swarm.leaveSwarm(target, force);
    if (node) await this.deps.sync.refresh(node.clusterId, { kinds: ['node'] }).catch(() => undefined);
    return this.deps.hosts.sync(principal, host.id);
  }

  /** The swarm's inspect, live; null when no manager answers (the cluster's status says why). */
  async inspect(principal: Principal, clusterId: string): Promise<SwarmInspect | null> {
    const { target } = await this.deps.clusters.operable(principal, clusterId).catch(() => ({ target: null }));
    return target ? this.deps.swarm.inspectSwarm(target).catch(() => null) : null;
  }

  async update(principal: Principal, clusterId: string, input: UpdateSwarmInput): Promise<SwarmCluster> {
    const { cluster, target } = await this.deps.clusters.operable(principal, clusterId);
    for (const [key, value] of Object.entries(input)) {
      if (typeof value === 'number' && (!Number.isInteger(value) || value < 0)) throw new InputError(key, 'must be a whole number, 0 or more');
    }
    if (input.electionTick != null && input.heartbeatTick != null && input.electionTick <= input.heartbeatTick) throw new InputError('electionTick', 'must be greater than heartbeatTick');
    await this.deps.swarm.updateSwarm(
      target,
      (spec) => {
        const orchestration = { ...(spec.Orchestration as object), ...(input.taskHistoryLimit != null ? { TaskHistoryRetentionLimit: input.taskHistoryLimit } : {}) };
        const raft = {
          ...(spec.Raft as object),
          ...(input.snapshotInterval != null ? { SnapshotInterval: input.snapshotInterval } : {}),
          ...(input.keepOldSnapshots != null ? { KeepOldSnapshots: input.keepOldSnapshots } : {}),
          ...(input.logEntriesForSlowFollowers != null ? { LogEntriesForSlowFollowers: input.logEntriesForSlowFollowers } : {}),
          ...(input.heartbeatTick != null ? { HeartbeatTick: input.heartbeatTick } : {}),
          ...(input.electionTick != null ? { ElectionTick: input.electionTick } : {}),
        };
        const dispatcher = { ...(spec.Dispatcher as object), ...(input.dispatcherHeartbeatSeconds != null ? { HeartbeatPeriod: input.dispatcherHeartbeatSeconds * 1e9 } : {}) };
        return { ...spec, Orchestration: orchestration, Raft: raft, Dispatcher: dispatcher };
      },
      { rotateWorkerToken: Boolean(input.rotateWorkerToken), rotateManagerToken: Boolean(input.rotateManagerToken) },
    );
    return this.deps.clusters.get(principal, cluster.id);
  }
}

/** An address other nodes can dial: an IP or host name, optionally with a port; no scheme, no path. */
function address(value: string, field: string): string {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(trimmed)) throw new InputError(field, 'must be an address (IP or host, optionally :port)');
  return trimmed;
}

/** The address a host's endpoint names: what other nodes most likely reach it at. */
function hostAddress(host: DockerHost): string {
  try {
    const url = new URL(host.apiEndpoint);
    if (url.protocol === 'tcp:' || url.protocol === 'https:') return url.hostname;
  } catch {
    // fall through
  }
  throw new InputError('advertiseAddr', `is needed: host ${host.name} is reached at ${host.apiEndpoint}, which names no address other nodes could use`);
}
