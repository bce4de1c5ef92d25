import type { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import { KeyedQueue, mapLimit } from '../common/concurrency';
import { DomainError, ErrorCode } from '../common/errors';
import { databaseErrorSummary } from '../db/db-errors';
import { fitted } from '../db/row-check';
import type { DockerInventory } from '../docker/docker.inventory';
import type { DockerClientPool } from '../docker/docker.pool';
import type { SystemInfo } from '../docker/docker.types';
import type { HostCredentials } from '../hosts/host-credentials';
import { afterCheck } from '../hosts/host-health';
import { DockerHost } from '../hosts/host.entity';
import { HostTopic, hostSnapshot } from '../hosts/host.topics';
import { sameValue } from '../inventory/inventory.diff';
import type { InventoryObject } from '../inventory/inventory.entity';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { EventBatch } from './event.queue';
import { HostScopes } from './host-scope.repository';
import { ChangeSet } from './inventory.apply';
import { SyncEventLog } from './sync-events.log';
import { INSPECT_CONCURRENCY, type FetchContext, type SyncedKind } from './synced-kind.types';
import { SYNCED_KINDS } from './sync.kinds';

export interface InventorySyncDeps {
  orm: MikroORM;
  docker: DockerClientPool;
  inventory: DockerInventory;
  credentials: HostCredentials;
  pubsub: PubSub;
  logger: Logger;
}

/** Who asks, for the checks made under the host lock before anything is written. */
export interface SyncOptions {
  /** The lease holder this work runs for: when the lease has moved to another instance, nothing is written. */
  owner?: string;
  /** The connection the data came from (an event stream's): when the host was re-pointed since, nothing is written. */
  fingerprint?: string;
  /**
   * A check brought forward because the host answered a ping: a failure is recorded (lastError) but not counted toward
   * ERROR, so a host that answers pings and fails checks is not pushed to ERROR faster than its interval would.
   */
  early?: boolean;
}

export interface SyncResult {
  host: DockerHost | null;
  ok: boolean;
  /** The host was offline, in ERROR, deleted, re-pointed, or its lease moved: nothing was applied. */
  skipped: boolean;
  error?: DomainError;
  /** Inventory rows inserted, updated or deleted. */
  written: number;
  /** Messages published (container state changes, host changes). */
  published: number;
}

/** Host fields a subscriber sees change; sync bookkeeping (lastSyncedAt, leases) is left out. */
const VISIBLE_HOST_FIELDS = ['status', 'consecutiveFailures', 'lastError', 'lastErrorCode', 'dockerVersion', 'apiVersion', 'os', 'osType', 'architecture', 'cpuCount', 'memoryBytes', 'storageBytes', 'containerCount', 'imageCount'] as const;
/** Another instance wrote this host's inventory after our fetch began: fetch again, this many times at most. */
const STALE_RETRIES = 3;

/** The inventory changed under a fetch (written by another instance since): the fetch must be redone. */
class StaleFetch extends Error {}

/** What one kind's fetch found: a full listing, or the objects read back one by one (gone: answered 404). */
interface Fetched {
  kind: SyncedKind;
  snapshots: Array<{ dockerId: string }>;
  complete: boolean;
  /** The objects read back (the only rows such a write touches). */
  ids: string[];
  gone: string[];
}

/**
 * Brings the stored inventory of a host in line with its Engine: the full sync (system info + every list, the
 * reconcile and health check) and the event path (inspect just the objects events named). Work on one host is
 * serialised in this process, so an event is always applied after the listing that preceded it; every write locks
 * the host row first, which serialises writers across instances too. Each write is one transaction, touches only
 * rows that changed, and is published only after the commit.
 */
export class InventorySync {
  private readonly queue = new KeyedQueue();
  private readonly events: SyncEventLog;
  /** The scopes this engine syncs, with their leases (taken by the worker). */
  readonly scopes: HostScopes;

  constructor(private readonly deps: InventorySyncDeps) {
    this.scopes = new HostScopes(deps.orm, deps.credentials);
    this.events = new SyncEventLog({ ...deps, scopes: this.scopes });
  }

  fullSync(hostId: string, options: SyncOptions = {}): Promise<SyncResult> {
    return this.queue.run(hostId, () => this.retryStale(() => this.runFullSync(hostId, options)));
  }

  applyEvents(hostId: string, batch: EventBatch, options: SyncOptions = {}): Promise<SyncResult> {
    return this.queue.run(hostId, () => this.retryStale(() => this.runApplyEvents(hostId, batch, options)));
  }

  /**
   * Per-process ordering is the queue; across instances (a manual sync on one while another holds the lease, or an
   * old lease holder finishing late), a fetch may be older than what another instance already wrote. Every inventory
   * write bumps the host's inventoryVersion; a write that finds it moved since its fetch began fetches again.
   */
  private async retryStale(run: () => Promise<SyncResult>): Promise<SyncResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof StaleFetch) || attempt >= STALE_RETRIES) throw error;
      }
    }
  }

  /**
   * After an operation through this API: the named objects are read back and written (and published) now, in the
   * host's queue like any event, so the caller's answer already shows the result.
   */
  refresh(hostId: string, what: { containers?: string[]; kinds?: Array<'image' | 'network' | 'volume'> }): Promise<SyncResult> {
    const batch = new EventBatch();
    for (const id of what.containers ?? []) batch.add('container', { inspect: id });
    for (const kind of what.kinds ?? []) batch.add(kind, 'relist');
    return this.applyEvents(hostId, batch);
  }

  /** Records that the event log of a host has a hole (the inventory itself is re-listed by the caller). */
  async recordGap(hostId: string, reason: string, attributes: Record<string, string> = {}): Promise<void> {
    const host = await this.scopes.find(this.deps.orm.em.fork(), hostId);
    if (host) await this.events.gap(host, reason, attributes);
  }

  /** Settles when all queued work has (shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async runFullSync(hostId: string, options: SyncOptions): Promise<SyncResult> {
    const em = this.deps.orm.em.fork();
    const host = await this.scopes.find(em, hostId);
    if (!host || !this.scopes.syncable(host)) return { host, ok: false, skipped: true, written: 0, published: 0 };
    const checked = { owner: options.owner, fingerprint: options.fingerprint ?? this.scopes.fingerprint(host), version: host.inventoryVersion };
    let fetched: Awaited<ReturnType<InventorySync['fetchAll']>> | undefined;
    let failure: DomainError | undefined;
    try {
      fetched = await this.fetchAll(em, host);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failure = error;
    }
    const recordFailure = (failed: DomainError) =>
      this.write(this.deps.orm.em.fork(), hostId, checked, async (_tx, current) => {
        Object.assign(current, options.early ? {} : afterCheck(current, false), { lastCheckedAt: new Date(), lastError: failed.message, lastErrorCode: failed.code });
      }, failed);
    if (!fetched) return recordFailure(failure!);
    const listing = fetched;
    try {
      return await this.write(em, hostId, checked, async (tx, current, changes) => {
        await this.applyFetched(tx, current, listing.kinds, [], changes);
        const now = new Date();
        // Disk usage comes from a call allowed to time out: unknown this time is not a change.
        // What a daemon says about itself is cut to fit (a rogue endpoint may send anything): a check, not a failure.
        const info = fitted(tx.getMetadata().get(DockerHost.name), { ...listing.info, storageBytes: listing.info.storageBytes ?? current.storageBytes });
        Object.assign(current, info, afterCheck(current, true), { lastCheckedAt: now, lastSyncedAt: now, lastError: null, lastErrorCode: null });
      });
    } catch (error) {
      if (error instanceof StaleFetch) throw error;
      // The host answered but its inventory was not stored: a failed check, so the host is never shown CONNECTED
      // while nothing syncs. When the database itself is down this write fails too, and the caller reports that.
      this.deps.logger.error({ err: error, hostId }, 'docker host inventory could not be stored');
      const reason = databaseErrorSummary(error)?.message ?? 'an unexpected error (see the server log)';
      return recordFailure(new DomainError(ErrorCode.SYNC_WRITE_FAILED, `the inventory could not be stored: ${reason}`));
    }
  }

  private async fetchAll(em: EntityManager, host: DockerHost) {
    const context = this.fetchContext(em, host);
    const [info, kinds] = await Promise.all([
      this.deps.docker.systemInfo(context.target),
      Promise.all(SYNCED_KINDS.map((kind) => this.fetchListing(kind, context))),
    ]);
    return { info: info as SystemInfo, kinds };
  }

  private fetchContext(em: EntityManager, host: DockerHost): FetchContext {
    return { em, inventory: this.deps.inventory, target: this.scopes.target(host), owner: this.scopes.owner(host) };
  }

  private async fetchListing(kind: SyncedKind, context: FetchContext): Promise<Fetched> {
    return { kind, snapshots: await kind.list(context), complete: true, ids: [], gone: [] };
  }

  /** Reads back the named objects concurrently; the ones that vanished meanwhile are `gone`. */
  private async fetchObjects(kind: SyncedKind, context: FetchContext, ids: string[]): Promise<Fetched> {
    const inspected = await mapLimit(ids, INSPECT_CONCURRENCY, (id) => kind.inspect!(context, id));
    const snapshots = inspected.filter((s): s is { dockerId: string } => s !== null);
    return { kind, snapshots, complete: false, ids, gone: ids.filter((_, i) => inspected[i] === null) };
  }

  /**
   * Applies each kind's fetch in table order. One connection inside a transaction: the reads go one after another.
   * A full listing is reconciled against all of the scope's rows of its kind, a read-back against those objects' rows.
   */
  private async applyFetched(tx: EntityManager, scope: DockerHost, fetched: Fetched[], events: EventBatch['events'], changes: ChangeSet): Promise<void> {
    const owner = this.scopes.owner(scope);
    const rows = this.scopes.rows(scope);
    for (const { kind, snapshots, complete, ids, gone } of fetched) {
      const existing = await tx.find(kind.entity, (complete ? rows : { ...rows, dockerId: { $in: ids } }) as FilterQuery<InventoryObject>);
      kind.apply({ em: tx, scope, owner, existing, snapshots, complete, gone, events, changes });
    }
  }

  private async runApplyEvents(hostId: string, batch: EventBatch, options: SyncOptions): Promise<SyncResult> {
    const em = this.deps.orm.em.fork();
    const host = await this.scopes.find(em, hostId);
    if (!host || !this.scopes.syncable(host)) return { host, ok: false, skipped: true, written: 0, published: 0 };
    const checked = { owner: options.owner, fingerprint: options.fingerprint ?? this.scopes.fingerprint(host), version: host.inventoryVersion };
    let result: SyncResult = { host, ok: true, skipped: false, written: 0, published: 0 };
    // A kind without read-backs is re-listed whole; exec events (health checks) name no object: they neither lock
    // the host nor write anything.
    const work = SYNCED_KINDS.map((kind) => ({ kind, ids: [...(batch.objects.get(kind.name) ?? [])] }))
      .map(({ kind, ids }) => ({ kind, ids, relist: batch.kinds.has(kind.name) || (ids.length > 0 && !kind.inspect) }))
      .filter(({ ids, relist }) => relist || ids.length > 0);
    if (work.length > 0) {
      const context = this.fetchContext(em, host);
      // Engine failures propagate: the stream's owner treats them as a broken connection and falls back to a full sync.
      const fetched = await Promise.all(work.map(({ kind, ids, relist }) => (relist ? this.fetchListing(kind, context) : this.fetchObjects(kind, context, ids))));
      result = await this.write(em, hostId, checked, (tx, current, changes) => this.applyFetched(tx, current, fetched, batch.events, changes));
    }
    if (!result.skipped && batch.events.length > 0) result.published += await this.events.store(em, result.host ?? host, batch.events);
    return result;
  }

  /**
   * One transaction: lock the host row, re-check it is still what the Engine calls were made for (not taken offline,
   * not in ERROR, same endpoint and credentials), apply, commit, then publish. A failure of the database rolls it all
   * back: no half-written host.
   */
  private async write(
    em: EntityManager,
    hostId: string,
    checked: { owner?: string; fingerprint: string; version: number },
    apply: (tx: EntityManager, host: DockerHost, changes: ChangeSet) => Promise<void>,
    failure?: DomainError,
  ): Promise<SyncResult> {
    let changes: ChangeSet | undefined;
    let visibleBefore: unknown[] = [];
    const host = await em.transactional(async (tx) => {
      const current = await this.scopes.lock(tx, hostId);
      if (!current || !this.scopes.syncable(current) || this.scopes.fingerprint(current) !== checked.fingerprint) return current;
      if (checked.owner && current.syncOwner !== checked.owner) return current; // fenced: the lease is someone else's
      if (!failure && current.inventoryVersion !== checked.version) throw new StaleFetch();
      visibleBefore = VISIBLE_HOST_FIELDS.map((f) => current[f]);
      changes = new ChangeSet(current);
      await apply(tx, current, changes);
      if (changes.written > 0) current.inventoryVersion++;
      return current;
    });
    // Discarded: the host as it is now is the answer (what the user did meanwhile stands).
    if (!host || !changes) return { host, ok: false, skipped: true, written: 0, published: 0 };
    let published = changes.publish(this.deps.pubsub);
    const hostChanged = VISIBLE_HOST_FIELDS.some((f, i) => !sameValue(host[f], visibleBefore[i]));
    if (hostChanged || changes.healthChanged) {
      this.deps.pubsub.publish(HostTopic.Changed, host.accountId, hostSnapshot(host));
      published++;
    }
    if (failure) this.deps.logger.info({ hostId, code: failure.code, error: failure.message, status: host.status }, 'docker host sync failed');
    if (changes.skipped.length > 0) published += await this.events.skipped(host, changes.skipped);
    return { host, ok: !failure, skipped: false, error: failure, written: changes.written, published };
  }
}
