import { LockMode, wrap, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import type { DockerClientPool } from '../docker/docker.pool';
import type { HostTarget } from '../docker/docker.types';
import { DockerEvent } from '../events/event.entity';
import type { EventRepository } from '../events/event.repository';
import type { EventSeverity } from '../events/event.enums';
import { EventTopic } from '../events/event.topics';
import { fingerprint, type HostCredentials } from '../hosts/host-credentials';
import { isSyncable } from '../hosts/host-health';
import { DockerHost } from '../hosts/host.entity';
import { HostTopic, hostSnapshot } from '../hosts/host.topics';
import type { PubSub } from '../pubsub/pubsub';
import { TableLeases } from './scope-leases';
import type { RowOwner, ScopeEventRow, ScopeEventSink, ScopeLeases, ScopeStore } from './sync-scope.types';
import { HOST_KINDS } from './sync.kinds';

/** Host fields a subscriber sees change; sync bookkeeping (lastSyncedAt, leases) is left out. */
const VISIBLE_HOST_FIELDS = ['status', 'consecutiveFailures', 'lastError', 'lastErrorCode', 'dockerVersion', 'apiVersion', 'os', 'osType', 'architecture', 'cpuCount', 'memoryBytes', 'storageBytes', 'containerCount', 'imageCount', 'swarmNodeId'] as const;

/** Hosts as sync scopes: lease, lock, inventory version and event checkpoint are columns of docker_hosts. */
export class HostScopes implements ScopeStore<DockerHost> {
  readonly label = 'docker host';
  readonly entityName = DockerHost.name;
  readonly kinds = HOST_KINDS;
  /** What the kinds' rows follow, and the daemon's own events (stored for the log). */
  readonly eventTypes = [...new Set([...HOST_KINDS.flatMap((kind) => kind.eventTypes), 'daemon'])];
  readonly visible = VISIBLE_HOST_FIELDS;
  readonly wakeTopic = HostTopic.SyncWake;
  readonly events: ScopeEventSink<DockerHost>;

  constructor(private readonly deps: { orm: MikroORM; credentials: Pick<HostCredentials, 'target'>; docker: Pick<DockerClientPool, 'systemInfo' | 'layersSize'>; pubsub: PubSub }) {
    this.events = new HostEvents(deps.pubsub);
  }

  find(em: EntityManager, id: string): Promise<DockerHost | null> {
    return em.findOne(DockerHost, id);
  }

  lock(tx: EntityManager, id: string): Promise<DockerHost | null> {
    return tx.findOne(DockerHost, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  syncable(host: DockerHost): boolean {
    return isSyncable(host);
  }

  fingerprint(host: DockerHost): string {
    return fingerprint(host);
  }

  target(host: DockerHost): HostTarget {
    return this.deps.credentials.target(host);
  }

  async connect(host: DockerHost): Promise<HostTarget> {
    return this.target(host);
  }

  describe(target: HostTarget): Promise<Partial<DockerHost>> {
    return this.deps.docker.systemInfo(target);
  }

  async measure(target: HostTarget): Promise<Partial<DockerHost>> {
    return { storageBytes: await this.deps.docker.layersSize(target) };
  }

  owner(host: DockerHost): RowOwner {
    return { accountId: host.accountId, hostId: host.id };
  }

  rows(host: DockerHost): Record<string, string> {
    return { hostId: host.id };
  }

  async advanceCheckpoint(em: EntityManager, id: string, timeNano: bigint): Promise<void> {
    await em.getConnection().execute('update docker_hosts set events_checkpoint = greatest(coalesce(events_checkpoint, 0), ?::bigint) where id = ?', [timeNano.toString(), id]);
  }

  leases(instanceId: string, leaseSeconds: number): ScopeLeases {
    return new TableLeases(this.deps.orm, 'docker_hosts', instanceId, leaseSeconds);
  }

  publishChange(host: DockerHost): void {
    this.deps.pubsub.publish(HostTopic.Changed, host.accountId, hostSnapshot(host));
  }
}

/** A host's event log: docker_events, one row per event (a replayed one is skipped). */
class HostEvents implements ScopeEventSink<DockerHost> {
  constructor(private readonly pubsub: PubSub) {}

  insertNew(em: EntityManager, host: DockerHost, rows: ScopeEventRow[]): Promise<unknown[]> {
    return (em.getRepository(DockerEvent) as EventRepository).insertNew(rows.map((row) => ({ ...row, severity: row.severity as EventSeverity, accountId: host.accountId, hostId: host.id })));
  }

  actorsWith(em: EntityManager, host: DockerHost, type: string, action: string, actorIds: string[]): Promise<Set<string>> {
    return (em.getRepository(DockerEvent) as EventRepository).actorsWith(host.id, type, action, actorIds);
  }

  publish(host: DockerHost, event: unknown): void {
    this.pubsub.publish(EventTopic.Received, host.accountId, wrap(event as DockerEvent).toPOJO() as DockerEvent);
  }
}
