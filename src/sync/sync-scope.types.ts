import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainError } from '../common/errors';
import type { HostTarget } from '../docker/docker.types';
import type { HealthState } from '../hosts/host-health';
import type { SyncedKind } from './synced-kind.types';

/**
 * What one sync writes into: a host, or a swarm cluster. Its row carries what the engine needs to run one writer at a
 * time (the lease, the lock taken by every write, the inventory version every write bumps, the checkpoint of the
 * event stream) and the health check's result (the same state machine for every scope).
 */
export interface SyncScope extends HealthState {
  readonly id: string;
  readonly accountId: string;
  /** Bumped by every write that changed a row: a write that finds it moved since its fetch began fetches again. */
  inventoryVersion: number;
  /** `timeNano` of the last stored Engine event: where the stream resumes, and what a batch has already applied. */
  readonly eventsCheckpoint?: string | null;
  /** The instance holding the sync lease. */
  readonly syncOwner?: string | null;
  lastError?: string | null;
  lastErrorCode?: string | null;
  lastCheckedAt?: Date | null;
  lastSyncedAt?: Date | null;
}

/** The owner columns of the rows a scope holds, as new rows get them and existing ones are found by. */
export type RowOwner = { accountId: string } & Record<string, string>;

/** A scope this instance holds the sync lease for, with what decides how it is synced. */
export interface LeasedScope {
  id: string;
  intervalMs: number;
  /** Changes when the endpoint, TLS settings or credentials change. */
  connectionKey: string;
}

/** Sync ownership of the scopes of one kind, for one instance (see HostScopes for how it is kept). */
export interface ScopeLeases {
  /** Renews this instance's leases and returns the scopes it still holds. */
  renew(): Promise<LeasedScope[]>;
  /** Gives up scopes that are no longer syncable, so their lease shows nobody syncs them. */
  releaseUnsyncable(): Promise<void>;
  /** Takes up to `limit` syncable scopes that nobody holds, or whose holder's lease ran out. */
  claim(limit: number): Promise<LeasedScope[]>;
  /**
   * Says this instance is alive (for one lease) with the scopes it can hold, and answers its fair part of the
   * syncable scopes: their number shared in proportion to the capacities of the instances alive, rounded up (equal
   * capacities: an equal split; one instance of small capacity beside a large one leaves nothing unsynced).
   */
  fairShare(capacity: number): Promise<number>;
  /** Gives up `count` of the scopes this instance holds (the ones with the highest ids), for others to claim. */
  release(count: number): Promise<string[]>;
  /** On shutdown: let another instance take the scopes over at once instead of after the lease runs out. */
  releaseAll(): Promise<void>;
  /**
   * Milliseconds until the first scopes another instance holds become claimable — its lease run out and it no longer
   * alive (it died) — or null when none will be: the worker looks then rather than up to a tick later.
   */
  nextTakeoverMs?(): Promise<number | null>;
}

/** The Engine events the stored event log of a scope keeps, as rows (see SyncEventLog). */
export interface ScopeEventRow {
  type: string;
  action: string;
  actorId: string;
  actorName: string | null;
  attributes: Record<string, string>;
  severity: string;
  time: Date;
  timeNano: string;
}

/** Where a scope's event log is stored: inserts skip what is there already (the same event reported twice). */
export interface ScopeEventSink<S extends SyncScope> {
  /** Inserts what is new; returns the inserted rows as subscribers get them. */
  insertNew(em: EntityManager, scope: S, rows: ScopeEventRow[]): Promise<unknown[]>;
  /** Which of these actors already have an event of this type and action in the scope. */
  actorsWith(em: EntityManager, scope: S, type: string, action: string, actorIds: string[]): Promise<Set<string>>;
  /** Publishes one stored event to the scope's account. */
  publish(scope: S, event: unknown): void;
}

/** What a scope's watch saw. */
export interface WatchVerdict<S extends SyncScope> {
  /** A full sync should run now (a cluster's managers changed reachability, a service is converging). */
  due: boolean;
  /**
   * Columns of the scope that are known now and must not wait for a full sync (a cluster's quorum: a sync under way
   * may take longer than the time in which quorum loss must be told). Written at once when they differ from the row
   * (see InventorySync.record), which also discards the write of a sync whose fetch began before.
   */
  record?: Partial<S>;
}

/**
 * Where the scopes of one kind live, what is synced in them, and the checks the engine makes on them: the engine
 * (InventorySync, ScopeSupervisor, SyncWorker) is written once against this, for hosts and for clusters.
 */
export interface ScopeStore<S extends SyncScope> {
  /** In logs: "docker host", "swarm cluster". */
  readonly label: string;
  /** The entity class name of the scope row (its columns bound what a check may store). */
  readonly entityName: string;
  /** What is synced in such a scope, in the order a write applies them. */
  readonly kinds: readonly SyncedKind[];
  /** Engine event types the scope's event stream subscribes to. */
  readonly eventTypes: readonly string[];
  /** Fields a subscriber sees change: a write that changes one publishes the scope. */
  readonly visible: readonly (keyof S & string)[];
  /** Published system-wide when a scope's syncable state changes: every instance's worker looks again at once. */
  readonly wakeTopic: string;
  readonly events: ScopeEventSink<S>;
  find(em: EntityManager, id: string): Promise<S | null>;
  /** The scope row locked for one write, read afresh: serialises writers across instances. */
  lock(tx: EntityManager, id: string): Promise<S | null>;
  /** Not taken offline, not in ERROR: worth a sync. */
  syncable(scope: S): boolean;
  /** Changes whenever what the connection depends on changes (as configured: a failover does not change it). */
  fingerprint(scope: S): string;
  /** Where the scope is reached now. */
  target(scope: S): HostTarget;
  /**
   * The endpoint a check talks to: `target(scope)` unless it does not answer and the scope knows another (a cluster's
   * other managers). Throws the first endpoint's failure when none answers.
   */
  connect(scope: S): Promise<HostTarget>;
  /**
   * The check's own question: what the Engine says about itself, as the scope's columns (cut to fit them by the
   * engine). Throwing a DomainError fails the check.
   */
  describe(target: HostTarget, scope: S): Promise<Partial<S>>;
  /**
   * The listings are only worth asking once `describe` has answered (a swarm manager without a leader hangs them, and
   * their timeouts would hide what describe found); otherwise both run at once.
   */
  readonly describeFirst?: boolean;
  /**
   * What the check measures once the listing is stored (a host's disk usage: the Engine's slowest answer), so the
   * inventory never waits for it. Written by a short fenced transaction of its own; a field left out or null is
   * unknown this time and keeps its stored value.
   */
  measure?(target: HostTarget, scope: S): Promise<Partial<S>>;
  /** What a failed check's error means for this scope (a cluster's timeout during a known quorum loss is that loss). */
  explain?(scope: S, error: DomainError): DomainError;
  /** A failed check's own columns beyond the health machine's (none for hosts). */
  failed?(scope: S, error: DomainError): Partial<S>;
  /** A failure that is recorded but not counted toward ERROR (a cluster's quorum loss: its managers do answer). */
  uncounted?(error: DomainError): boolean;
  /**
   * A cheap look between full syncs, every `everyMs` while the scope is CONNECTED, also while a full sync runs: its
   * verdict (see WatchVerdict) may ask for a full sync and name columns to record at once. A look that throws brings
   * a check forward that is recorded but not counted (the look is not a check).
   */
  readonly watch?: { everyMs: number; look(target: HostTarget, scope: S): Promise<WatchVerdict<S>> };
  owner(scope: S): RowOwner;
  /** Which rows are the scope's: the filter its writes read them by. */
  rows(scope: S): Record<string, string>;
  /** Moves the event checkpoint forward to `timeNano`, never back. */
  advanceCheckpoint(em: EntityManager, id: string, timeNano: bigint): Promise<void>;
  leases(instanceId: string, leaseSeconds: number): ScopeLeases;
  /** Publishes the scope to its account's subscribers (after a write changed a visible field). */
  publishChange(scope: S): void;
}
