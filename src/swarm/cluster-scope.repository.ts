import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '../common/errors';
import type { DockerInventory } from '../docker/docker.inventory';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { HostTarget } from '../docker/docker.types';
import { insertNewEvents } from '../events/event.repository';
import type { EventSeverity } from '../events/event.enums';
import { fingerprint, type HostCredentials } from '../hosts/host-credentials';
import { isSyncable } from '../hosts/host-health';
import { HostStatus } from '../hosts/host.enums';
import type { PubSub } from '../pubsub/pubsub';
import { TableLeases } from '../sync/scope-leases';
import type { RowOwner, ScopeEventRow, ScopeEventSink, ScopeLeases, ScopeStore, WatchVerdict } from '../sync/sync-scope.types';
import { SwarmCluster } from './cluster.entity';
import { CLUSTER_KINDS } from './cluster.kinds';
import { quorumNeeded, quorumOf } from './quorum';
import { SwarmEvent } from './swarm-event.entity';
import { plainSnapshot } from '../db/plain-rows';
import { clusterSnapshot, SwarmTopic } from './swarm.topics';

/** Cluster fields a subscriber sees change; sync bookkeeping is left out. */
const VISIBLE_CLUSTER_FIELDS = ['status', 'consecutiveFailures', 'lastError', 'lastErrorCode', 'swarmId', 'activeEndpoint', 'nodeCount', 'managerCount', 'managersReachable', 'hasQuorum', 'leaderNodeId', 'dockerVersion'] as const;

/**
 * Swarm clusters as sync scopes: the same engine as hosts, through one manager at a time. The check asks the manager
 * about the swarm (it must be an active manager); when the manager in use does not answer, the others learned from
 * the node list are tried (failover). A manager answering that the swarm has no leader is a quorum loss, not an
 * unreachable cluster: it is recorded (hasQuorum false, QUORUM_LOST) and not counted toward ERROR, which would stop
 * the syncs that notice quorum come back.
 */
export class ClusterScopes implements ScopeStore<SwarmCluster> {
  readonly label = 'swarm cluster';
  readonly entityName = SwarmCluster.name;
  readonly kinds = CLUSTER_KINDS;
  readonly eventTypes = [...new Set(CLUSTER_KINDS.flatMap((kind) => kind.eventTypes))].filter((type) => type !== 'task');
  readonly visible = VISIBLE_CLUSTER_FIELDS;
  readonly wakeTopic = SwarmTopic.SyncWake;
  readonly describeFirst = true;
  readonly events: ScopeEventSink<SwarmCluster>;
  /**
   * Every 2 s: the node list (its managers' reachability decides quorum) and whether a service is converging. Docker
   * sends no task events and no event when a manager stops answering its peers, so this is how a dashboard sees
   * replicas converge and quorum go and come back within seconds.
   */
  readonly watch = { everyMs: 2000, look: (target: HostTarget, cluster: SwarmCluster) => this.look(target, cluster) };

  constructor(private readonly deps: { orm: MikroORM; credentials: Pick<HostCredentials, 'open'>; swarm: Pick<DockerSwarm, 'swarmInfo' | 'listNodes'>; inventory: Pick<DockerInventory, 'ping'>; pubsub: PubSub; quorumProbeMs: number }) {
    this.events = new ClusterEvents(deps.pubsub);
  }

  find(em: EntityManager, id: string): Promise<SwarmCluster | null> {
    return em.findOne(SwarmCluster, id);
  }

  lock(tx: EntityManager, id: string): Promise<SwarmCluster | null> {
    return tx.findOne(SwarmCluster, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  syncable(cluster: SwarmCluster): boolean {
    return isSyncable(cluster);
  }

  /** As registered: a failover to another manager is not a re-pointed cluster. */
  fingerprint(cluster: SwarmCluster): string {
    return fingerprint(cluster);
  }

  target(cluster: SwarmCluster): HostTarget {
    return this.targetAt(cluster, cluster.activeEndpoint ?? cluster.apiEndpoint);
  }

  /**
   * The manager in use if it answers, else the registered one, else the others in turn. The one in use is taken on a
   * ping unless the last check found it no longer a manager (demoted, or its engine left the swarm); any other is
   * taken only if it answers as a manager, within the quorum probe's deadline. A manager that answers but whose swarm
   * does not (no leader reachable) is kept as a last resort, so a quorum loss is reported as such, not as unreachable.
   * Failures here are marked `phase: connect`: nothing answered, which is never read as a quorum loss.
   */
  async connect(cluster: SwarmCluster): Promise<HostTarget> {
    const active = cluster.activeEndpoint ?? cluster.apiEndpoint;
    const candidates = [...new Set([active, cluster.apiEndpoint, ...cluster.failoverEndpoints])];
    const trustActive = cluster.lastErrorCode !== ErrorCode.NOT_SWARM_MANAGER;
    let first: unknown;
    let leaderless: HostTarget | undefined;
    for (const endpoint of candidates) {
      const target = this.targetAt(cluster, endpoint);
      try {
        await this.deps.inventory.ping(target);
        if (endpoint === active && trustActive) return target;
        const info = await this.within(this.deps.swarm.swarmInfo(target));
        if (info === null || info.quorumLost) leaderless ??= target;
        else if (info.controlAvailable) return target;
        else first ??= new DomainError(ErrorCode.NOT_SWARM_MANAGER, `${endpoint} is not a swarm manager (its node state is ${info.localNodeState || 'unknown'})`);
      } catch (error) {
        first ??= error;
      }
    }
    if (leaderless) return leaderless;
    if (first instanceof DomainError) throw new DomainError(first.code, first.message, { ...first.details, phase: 'connect' });
    throw first;
  }

  /** `promise` within the quorum probe's deadline; null when it does not come in time. */
  private async within<T>(promise: Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    promise.catch(() => undefined);
    try {
      return await Promise.race([promise, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.deps.quorumProbeMs)))]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The check's own question: is this an active manager, and does its swarm answer? Measured on 20.10 (see
   * test/fleet/README.md): when a majority of managers stops, a manager that is not the leader answers /_ping but its
   * node list hangs for ~20 s, and "does not have a leader" comes only 17–26 s after the stop. A node list that does
   * not answer within SWARM_QUORUM_PROBE_MS from a manager that answers /info is read as quorum lost (the manager
   * cannot reach a leader); the leader's own list shows the others unreachable at once (see quorumOf).
   */
  async describe(target: HostTarget): Promise<Partial<SwarmCluster>> {
    // connect() has just had this manager answer /_ping: its /info timing out is its swarm component waiting for a
    // leader, like the node list.
    const info = this.deps.swarm.swarmInfo(target).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.HOST_TIMEOUT) throw new DomainError(ErrorCode.QUORUM_LOST, `the manager at ${target.apiEndpoint} answers /_ping, but not /info in time (${error.message}): no leader reachable (quorum lost, or an election under way)`);
      throw error;
    });
    const [swarmInfo] = await Promise.all([info, this.probeNodes(target)]);
    if (!swarmInfo.controlAvailable) {
      throw new DomainError(ErrorCode.NOT_SWARM_MANAGER, `${target.apiEndpoint} is not a swarm manager (its node state is ${swarmInfo.localNodeState || 'unknown'})`);
    }
    if (swarmInfo.quorumLost) throw new DomainError(ErrorCode.QUORUM_LOST, `the swarm has no leader (${swarmInfo.error ?? 'too few managers reachable'}): quorum is lost`);
    return { swarmId: swarmInfo.clusterId, activeEndpoint: target.apiEndpoint, dockerVersion: swarmInfo.engineVersion };
  }

  /**
   * Measured on 20.10: once a majority of managers is gone, the node list says so within a second, the leader steps
   * down at ~18 s, and for ~12 s every swarm call hangs before "does not have a leader" comes back. A call that times
   * out while the last check found quorum lost is that same loss, not an unreachable cluster.
   */
  explain(cluster: SwarmCluster, error: DomainError): DomainError {
    // Only after a manager answered (connect's own failures mean none did: those are counted).
    if (cluster.hasQuorum === false && error.code === ErrorCode.HOST_TIMEOUT && error.details.phase !== 'connect') return new DomainError(ErrorCode.QUORUM_LOST, `the swarm's managers do not answer while quorum is lost (${error.message})`);
    return error;
  }

  /**
   * Without a leader, the last listing's leader and reachable count are no longer true: no leader, fewer than quorum.
   * A quorum loss is told by a manager that answered: a cluster DISCONNECTED by an earlier failure (a manager resets
   * its connections while its swarm re-forms) is reachable again, so CONNECTED, and watched every 2 s for quorum to
   * come back instead of waiting out the pings' 30 s backoff.
   */
  failed(cluster: SwarmCluster, error: DomainError): Partial<SwarmCluster> {
    if (error.code !== ErrorCode.QUORUM_LOST) return {};
    const managers = cluster.managerCount ?? 0;
    const reached = cluster.status === HostStatus.DISCONNECTED && cluster.consecutiveFailures > 0 ? { status: HostStatus.CONNECTED, consecutiveFailures: 0 } : {};
    return { ...reached, hasQuorum: false, leaderNodeId: null, managersReachable: Math.min(cluster.managersReachable ?? 0, Math.max(quorumNeeded(managers) - 1, 0)) };
  }

  uncounted(error: DomainError): boolean {
    return error.code === ErrorCode.QUORUM_LOST;
  }

  owner(cluster: SwarmCluster): RowOwner {
    return { accountId: cluster.accountId, clusterId: cluster.id };
  }

  rows(cluster: SwarmCluster): Record<string, string> {
    return { clusterId: cluster.id };
  }

  async advanceCheckpoint(em: EntityManager, id: string, timeNano: bigint): Promise<void> {
    await em.getConnection().execute('update swarm_clusters set events_checkpoint = greatest(coalesce(events_checkpoint, 0), ?::bigint) where id = ?', [timeNano.toString(), id]);
  }

  leases(instanceId: string, leaseSeconds: number): ScopeLeases {
    return new TableLeases(this.deps.orm, 'swarm_clusters', instanceId, leaseSeconds);
  }

  publishChange(cluster: SwarmCluster): void {
    this.deps.pubsub.publish(SwarmTopic.ClusterChanged, cluster.accountId, clusterSnapshot(cluster));
  }

  /** The node list within the quorum probe's deadline; QUORUM_LOST when it does not come (see describe). */
  private async probeNodes(target: HostTarget) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DomainError(ErrorCode.QUORUM_LOST, `the manager at ${target.apiEndpoint} answers, but its swarm did not list its nodes within ${this.deps.quorumProbeMs} ms: no leader reachable (quorum lost, or an election under way)`)), this.deps.quorumProbeMs);
    });
    // The adapter's own deadline (DOCKER_TIMEOUT_MS) may come first: a node list that times out from a manager that
    // just answered is the same sign.
    const nodes = this.deps.swarm.listNodes(target).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.HOST_TIMEOUT) throw new DomainError(ErrorCode.QUORUM_LOST, `the manager at ${target.apiEndpoint} answers, but its swarm did not list its nodes in time (${error.message}): no leader reachable (quorum lost, or an election under way)`);
      throw error;
    });
    nodes.catch(() => undefined); // settled by the race, or after it lost
    try {
      return await Promise.race([nodes, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Quorum as the node list tells it is recorded at once (issue 9: its loss within 10 s), not left to the full sync
   * it also asks for: a sync under way through a swarm with many objects, whose calls may each wait out their timeout
   * once the leader is gone, takes longer than that. The leader's own list shows the stopped managers unreachable at
   * once; a follower whose leader stopped lists nothing in time, which is the quorum loss describe reads too.
   */
  private async look(target: HostTarget, cluster: SwarmCluster): Promise<WatchVerdict<SwarmCluster>> {
    let quorum: ReturnType<typeof quorumOf>;
    try {
      quorum = quorumOf(await this.probeNodes(target), cluster.apiEndpoint);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.QUORUM_LOST) throw error;
      // Told once: while the loss lasts, the interval's syncs (and this look, once the list answers) carry on.
      if (cluster.hasQuorum === false && cluster.lastErrorCode === ErrorCode.QUORUM_LOST) return { due: false };
      return { due: true, record: { ...this.failed(cluster, error), lastError: error.message, lastErrorCode: error.code } };
    }
    const seen = { hasQuorum: quorum.hasQuorum, managersReachable: quorum.managersReachable, leaderNodeId: quorum.leaderNodeId, managerCount: quorum.managerCount, nodeCount: quorum.nodeCount };
    // The loss a timed-out list recorded is over once a list answers with quorum (a full sync would clear it too).
    const cleared = quorum.hasQuorum && cluster.lastErrorCode === ErrorCode.QUORUM_LOST ? { lastError: null, lastErrorCode: null } : {};
    const changed = Object.entries(seen).some(([field, value]) => cluster[field as keyof typeof seen] !== value) || Object.keys(cleared).length > 0;
    if (changed) return { due: true, record: { ...seen, ...cleared } };
    return { due: await this.converging(cluster) };
  }

  private async converging(cluster: SwarmCluster): Promise<boolean> {
    // Converging: a service updating or short of its replicas, or a task between states (told to run and not running
    // yet, or told to stop and still running). Only what changed in the last 10 minutes: a service stuck for longer
    // is left to the interval's sync.
    const [{ converging }] = await this.deps.orm.em.fork().getConnection().execute<Array<{ converging: boolean }>>(
      `select exists (select 1 from swarm_services where cluster_id = ? and updated_at > now() - interval '10 minutes'
         and (update_state in ('updating', 'rollback_started') or (mode = 'replicated' and coalesce(running_tasks, -1) <> coalesce(replicas, 0))))
       or exists (select 1 from swarm_tasks where cluster_id = ? and updated_at > now() - interval '10 minutes'
         and ((desired_state in ('running', 'ready') and state not in ('running', 'failed', 'rejected', 'complete', 'shutdown', 'orphaned', 'remove'))
           or (desired_state in ('shutdown', 'remove') and state in ('running', 'starting', 'preparing', 'assigned', 'accepted', 'ready')))) as converging`,
      [cluster.id, cluster.id],
    );
    return converging;
  }

  /** One client per cluster in the pool (keyed by its id); the endpoint is part of the fingerprint, so a failover rebuilds it. */
  private targetAt(cluster: SwarmCluster, endpoint: string): HostTarget {
    return {
      hostId: cluster.id,
      apiEndpoint: endpoint,
      tlsVerify: cluster.tlsVerify,
      tls: this.deps.credentials.open(cluster),
      fingerprint: createHash('sha256').update(JSON.stringify([fingerprint(cluster), endpoint])).digest('base64url'),
    };
  }
}

/** A cluster's event log: swarm_events (the same event from two managers, or replayed, is stored once). */
class ClusterEvents implements ScopeEventSink<SwarmCluster> {
  constructor(private readonly pubsub: PubSub) {}

  insertNew(em: EntityManager, cluster: SwarmCluster, rows: ScopeEventRow[]): Promise<unknown[]> {
    return insertNewEvents(em, SwarmEvent, { table: 'swarm_events', owner: 'cluster_id' }, rows.map((row) => ({ ...row, severity: row.severity as EventSeverity, accountId: cluster.accountId, ownerId: cluster.id })));
  }

  async actorsWith(em: EntityManager, cluster: SwarmCluster, type: string, action: string, actorIds: string[]): Promise<Set<string>> {
    if (actorIds.length === 0) return new Set();
    const rows = await em.find(SwarmEvent, { clusterId: cluster.id, type, action, actorId: { $in: actorIds } }, { fields: ['actorId'] });
    return new Set(rows.map((row) => row.actorId));
  }

  publish(cluster: SwarmCluster, event: unknown): void {
    this.pubsub.publish(SwarmTopic.EventReceived, cluster.accountId, plainSnapshot(event as SwarmEvent));
  }
}
