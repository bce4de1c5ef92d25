import type { MikroORM } from '@mikro-orm/postgresql';
import type { DockerInventory } from '../docker/docker.inventory';
import type { DockerClientPool } from '../docker/docker.pool';
import { EventRepository } from '../events/event.repository';
import { DockerEvent } from '../events/event.entity';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { ScopeSupervisor } from './scope.supervisor';
import type { InventorySync } from './inventory.sync';
import type { LeasedScope, ScopeLeases, SyncScope } from './sync-scope.types';

export interface SyncWorkerOptions<S extends SyncScope = SyncScope> {
  orm: MikroORM;
  sync: InventorySync<S>;
  inventory: DockerInventory;
  docker: Pick<DockerClientPool, 'evict' | 'sweepIdle'>;
  pubsub: PubSub;
  logger: Logger;
  instanceId: string;
  tickMs: number;
  leaseSeconds: number;
  /** Hosts one instance syncs at most. */
  capacity: number;
  probeMs: number;
  queueLimit: number;
  /** The event retention policy runs in this worker (one worker per instance runs it). */
  eventRetentionDays?: number;
}

const RETENTION_EVERY_MS = 3_600_000;
const RETENTION_BATCH = 10_000;
/** Clients of hosts this instance does not sync (a manual sync or a health read) are dropped after this long unused. */
const IDLE_CLIENT_MS = 5 * 60_000;
/**
 * Scopes taken in one tick (a start, a takeover) have their first syncs spread this far apart, up to one interval: a
 * thousand first syncs (each opening a stream and listing everything) at the same instant queue behind each other and
 * keep arriving together, interval after interval.
 */
export const FIRST_SYNC_SPREAD_MS = 10;
/** Past the moment the database gave (a duration by its own clock): the statement and the timer are not exact. */
const TAKEOVER_MARGIN_MS = 50;

/**
 * Runs the sync engine on this instance for the scopes of one store (hosts, clusters): every tick it renews its
 * leases, claims free scopes, and keeps exactly one ScopeSupervisor per scope it holds. A tick never throws. When the database cannot be reached for most of a lease, it
 * stops its supervisors itself, so a host is never synced by two instances once another has taken it over.
 */
export class SyncWorker<S extends SyncScope = SyncScope> {
  private readonly supervisors = new Map<string, { supervisor: ScopeSupervisor<S>; connectionKey: string }>();
  private readonly leases: ScopeLeases;
  private timer?: NodeJS.Timeout;
  /** An extra tick at the moment a dead instance's scopes become claimable (see ScopeLeases.nextTakeoverMs). */
  private takeoverTimer?: NodeJS.Timeout;
  private retentionTimer?: NodeJS.Timeout;
  private retention?: Promise<void>;
  private running?: Promise<void>;
  private lastRenewedAt = 0;
  private wakeSubscription?: AsyncIterator<unknown>;

  constructor(private readonly options: SyncWorkerOptions<S>) {
    this.leases = options.sync.scopes.leases(options.instanceId, options.leaseSeconds);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
    void this.tick();
    // Retention runs on its own clock: a long delete must never hold up lease renewals.
    if (this.options.eventRetentionDays !== undefined) {
      this.retentionTimer = setInterval(() => void this.enforceRetention(), RETENTION_EVERY_MS);
      void this.enforceRetention();
    }
    // A scope registered, recovered or re-pointed on any instance: look now rather than at the next tick.
    // Each store names its own system-wide wake topic (no account id), so the topic is only known as a string here.
    const pubsub = this.options.pubsub as unknown as { subscribe(topic: string): AsyncIterable<unknown> };
    const wakes = pubsub.subscribe(this.options.sync.scopes.wakeTopic)[Symbol.asyncIterator]();
    this.wakeSubscription = wakes;
    void (async () => {
      for (let next = await wakes.next(); !next.done; next = await wakes.next()) void this.wake(next.value as { hostId: string; connected: boolean });
    })().catch(() => undefined);
  }

  /** The supervisor of a host this instance syncs, if it does. */
  supervisor(hostId: string): ScopeSupervisor<S> | undefined {
    return this.supervisors.get(hostId)?.supervisor;
  }

  get hostIds(): string[] {
    return [...this.supervisors.keys()];
  }

  /**
   * Something changed about a host (registered, recovered, synced by hand): claim it now, and if this instance
   * already syncs it and a check just found it CONNECTED while its stream is down, reconnect now. (Not for a host
   * that failed: that would count a second failure for one user action.)
   */
  private async wake(wake: { hostId: string; connected: boolean }): Promise<void> {
    await this.tick();
    const supervisor = this.supervisors.get(wake.hostId)?.supervisor;
    if (wake.connected && supervisor && !supervisor.streaming) supervisor.reconnect();
  }

  tick(): Promise<void> {
    this.running ??= this.runTick().finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.takeoverTimer);
    clearInterval(this.retentionTimer);
    this.timer = undefined;
    await this.wakeSubscription?.return?.();
    await Promise.all([this.running, this.retention]);
    await Promise.all([...this.supervisors.values()].map(({ supervisor }) => supervisor.stop()));
    this.supervisors.clear();
    await this.options.sync.idle();
    await this.leases.releaseAll().catch((error: unknown) => this.options.logger.warn({ err: error }, 'could not release sync leases'));
  }

  private async runTick(): Promise<void> {
    const { logger, capacity, leaseSeconds } = this.options;
    try {
      let held = await this.leases.renew();
      this.lastRenewedAt = Date.now();
      await this.leases.releaseUnsyncable();
      // Each instance holds its fair part (scopes shared by the capacities of the instances alive): a second instance
      // started beside one that holds everything gets half, the first gives it up; an instance gone (its heartbeat
      // lapsed) is made up for.
      const limit = Math.min(capacity, await this.leases.fairShare(capacity));
      if (held.length > limit) {
        const released = new Set(await this.leases.release(held.length - limit));
        held = held.filter((h) => !released.has(h.id));
      }
      const claimed = await this.leases.claim(limit - held.length);
      this.reconcile([...held, ...claimed]);
      this.options.docker.sweepIdle(IDLE_CLIENT_MS, new Set(this.supervisors.keys()));
      // A takeover waits for the dead instance's lease to run out, not for that plus up to a tick.
      const takeover = await this.leases.nextTakeoverMs?.();
      clearTimeout(this.takeoverTimer);
      if (takeover != null && takeover < this.options.tickMs && this.timer) this.takeoverTimer = setTimeout(() => void this.tick(), takeover + TAKEOVER_MARGIN_MS);
    } catch (error) {
      logger.error({ err: error }, 'host sync tick failed');
      // Fencing: past most of the lease without a renewal, another instance may take our hosts: stop first.
      if (this.supervisors.size > 0 && Date.now() - this.lastRenewedAt > leaseSeconds * 800) {
        logger.warn({ hosts: this.supervisors.size }, 'sync leases could not be renewed; stopping this instance\'s syncs');
        this.reconcile([]);
      }
    }
  }

  private reconcile(hosts: LeasedScope[]): void {
    const wanted = new Map(hosts.map((h) => [h.id, h]));
    for (const [id, entry] of this.supervisors) {
      if (wanted.has(id)) continue;
      this.supervisors.delete(id);
      // Its client (sockets, decrypted key) goes too: another instance, or nobody, talks to this host now.
      void entry.supervisor.stop().finally(() => this.options.docker.evict(id));
    }
    let taken = 0;
    const newcomers = hosts.filter((h) => !this.supervisors.has(h.id)).length;
    for (const host of hosts) {
      const entry = this.supervisors.get(host.id);
      if (!entry) {
        const supervisor = new ScopeSupervisor<S>(host.id, host.intervalMs, this.options);
        this.supervisors.set(host.id, { supervisor, connectionKey: host.connectionKey });
        // One scope (just registered, say) is synced at once; many are spread over newcomers x 10 ms, at most an interval.
        supervisor.start(newcomers > 1 ? Math.floor((taken++ * Math.min(host.intervalMs, newcomers * FIRST_SYNC_SPREAD_MS)) / newcomers) : 0);
        continue;
      }
      entry.supervisor.setInterval(host.intervalMs);
      if (entry.connectionKey !== host.connectionKey) {
        entry.connectionKey = host.connectionKey;
        entry.supervisor.reconnect();
      }
    }
  }

  /** The event retention policy, in batches (short transactions); every instance may run it, deletes do not collide. */
  private enforceRetention(): Promise<void> {
    this.retention ??= (async () => {
      const before = new Date(Date.now() - this.options.eventRetentionDays! * 86_400_000);
      let removed = 0;
      for (const table of ['docker_events', 'swarm_events'] as const) {
        for (let batch = RETENTION_BATCH; batch === RETENTION_BATCH; removed += batch) {
          batch = await (this.options.orm.em.fork().getRepository(DockerEvent) as EventRepository).deleteOlderThan(before, RETENTION_BATCH, table);
          if (this.timer === undefined) break; // stopping
        }
      }
      if (removed > 0) this.options.logger.info({ removed, before }, 'docker events past retention removed');
    })()
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'event retention failed'))
      .finally(() => (this.retention = undefined));
    return this.retention;
  }
}
