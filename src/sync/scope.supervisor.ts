import type { MikroORM } from '@mikro-orm/postgresql';
import type { DockerInventory, EventStream } from '../docker/docker.inventory';
import type { EngineEvent, HostTarget } from '../docker/docker.types';
import { HostStatus } from '../hosts/host.enums';
import type { Logger } from '../log/logger';
import { EventQueue } from './event.queue';
import type { InventorySync } from './inventory.sync';
import type { SyncScope } from './sync-scope.types';

/** moby keeps this many events for replay: a resume that returns as many may have lost older ones. */
export const ENGINE_REPLAY_LIMIT = 256;
const MAX_BACKOFF_MS = 30_000;

export interface SupervisorDeps<S extends SyncScope = SyncScope> {
  /** This instance's lease name: every write is fenced on it. */
  instanceId: string;
  orm: MikroORM;
  sync: Pick<InventorySync<S>, 'fullSync' | 'applyEvents' | 'recordGap' | 'record' | 'scopes'>;
  inventory: Pick<DockerInventory, 'openEvents' | 'ping'>;
  logger: Logger;
  /** A stream silent this long is probed with /_ping (Docker sends no heartbeat, so silence proves nothing). */
  probeMs: number;
  queueLimit: number;
}

/**
 * Keeps one scope's inventory fresh (a host's, a swarm cluster's), for the instance holding its lease. The event stream is opened BEFORE each full
 * listing, so nothing that happens during the listing is missed; events are queued (coalesced) and applied right
 * after it. Every stream (re)open is followed by a full re-list: a broken stream may mean a restarted daemon, whose
 * history is gone, and a replay of 256 events means some were lost. The periodic full sync is the reconcile and the
 * health check.
 */
export class ScopeSupervisor<S extends SyncScope = SyncScope> {
  private stream?: EventStream;
  private generation = 0;
  private target?: HostTarget;
  /** The connection the open stream belongs to: its events are not applied to a host re-pointed since. */
  private streamFingerprint?: string;
  /** A re-list was asked for while a cycle ran (queue overflow, failed batch): run one right after it. */
  private relistPending = false;
  private readonly queue: EventQueue;
  private draining?: Promise<void>;
  private cycling?: Promise<void>;
  private cycleTimer?: NodeJS.Timeout;
  private probeTimer?: NodeJS.Timeout;
  private watchTimer?: NodeJS.Timeout;
  private looking = false;
  /** Pings a host that failed its check, to check it again as soon as it answers (see watchForReturn). */
  private returnTimer?: NodeJS.Timeout;
  private returnDelayMs = 1000;
  private watchGeneration = 0;
  private watching = false;
  private watchTick?: Promise<void>;
  /** The next cycle was brought forward by an answered ping: its failure does not count toward ERROR. */
  private earlyCheck = false;
  private countedCheckDueAt = 0;
  private lastEventAt = 0;
  private streamOpenedAt = 0;
  private backoffMs = 0;
  private lastTroubleAt = 0;
  private stopped = false;

  constructor(
    readonly hostId: string,
    private intervalMs: number,
    private readonly deps: SupervisorDeps<S>,
  ) {
    this.queue = new EventQueue(deps.queueLimit, deps.sync.scopes.kinds);
  }

  /** `firstSyncInMs`: a worker taking many scopes at once spreads their first syncs (see SyncWorker.reconcile). */
  start(firstSyncInMs = 0): void {
    this.schedule(firstSyncInMs);
    this.probeTimer = setInterval(() => void this.probe(), this.deps.probeMs);
    const watch = this.deps.sync.scopes.watch;
    if (watch) this.watchTimer = setInterval(() => void this.look(), watch.everyMs);
  }

  setInterval(intervalMs: number): void {
    if (intervalMs === this.intervalMs) return;
    this.intervalMs = intervalMs;
    this.schedule(0);
  }

  /** The endpoint or credentials changed: drop the stream and start over. */
  reconnect(): void {
    this.closeStream();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.cycleTimer);
    this.stopWatching();
    await this.watchTick?.catch(() => undefined);
    clearInterval(this.probeTimer);
    clearInterval(this.watchTimer);
    this.closeStream();
    await Promise.allSettled([this.cycling, this.draining]);
  }

  get streaming(): boolean {
    return this.stream !== undefined;
  }

  /** A full sync or an event batch is under way. */
  get busy(): boolean {
    return this.cycling !== undefined || this.draining !== undefined;
  }

  private schedule(ms: number): void {
    clearTimeout(this.cycleTimer);
    if (ms === 0 && this.cycling) this.relistPending = true;
    if (!this.stopped) this.cycleTimer = setTimeout(() => void this.cycle(), ms);
  }

  private cycle(): Promise<void> {
    this.cycling ??= this.runCycle().finally(() => (this.cycling = undefined));
    return this.cycling;
  }

  private async runCycle(): Promise<void> {
    const began = Date.now();
    // null: the periodic sync, an interval after this one began; a number: a retry or backoff, that long from now
    // (also when capped at the interval: it is not owed the periodic rate).
    let next: number | null = null;
    this.relistPending = false;
    try {
      if (!this.stream) await this.openStream();
      const early = this.earlyCheck;
      this.earlyCheck = false;
      // A counted check sets when the next one is due; an early check that fails keeps that date (else a host that
      // answers pings but fails checks would have its counted check put off forever, and never reach ERROR).
      if (!early) this.countedCheckDueAt = Date.now() + this.intervalMs;
      const result = await this.deps.sync.fullSync(this.hostId, { owner: this.deps.instanceId, early });
      if (!result.ok) this.closeStream();
      else if (!this.stream) next = Math.min(this.nextBackoff(), this.intervalMs);
      if (early && !result.ok) next = Math.max(0, this.countedCheckDueAt - Date.now());
      // Not CONNECTED (PENDING, DISCONNECTED): the stream is opened again once a sync succeeds.
      if (result.scope && result.scope.status !== HostStatus.CONNECTED) this.closeStream();
      if (result.scope && (result.scope.status === HostStatus.DISCONNECTED || result.scope.status === HostStatus.PENDING) && !result.skipped) this.watchForReturn();
      else this.stopWatching();
    } catch (error) {
      // Not the host's failure (that is recorded by the sync): the database is down, say. Try again soon, not in an hour.
      this.deps.logger.error({ err: error, scopeId: this.hostId, scope: this.deps.sync.scopes.label }, 'host sync cycle crashed');
      this.closeStream();
      next = Math.min(Math.max(this.nextBackoff(), 1000), this.intervalMs);
    } finally {
      this.schedule(this.relistPending ? 0 : next ?? this.periodicWait(began));
    }
  }

  /**
   * The periodic sync keeps its rate: the next one is due an interval after this one began, not after it ended (a
   * sync that waited for the database or the Engine would otherwise push every later one back by as long: 1,000
   * hosts on one process drifted by the length of their syncs, S1). A sync that overran its interval is followed by
   * a pause of a quarter interval, not at once, so an overloaded process does not sync back to back.
   */
  private periodicWait(began: number): number {
    const elapsed = Date.now() - began;
    return elapsed < this.intervalMs ? this.intervalMs - elapsed : this.intervalMs / 4;
  }

  private async openStream(): Promise<void> {
    const scopes = this.deps.sync.scopes;
    const host = await scopes.find(this.deps.orm.em.fork(), this.hostId);
    if (!host || host.status === HostStatus.ERROR) return;
    const generation = ++this.generation;
    const sinceNano = host.eventsCheckpoint ?? null;
    const openedAtNano = BigInt(Date.now()) * 1_000_000n;
    let replayed = 0;
    try {
      // A cluster's stream is opened on a manager that answers (its failover); a host's on its endpoint.
      this.target = await scopes.connect(host);
      this.streamFingerprint = scopes.fingerprint(host);
      const gap = (reason: string, attributes: Record<string, string> = {}) =>
        void this.deps.sync.recordGap(this.hostId, reason, attributes).catch(() => undefined);
      const stream = await this.deps.inventory.openEvents(this.target, {
        sinceNano,
        types: [...scopes.eventTypes],
        onEvent: (event) => {
          if (generation !== this.generation) return;
          // `since` is inclusive: a daemon that still holds our checkpoint replays it first. Anything else first means
          // what came between is gone (its history was cut at 256 events, or it restarted and forgot). Replayed
          // events are those older than the moment we asked. Either way the re-list after every open keeps the
          // inventory right; this only tells whether the event log has a hole.
          const old = sinceNano !== null && BigInt(event.timeNano) <= openedAtNano;
          if (old && replayed++ === 0 && event.timeNano !== sinceNano) gap('checkpoint_not_replayed');
          if (old && replayed === ENGINE_REPLAY_LIMIT) gap('replay_limit', { replayed: String(replayed) });
          this.onEvent(event);
        },
        onEnd: (error) => this.onStreamEnd(generation, error),
      });
      if (generation !== this.generation || this.stopped) return stream.close();
      this.stream = stream;
      this.streamOpenedAt = this.lastEventAt = Date.now();
    } catch (error) {
      this.deps.logger.debug({ err: error, hostId: this.hostId }, 'event stream did not open');
    }
  }

  private onEvent(event: EngineEvent): void {
    this.lastEventAt = Date.now();
    if (!this.queue.push(event)) {
      void this.deps.sync.recordGap(this.hostId, 'queue_overflow').catch(() => undefined);
      this.schedule(0);
      return;
    }
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve)); // let a burst that arrived together land in one batch
    while (this.queue.size > 0 && !this.stopped) {
      try {
        await this.deps.sync.applyEvents(this.hostId, this.queue.take(), { owner: this.deps.instanceId, fingerprint: this.streamFingerprint, target: this.target });
      } catch (error) {
        // The Engine or database failed under the event path: a full sync decides what the host's state is.
        this.deps.logger.warn({ err: error, hostId: this.hostId }, 'applying docker events failed; re-listing');
        this.closeStream();
        this.schedule(0);
        return;
      }
    }
  }

  private onStreamEnd(generation: number, error?: Error): void {
    if (generation !== this.generation || this.stopped) return;
    this.stream = undefined;
    const lived = Date.now() - this.streamOpenedAt;
    this.deps.logger.info({ hostId: this.hostId, err: error, livedMs: lived }, 'docker event stream ended; reconnecting and re-listing');
    this.schedule(this.nextBackoff());
  }

  /**
   * 0 the first time, then 1 s doubling to 30 s while trouble (streams dying young, a failing database) keeps coming.
   * Back to 0 after a quiet spell as long as the cap: a database restart an hour after the last one is retried in a
   * second, not after the 30 s the earlier ones had built up (meanwhile the host has no event stream, so no updates).
   */
  private nextBackoff(): number {
    const now = Date.now();
    if (now - this.lastTroubleAt > MAX_BACKOFF_MS) this.backoffMs = 0;
    const current = this.backoffMs;
    // The quiet spell counts from the retry, not from this trouble: the wait itself is not quiet (else the backoff
    // would fall back to 0 every time it reached the cap).
    this.lastTroubleAt = now + current;
    this.backoffMs = Math.min(Math.max(1000, current * 2), MAX_BACKOFF_MS);
    return current;
  }

  /**
   * A host that failed its check is checked again at its sync interval (an hour, at most), and each check counts
   * toward ERROR. Meanwhile it is pinged, 1 s doubling to 30 s: pings do not count, and the first one answered brings
   * the check forward, so a daemon back after a restart or a network blip is CONNECTED (and its inventory right)
   * within seconds, not at the next interval. A check brought forward that fails anyway (the API answers pings, not
   * lists) is recorded but not counted (`early`): it cannot push the host to ERROR faster than its interval would.
   * One chain at a time: `watchGeneration` ends the one running whenever the watch stops.
   */
  private watchForReturn(): void {
    if (this.watching || this.stopped) return;
    this.watching = true;
    const generation = this.watchGeneration;
    const live = () => generation === this.watchGeneration && !this.stopped;
    const tick = async () => {
      this.returnTimer = undefined;
      try {
        if (!this.cycling) {
          const scopes = this.deps.sync.scopes;
          const host = await scopes.find(this.deps.orm.em.fork(), this.hostId);
          if (!live()) return;
          if (!host || !scopes.syncable(host) || (host.status !== HostStatus.DISCONNECTED && host.status !== HostStatus.PENDING)) return this.endWatch(generation);
          await this.deps.inventory.ping(await scopes.connect(host));
          if (!live()) return;
          this.earlyCheck = true;
          this.returnDelayMs = MAX_BACKOFF_MS; // should that check fail, the next ping waits the cap
          this.endWatch(generation);
          return this.schedule(0);
        }
      } catch {
        // Still away (or the database is): look again later.
      }
      if (!live()) return;
      this.returnDelayMs = Math.min(this.returnDelayMs * 2, MAX_BACKOFF_MS);
      this.returnTimer = setTimeout(() => (this.watchTick = tick()), this.returnDelayMs);
    };
    this.returnTimer = setTimeout(() => (this.watchTick = tick()), this.returnDelayMs);
  }

  private endWatch(generation: number): void {
    if (generation === this.watchGeneration) this.watching = false;
  }

  /** The host is CONNECTED again (or beyond pinging: ERROR, offline): no watch, and the next one starts at 1 s. */
  private stopWatching(): void {
    this.watchGeneration++;
    this.watching = false;
    clearTimeout(this.returnTimer);
    this.returnTimer = undefined;
    this.returnDelayMs = 1000;
  }

  /**
   * The scope's own look between syncs (ScopeStore.watch), also while a full sync runs (a cycle through a cluster
   * with many objects, or one whose calls wait out their timeouts, can outlast what a quorum loss may take to be
   * told); never two at once. What it says is known now is recorded at once; a full sync runs when it says one is due
   * (right after the one under way, if any).
   */
  private async look(): Promise<void> {
    const scopes = this.deps.sync.scopes;
    if (!scopes.watch || this.looking || this.stopped) return;
    this.looking = true;
    try {
      const scope = await scopes.find(this.deps.orm.em.fork(), this.hostId);
      if (!scope || scope.status !== HostStatus.CONNECTED || this.stopped) return;
      const verdict = await scopes.watch.look(scopes.target(scope), scope);
      if (this.stopped) return;
      if (verdict.record) await this.deps.sync.record(this.hostId, verdict.record, { owner: this.deps.instanceId, fingerprint: scopes.fingerprint(scope) });
      if (verdict.due) this.schedule(0);
    } catch {
      // The endpoint in use did not answer (or the database did not): a check now finds out, and fails over.
      if (this.stopped) return;
      this.earlyCheck = true;
      this.schedule(0);
    } finally {
      this.looking = false;
    }
  }

  /** A quiet stream may be half-open (no FIN ever arrives through a dropped route): ask the daemon directly. */
  private async probe(): Promise<void> {
    if (!this.stream || !this.target || this.cycling || Date.now() - this.lastEventAt < this.deps.probeMs) return;
    try {
      await this.deps.inventory.ping(this.target);
      this.lastEventAt = Date.now();
    } catch (error) {
      this.deps.logger.info({ hostId: this.hostId, err: error }, 'docker host stopped answering /_ping; dropping its event stream');
      this.closeStream();
      void this.cycle();
    }
  }

  private closeStream(): void {
    this.generation++;
    this.stream?.close();
    this.stream = undefined;
  }
}
