import type { MikroORM } from '@mikro-orm/postgresql';
import type { DockerInventory } from '../docker/docker.inventory';
import { EventRepository } from '../events/event.repository';
import { DockerEvent } from '../events/event.entity';
import type { HostCredentials } from '../hosts/host-credentials';
import { HostTopic } from '../hosts/host.topics';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { HostSupervisor } from './host.supervisor';
import type { InventorySync } from './inventory.sync';
import { SyncLeases, type LeasedHost } from './sync.leases';

export interface HostSyncWorkerOptions {
  orm: MikroORM;
  sync: InventorySync;
  inventory: DockerInventory;
  credentials: HostCredentials;
  pubsub: PubSub;
  logger: Logger;
  instanceId: string;
  tickMs: number;
  leaseSeconds: number;
  /** Hosts one instance syncs at most. */
  capacity: number;
  probeMs: number;
  queueLimit: number;
  eventRetentionDays: number;
}

const RETENTION_EVERY_MS = 3_600_000;

/**
 * Runs the sync engine on this instance: every tick it renews its leases, claims free hosts, and keeps exactly one
 * HostSupervisor per host it holds. A tick never throws. When the database cannot be reached for most of a lease, it
 * stops its supervisors itself, so a host is never synced by two instances once another has taken it over.
 */
export class HostSyncWorker {
  private readonly supervisors = new Map<string, { supervisor: HostSupervisor; connectionKey: string }>();
  private readonly leases: SyncLeases;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private lastRenewedAt = 0;
  private lastRetentionAt = 0;
  private wakeSubscription?: AsyncIterator<unknown>;

  constructor(private readonly options: HostSyncWorkerOptions) {
    this.leases = new SyncLeases(options.orm, options.instanceId, options.leaseSeconds);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
    void this.tick();
    // A host registered, recovered or re-pointed on any instance: look now rather than at the next tick.
    const wakes = this.options.pubsub.subscribe(HostTopic.SyncWake)[Symbol.asyncIterator]();
    this.wakeSubscription = wakes;
    void (async () => {
      for (let next = await wakes.next(); !next.done; next = await wakes.next()) void this.wake((next.value as { hostId: string }).hostId);
    })().catch(() => undefined);
  }

  /** The supervisor of a host this instance syncs, if it does. */
  supervisor(hostId: string): HostSupervisor | undefined {
    return this.supervisors.get(hostId)?.supervisor;
  }

  get hostIds(): string[] {
    return [...this.supervisors.keys()];
  }

  /**
   * Something changed about a host (registered, recovered, synced by hand): claim it now, and if this instance
   * already syncs it but its stream is down (say, a manual sync just found it reachable again), reconnect now.
   */
  private async wake(hostId: string): Promise<void> {
    await this.tick();
    const supervisor = this.supervisors.get(hostId)?.supervisor;
    if (supervisor && !supervisor.streaming) supervisor.reconnect();
  }

  tick(): Promise<void> {
    this.running ??= this.runTick().finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.wakeSubscription?.return?.();
    await this.running;
    await Promise.all([...this.supervisors.values()].map(({ supervisor }) => supervisor.stop()));
    this.supervisors.clear();
    await this.options.sync.idle();
    await this.leases.releaseAll().catch((error: unknown) => this.options.logger.warn({ err: error }, 'could not release sync leases'));
  }

  private async runTick(): Promise<void> {
    const { logger, capacity, leaseSeconds } = this.options;
    try {
      const held = await this.leases.renew();
      this.lastRenewedAt = Date.now();
      await this.leases.releaseUnsyncable();
      const claimed = await this.leases.claim(capacity - held.length);
      this.reconcile([...held, ...claimed]);
      await this.enforceRetention();
    } catch (error) {
      logger.error({ err: error }, 'host sync tick failed');
      // Fencing: past most of the lease without a renewal, another instance may take our hosts: stop first.
      if (this.supervisors.size > 0 && Date.now() - this.lastRenewedAt > leaseSeconds * 800) {
        logger.warn({ hosts: this.supervisors.size }, 'sync leases could not be renewed; stopping this instance\'s syncs');
        this.reconcile([]);
      }
    }
  }

  private reconcile(hosts: LeasedHost[]): void {
    const wanted = new Map(hosts.map((h) => [h.id, h]));
    for (const [id, entry] of this.supervisors) {
      if (wanted.has(id)) continue;
      this.supervisors.delete(id);
      void entry.supervisor.stop();
    }
    for (const host of hosts) {
      const entry = this.supervisors.get(host.id);
      if (!entry) {
        const supervisor = new HostSupervisor(host.id, host.intervalMs, this.options);
        this.supervisors.set(host.id, { supervisor, connectionKey: host.connectionKey });
        supervisor.start();
        continue;
      }
      entry.supervisor.setInterval(host.intervalMs);
      if (entry.connectionKey !== host.connectionKey) {
        entry.connectionKey = host.connectionKey;
        entry.supervisor.reconnect();
      }
    }
  }

  /** The event retention policy, applied by whichever instance gets there first each hour. */
  private async enforceRetention(): Promise<void> {
    if (Date.now() - this.lastRetentionAt < RETENTION_EVERY_MS) return;
    this.lastRetentionAt = Date.now();
    const before = new Date(Date.now() - this.options.eventRetentionDays * 86_400_000);
    const removed = await (this.options.orm.em.fork().getRepository(DockerEvent) as EventRepository).deleteOlderThan(before);
    if (removed > 0) this.options.logger.info({ removed, before }, 'docker events past retention removed');
  }
}
