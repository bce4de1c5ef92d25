import type { SyncMetrics } from '../metrics/metrics';
import type { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import { KeyedQueue, mapLimit } from '../common/concurrency';
import { DomainError, ErrorCode } from '../common/errors';
import { databaseErrorSummary } from '../db/db-errors';
import { fitted } from '../db/row-check';
import type { DockerInventory } from '../docker/docker.inventory';
import type { HostTarget } from '../docker/docker.types';
import { afterCheck } from '../hosts/host-health';
import { sameValue } from '../inventory/inventory.diff';
import { findPlain } from '../db/plain-rows';
import type { SyncedRow } from '../inventory/inventory.entity';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { EventBatch } from './event.queue';
import { ChangeSet } from './inventory.apply';
import { SyncEventLog } from './sync-events.log';
import type { ScopeStore, SyncScope } from './sync-scope.types';
import { INSPECT_CONCURRENCY, type FetchContext, type SyncedKind } from './synced-kind.types';

export interface InventorySyncDeps<S extends SyncScope> {
  orm: MikroORM;
  /** The scopes this engine syncs: hosts, or swarm clusters. */
  scopes: ScopeStore<S>;
  inventory: DockerInventory;
  /** The other adapters the scope's kinds read through (FetchContext.adapters). */
  adapters?: FetchContext['adapters'];
  pubsub: PubSub;
  logger: Logger;
  /** Sync durations, failures and event lag (src/metrics). */
  metrics?: SyncMetrics;
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

export interface SyncResult<S extends SyncScope = SyncScope> {
  scope: S | null;
  ok: boolean;
  /** The scope was offline, in ERROR, deleted, re-pointed, or its lease moved: nothing was applied. */
  skipped: boolean;
  error?: DomainError;
  /** Inventory rows inserted, updated or deleted. */
  written: number;
  /** Messages published (container state changes, host changes). */
  published: number;
}

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
 * Brings the stored inventory of a scope (a host, a swarm cluster) in line with its Engine: the full sync (the
 * scope's check + every kind's list: the reconcile and health check) and the event path (inspect just the objects
 * events named). Work on one scope is serialised in this process, so an event is always applied after the listing
 * that preceded it; every write locks the scope row first, which serialises writers across instances too. Each write is one transaction, touches only
 * rows that changed, and is published only after the commit.
 */
export class InventorySync<S extends SyncScope = SyncScope> {
  private readonly queue = new KeyedQueue();
  /** Measurements under way (measureLater), by scope and connection. */
  private readonly measuring = new Map<string, Promise<unknown>>();
  private readonly events: SyncEventLog<S>;
  /** The scopes this engine syncs, with their leases (taken by the worker). */
  readonly scopes: ScopeStore<S>;

  constructor(private readonly deps: InventorySyncDeps<S>) {
    this.scopes = deps.scopes;
    this.events = new SyncEventLog<S>({ ...deps, scopes: this.scopes });
  }

  fullSync(scopeId: string, options: SyncOptions = {}): Promise<SyncResult<S>> {
    return this.queue.run(scopeId, async () => {
      const started = performance.now();
      const result = await this.retryStale(() => this.runFullSync(scopeId, options));
      if (!result.skipped) this.deps.metrics?.synced(this.scopes.label, (performance.now() - started) / 1000, result.ok);
      return result;
    });
  }

  /** Events of a stream opened on `target` (a cluster's stream may be on another manager than a check's). */
  applyEvents(scopeId: string, batch: EventBatch, options: SyncOptions & { target?: HostTarget } = {}): Promise<SyncResult<S>> {
    return this.queue.run(scopeId, () => this.retryStale(() => this.runApplyEvents(scopeId, batch, options)));
  }

  /**
   * Per-process ordering is the queue; across instances (a manual sync on one while another holds the lease, or an
   * old lease holder finishing late), a fetch may be older than what another instance already wrote. Every inventory
   * write bumps the host's inventoryVersion; a write that finds it moved since its fetch began fetches again.
   */
  private async retryStale(run: () => Promise<SyncResult<S>>): Promise<SyncResult<S>> {
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
  refresh(scopeId: string, what: { containers?: string[]; kinds?: string[]; objects?: Record<string, string[]> }): Promise<SyncResult<S>> {
    const batch = new EventBatch();
    for (const id of what.containers ?? []) batch.add('container', { inspect: id });
    for (const [kind, ids] of Object.entries(what.objects ?? {})) for (const id of ids) batch.add(kind, { inspect: id });
    for (const kind of what.kinds ?? []) batch.add(kind, 'relist');
    return this.applyEvents(scopeId, batch);
  }

  /**
   * The second pass of a listing: containers stored from their list rows are read back (their start and finish times)
   * and written in one transaction of their own, queued behind the sync that stored them and fenced like it. Not
   * awaited: the sync that asks is itself running in the scope's queue. A failure leaves the rows as listed; the next
   * full sync inspects them (a row without times needs it, see needsInspect).
   */
  private readBackLater(scopeId: string, containers: string[], fence: SyncOptions): void {
    const batch = new EventBatch();
    for (const id of containers) batch.add('container', { inspect: id });
    this.applyEvents(scopeId, batch, fence).catch((error: unknown) => this.deps.logger.warn({ err: error, scopeId, scope: this.scopes.label }, 'start and finish times of listed containers could not be read back'));
  }

  /**
   * The check's slow measurements (ScopeStore.measure), asked once the listing is stored and written with `record`
   * when they differ from the row the sync left: outside the scope's queue, so events are not held behind them, and
   * one at a time per scope and connection (a measurement of an endpoint the scope has left is fenced out by record,
   * and does not hold back the new one's). Unknown fields keep their stored values. Settled by idle().
   */
  private measureLater(scope: S, target: HostTarget, fence: { owner?: string; fingerprint: string }): void {
    const key = `${scope.id} ${fence.fingerprint} ${fence.owner ?? ''}`;
    if (!this.scopes.measure || this.measuring.has(key)) return;
    const work = this.scopes
      .measure(target, scope)
      .then((measured) => {
        const fields = Object.fromEntries(Object.entries(measured).filter(([field, value]) => value != null && !sameValue(scope[field as keyof S], value))) as Partial<S>;
        return Object.keys(fields).length > 0 && this.record(scope.id, fields, fence, { bump: false });
      })
      .catch((error: unknown) => this.deps.logger.warn({ err: error, scopeId: scope.id, scope: this.scopes.label }, 'the check\'s measurements could not be stored'))
      .finally(() => this.measuring.delete(key));
    this.measuring.set(key, work);
  }

  /** Records that the event log of a scope has a hole (the inventory itself is re-listed by the caller). */
  async recordGap(scopeId: string, reason: string, attributes: Record<string, string> = {}): Promise<void> {
    const scope = await this.scopes.find(this.deps.orm.em.fork(), scopeId);
    if (scope) await this.events.gap(scope, reason, attributes);
  }

  /**
   * Columns a scope's watch found changed between syncs (see WatchVerdict.record), written now, outside the scope's
   * queue: a full sync under way must not hold them back. One short transaction with the scope row locked, fenced
   * like any write (lease, connection); it bumps the inventory version, so a sync whose fetch began before (and may
   * have seen the old state) fetches again instead of writing it back. Not for columns no sync writes (`bump: false`:
   * the check's measurements), which no fetch can write back. Returns whether anything changed.
   */
  async record(scopeId: string, fields: Partial<S>, checked: { owner?: string; fingerprint: string }, options: { bump?: boolean } = {}): Promise<boolean> {
    const visible = this.scopes.visible;
    let visibleBefore: unknown[] = [];
    const scope = await this.deps.orm.em.fork().transactional(async (tx) => {
      const current = await this.scopes.lock(tx, scopeId);
      if (!current || !this.scopes.syncable(current) || this.scopes.fingerprint(current) !== checked.fingerprint) return null;
      if (checked.owner && current.syncOwner !== checked.owner) return null;
      const values = fitted(tx.getMetadata().get(this.scopes.entityName), fields as Record<string, unknown>) as Partial<S>;
      if (Object.entries(values).every(([field, value]) => sameValue(current[field as keyof S], value))) return null;
      visibleBefore = visible.map((f) => current[f]);
      Object.assign(current, values);
      if (options.bump !== false) current.inventoryVersion++;
      return current;
    });
    if (!scope) return false;
    if (visible.some((f, i) => !sameValue(scope[f], visibleBefore[i]))) this.scopes.publishChange(scope);
    return true;
  }

  /** Settles when all queued work and measurements have (shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      await this.queue.idle();
      if (this.measuring.size === 0) return;
      await Promise.all(this.measuring.values());
    }
  }

  private async runFullSync(scopeId: string, options: SyncOptions): Promise<SyncResult<S>> {
    const em = this.deps.orm.em.fork();
    const scope = await this.scopes.find(em, scopeId);
    if (!scope || !this.scopes.syncable(scope)) return { scope, ok: false, skipped: true, written: 0, published: 0 };
    const checked = { owner: options.owner, fingerprint: options.fingerprint ?? this.scopes.fingerprint(scope), version: scope.inventoryVersion };
    let fetched: Awaited<ReturnType<InventorySync<S>['fetchAll']>> | undefined;
    let failure: DomainError | undefined;
    try {
      fetched = await this.fetchAll(em, scope);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failure = error;
    }
    const recordFailure = (error: DomainError) => {
      // Explained by the row as it is now, not as the fetch began: a watch may have recorded a quorum loss meanwhile,
      // and the timeouts of a sync that was under way when it came are that loss.
      const failure = { error: this.scopes.explain?.(scope, error) ?? error };
      return this.write(this.deps.orm.em.fork(), scopeId, checked, async (_tx, current) => {
        const failed = (failure.error = this.scopes.explain?.(current, error) ?? error);
        Object.assign(current, options.early || this.scopes.uncounted?.(failed) ? {} : afterCheck(current, false), this.scopes.failed?.(current, failed) ?? {}, { lastCheckedAt: new Date(), lastError: failed.message, lastErrorCode: failed.code });
      }, failure);
    };
    if (!fetched) return recordFailure(failure!);
    const listing = fetched;
    let undetailed: string[] = [];
    try {
      const result = await this.write(em, scopeId, checked, async (tx, current, changes) => {
        await this.applyFetched(tx, current, listing.kinds, [], changes);
        undetailed = changes.undetailed;
        const now = new Date();
        // What an Engine says about itself is cut to fit (a rogue endpoint may send anything): a check, not a failure.
        const info = fitted(tx.getMetadata().get(this.scopes.entityName), listing.info as Record<string, unknown>);
        Object.assign(current, info, afterCheck(current, true), { lastCheckedAt: now, lastSyncedAt: now, lastError: null, lastErrorCode: null });
      });
      if (result.ok && undetailed.length > 0) this.readBackLater(scopeId, undetailed, { owner: options.owner, fingerprint: checked.fingerprint });
      if (result.ok && result.scope) this.measureLater(result.scope, listing.target, { owner: options.owner, fingerprint: checked.fingerprint });
      return result;
    } catch (error) {
      if (error instanceof StaleFetch) throw error;
      // The scope answered but its inventory was not stored: a failed check, so it is never shown CONNECTED while
      // nothing syncs. When the database itself is down this write fails too, and the caller reports that.
      this.deps.logger.error({ err: error, scopeId, scope: this.scopes.label }, 'inventory could not be stored');
      const reason = databaseErrorSummary(error)?.message ?? 'an unexpected error (see the server log)';
      return recordFailure(new DomainError(ErrorCode.SYNC_WRITE_FAILED, `the inventory could not be stored: ${reason}`));
    }
  }

  /** The check (the scope's own question) and every kind's listing, through the endpoint that answers. */
  private async fetchAll(em: EntityManager, scope: S) {
    const target = await this.scopes.connect(scope);
    const context = this.fetchContext(em, scope, target);
    const list = () => Promise.all(this.scopes.kinds.map((kind) => this.fetchListing(kind, context)));
    if (this.scopes.describeFirst) {
      const info = await this.scopes.describe(target, scope);
      return { target, info, kinds: await list() };
    }
    const [info, kinds] = await Promise.all([this.scopes.describe(target, scope), list()]);
    return { target, info, kinds };
  }

  private fetchContext(em: EntityManager, scope: S, target: HostTarget = this.scopes.target(scope)): FetchContext {
    return { em, inventory: this.deps.inventory, adapters: this.deps.adapters ?? {}, target, owner: this.scopes.owner(scope) };
  }

  private async fetchListing(kind: SyncedKind, context: FetchContext): Promise<Fetched> {
    // An id listed twice (no daemon does; an endpoint may) is one object, the first listed: two rows of it would
    // break the table's unique key and with it the whole write.
    const seen = new Set<string>();
    const snapshots = (await kind.list(context)).filter((s) => !seen.has(s.dockerId) && Boolean(seen.add(s.dockerId)));
    return { kind, snapshots, complete: true, ids: [], gone: [] };
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
  private async applyFetched(tx: EntityManager, scope: S, fetched: Fetched[], events: EventBatch['events'], changes: ChangeSet): Promise<void> {
    const owner = this.scopes.owner(scope);
    const rows = this.scopes.rows(scope);
    for (const { kind, snapshots, complete, ids, gone } of fetched) {
      if (complete && kind.unchanged && events.length === 0) {
        // Read plain first; only the rows that change or go become entities, and only their snapshots are applied.
        // (Not with events: their replay starts from the stored rows of every container they name.)
        const plain = new Map((await findPlain<SyncedRow>(tx, kind.entity.name, rows as FilterQuery<SyncedRow>)).map((row) => [row.dockerId, row]));
        // Entities only of stored rows the listing changes or removes: a new object has no row to load (a cold
        // sync's 500 new containers need no lookup at all).
        const changed: string[] = [];
        const applied = snapshots.filter((s) => {
          const row = plain.get(s.dockerId);
          plain.delete(s.dockerId);
          if (!row) return true;
          if (kind.unchanged!(row, s)) return false;
          changed.push(s.dockerId);
          return true;
        });
        const touched = [...changed, ...plain.keys()];
        const existing = touched.length > 0 ? await tx.find(kind.entity, { ...rows, dockerId: { $in: touched } } as FilterQuery<SyncedRow>) : [];
        kind.apply({ em: tx, scope, owner, existing, snapshots: applied, complete, gone, events, changes });
        continue;
      }
      const existing = await tx.find(kind.entity, (complete ? rows : { ...rows, dockerId: { $in: ids } }) as FilterQuery<SyncedRow>);
      kind.apply({ em: tx, scope, owner, existing, snapshots, complete, gone, events, changes });
    }
  }

  private async runApplyEvents(scopeId: string, batch: EventBatch, options: SyncOptions & { target?: HostTarget }): Promise<SyncResult<S>> {
    const em = this.deps.orm.em.fork();
    const scope = await this.scopes.find(em, scopeId);
    if (!scope || !this.scopes.syncable(scope)) return { scope, ok: false, skipped: true, written: 0, published: 0 };
    const checked = { owner: options.owner, fingerprint: options.fingerprint ?? this.scopes.fingerprint(scope), version: scope.inventoryVersion };
    let result: SyncResult<S> = { scope, ok: true, skipped: false, written: 0, published: 0 };
    // A kind without read-backs is re-listed whole; exec events (health checks) name no object: they neither lock
    // the scope nor write anything.
    const work = this.scopes.kinds
      .map((kind) => ({ kind, ids: [...(batch.objects.get(kind.name) ?? [])] }))
      .map(({ kind, ids }) => ({ kind, ids, relist: batch.kinds.has(kind.name) || (ids.length > 0 && !kind.inspect) }))
      .filter(({ ids, relist }) => relist || ids.length > 0);
    if (work.length > 0) {
      const context = this.fetchContext(em, scope, options.target);
      // Engine failures propagate: the stream's owner treats them as a broken connection and falls back to a full sync.
      const fetched = await Promise.all(work.map(({ kind, ids, relist }) => (relist ? this.fetchListing(kind, context) : this.fetchObjects(kind, context, ids))));
      result = await this.write(em, scopeId, checked, (tx, current, changes) => this.applyFetched(tx, current, fetched, batch.events, changes));
    }
    if (!result.skipped && batch.events.length > 0) {
      // Lag: from the Engine's event time to its change committed (and published).
      const now = Date.now();
      this.deps.metrics?.eventsApplied(this.scopes.label, batch.events.map((e) => (now - Number(e.timeNano) / 1e6) / 1000).filter(Number.isFinite));
      result.published += await this.events.store(em, result.scope ?? scope, batch.events);
    }
    return result;
  }

  /**
   * One transaction: lock the scope row, re-check it is still what the Engine calls were made for (not taken offline,
   * not in ERROR, same endpoint and credentials), apply, commit, then publish. A failure of the database rolls it all
   * back: no half-written scope.
   */
  private async write(
    em: EntityManager,
    scopeId: string,
    checked: { owner?: string; fingerprint: string; version: number },
    apply: (tx: EntityManager, scope: S, changes: ChangeSet) => Promise<void>,
    /** A failed check's record (never stale: the failure is news whatever was written since); `apply` may refine it. */
    failed?: { error: DomainError },
  ): Promise<SyncResult<S>> {
    let changes: ChangeSet | undefined;
    let visibleBefore: unknown[] = [];
    const visible = this.scopes.visible;
    const scope = await em.transactional(async (tx) => {
      const current = await this.scopes.lock(tx, scopeId);
      if (!current || !this.scopes.syncable(current) || this.scopes.fingerprint(current) !== checked.fingerprint) return current;
      if (checked.owner && current.syncOwner !== checked.owner) return current; // fenced: the lease is someone else's
      if (!failed && current.inventoryVersion !== checked.version) throw new StaleFetch();
      visibleBefore = visible.map((f) => current[f]);
      changes = new ChangeSet(current);
      await apply(tx, current, changes);
      await changes.storeInserts(tx);
      if (changes.written > 0) current.inventoryVersion++;
      return current;
    });
    // Discarded: the scope as it is now is the answer (what the user did meanwhile stands).
    if (!scope || !changes) return { scope, ok: false, skipped: true, written: 0, published: 0 };
    let published = changes.publish(this.deps.pubsub);
    const scopeChanged = visible.some((f, i) => !sameValue(scope[f], visibleBefore[i]));
    if (scopeChanged || changes.healthChanged) {
      this.scopes.publishChange(scope);
      published++;
    }
    const failure = failed?.error;
    if (failure) this.deps.logger.info({ scopeId, scope: this.scopes.label, code: failure.code, error: failure.message, status: scope.status }, `${this.scopes.label} sync failed`);
    if (changes.skipped.length > 0) published += await this.events.skipped(scope, changes.skipped);
    return { scope, ok: !failure, skipped: false, error: failure, written: changes.written, published };
  }
}
