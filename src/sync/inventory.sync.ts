import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { KeyedQueue, mapLimit } from '../common/concurrency';
import { DomainError, ErrorCode } from '../common/errors';
import { databaseErrorSummary } from '../db/db-errors';
import { fitted } from '../db/row-check';
import { Container } from '../containers/container.entity';
import type { ContainerHealth, ContainerState } from '../containers/container.enums';
import { eventsByContainer } from '../containers/container.transitions';
import type { DockerInventory } from '../docker/docker.inventory';
import type { DockerClientPool } from '../docker/docker.pool';
import type { ContainerSnapshot, EngineEvent, HostTarget, SystemInfo } from '../docker/docker.types';
import { fingerprint, type HostCredentials } from '../hosts/host-credentials';
import { afterCheck, isSyncable } from '../hosts/host-health';
import { DockerHost } from '../hosts/host.entity';
import { HostTopic, hostSnapshot } from '../hosts/host.topics';
import { Image } from '../images/image.entity';
import { sameValue } from '../inventory/inventory.diff';
import type { Logger } from '../log/logger';
import { Network } from '../networks/network.entity';
import type { PubSub } from '../pubsub/pubsub';
import { Volume } from '../volumes/volume.entity';
import { applyContainers, applyImages, applyNetworks, applyVolumes, ChangeSet, needsInspect } from './inventory.apply';
import { SyncEventLog } from './sync-events.log';

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

/** Work the event stream asks for, already coalesced: each object once, whatever number of events named it. */
export interface EventBatch {
  containers: Set<string>;
  kinds: Set<'image' | 'network' | 'volume'>;
  events: EngineEvent[];
}

/** Host fields a subscriber sees change; sync bookkeeping (lastSyncedAt, leases) is left out. */
const VISIBLE_HOST_FIELDS = ['status', 'consecutiveFailures', 'lastError', 'lastErrorCode', 'dockerVersion', 'apiVersion', 'os', 'osType', 'architecture', 'cpuCount', 'memoryBytes', 'storageBytes', 'containerCount', 'imageCount'] as const;
const INSPECT_CONCURRENCY = 32;
/** Another instance wrote this host's inventory after our fetch began: fetch again, this many times at most. */
const STALE_RETRIES = 3;

/** The inventory changed under a fetch (written by another instance since): the fetch must be redone. */
class StaleFetch extends Error {}

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

  constructor(private readonly deps: InventorySyncDeps) {
    this.events = new SyncEventLog(deps);
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
    return this.applyEvents(hostId, { containers: new Set(what.containers ?? []), kinds: new Set(what.kinds ?? []), events: [] });
  }

  /** Records that the event log of a host has a hole (the inventory itself is re-listed by the caller). */
  async recordGap(hostId: string, reason: string, attributes: Record<string, string> = {}): Promise<void> {
    const host = await this.deps.orm.em.fork().findOne(DockerHost, hostId);
    if (host) await this.events.gap(host, reason, attributes);
  }

  /** Settles when all queued work has (shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async runFullSync(hostId: string, options: SyncOptions): Promise<SyncResult> {
    const em = this.deps.orm.em.fork();
    const host = await em.findOne(DockerHost, hostId);
    if (!host || !isSyncable(host)) return { host, ok: false, skipped: true, written: 0, published: 0 };
    const checked = { owner: options.owner, fingerprint: options.fingerprint ?? fingerprint(host), version: host.inventoryVersion };
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
        Object.assign(current, afterCheck(current, false), { lastCheckedAt: new Date(), lastError: failed.message, lastErrorCode: failed.code });
      }, failed);
    if (!fetched) return recordFailure(failure!);
    const listing = fetched;
    try {
      return await this.write(em, hostId, checked, async (tx, current, changes) => {
        // One connection inside a transaction: the reads go one after another.
        const containers = await tx.find(Container, { hostId });
        const images = await tx.find(Image, { hostId });
        const networks = await tx.find(Network, { hostId });
        const volumes = await tx.find(Volume, { hostId });
        applyContainers({ em: tx, host: current, existing: containers, snapshots: listing.containers, complete: true, changes });
        applyImages(tx, current, images, listing.images, changes);
        applyNetworks(tx, current, networks, listing.networks, changes);
        applyVolumes(tx, current, volumes, listing.volumes, changes);
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
    const { docker, inventory, credentials } = this.deps;
    const target = credentials.target(host);
    const [info, listed, images, networks, volumes, known] = await Promise.all([
      docker.systemInfo(target),
      inventory.listContainers(target),
      inventory.listImages(target),
      inventory.listNetworks(target),
      inventory.listVolumes(target),
      // Only what decides whether to inspect, as plain rows: hydrating entities twice per sync doubled its cost.
      em.getConnection().execute<Array<{ docker_id: string; state: ContainerState; health: ContainerHealth; exit_code: number | null; started_at: unknown }>>(
        'select docker_id, state, health, exit_code, started_at from containers where host_id = ?',
        [host.id],
      ),
    ]);
    const byDockerId = new Map(known.map((r) => [r.docker_id, { state: r.state, health: r.health, exitCode: r.exit_code, startedAt: r.started_at }] as const));
    const containers = await this.detail(target, listed.filter((s) => needsInspect(byDockerId.get(s.dockerId), s)));
    const inspected = new Map(containers.map((s) => [s.dockerId, s]));
    // A container removed between the list and its inspect is simply absent from the listing.
    const merged = listed.flatMap((s) => (needsInspect(byDockerId.get(s.dockerId), s) ? (inspected.has(s.dockerId) ? [inspected.get(s.dockerId)!] : []) : [s]));
    return { info: info as SystemInfo, containers: merged, images, networks, volumes };
  }

  /** Inspects containers concurrently; the ones that vanished meanwhile are left out. */
  private async detail(target: HostTarget, snapshots: ContainerSnapshot[]): Promise<ContainerSnapshot[]> {
    const results = await mapLimit(snapshots, INSPECT_CONCURRENCY, (s) => this.deps.inventory.inspectContainer(target, s.dockerId));
    return results.filter((s): s is ContainerSnapshot => s !== null);
  }

  private async runApplyEvents(hostId: string, batch: EventBatch, options: SyncOptions): Promise<SyncResult> {
    const em = this.deps.orm.em.fork();
    const host = await em.findOne(DockerHost, hostId);
    if (!host || !isSyncable(host)) return { host, ok: false, skipped: true, written: 0, published: 0 };
    const checked = { owner: options.owner, fingerprint: options.fingerprint ?? fingerprint(host), version: host.inventoryVersion };
    const { inventory, credentials } = this.deps;
    const ids = [...batch.containers];
    let result: SyncResult = { host, ok: true, skipped: false, written: 0, published: 0 };
    // Exec events (health checks) name no object: they neither lock the host nor write anything.
    if (ids.length > 0 || batch.kinds.size > 0) {
      const target = credentials.target(host);
      // Engine failures propagate: the stream's owner treats them as a broken connection and falls back to a full sync.
      const [inspected, images, networks, volumes] = await Promise.all([
        mapLimit(ids, INSPECT_CONCURRENCY, (id) => inventory.inspectContainer(target, id)),
        batch.kinds.has('image') ? inventory.listImages(target) : null,
        batch.kinds.has('network') ? inventory.listNetworks(target) : null,
        batch.kinds.has('volume') ? inventory.listVolumes(target) : null,
      ]);
      result = await this.write(em, hostId, checked, async (tx, current, changes) => {
        if (ids.length > 0) {
          const existing = await tx.find(Container, { hostId, dockerId: { $in: ids } });
          const snapshots = inspected.filter((s): s is ContainerSnapshot => s !== null);
          const gone = ids.filter((_, i) => inspected[i] === null);
          applyContainers({ em: tx, host: current, existing, snapshots, complete: false, gone, events: eventsByContainer(batch.events, current.eventsCheckpoint), changes });
        }
        if (images) applyImages(tx, current, await tx.find(Image, { hostId }), images, changes);
        if (networks) applyNetworks(tx, current, await tx.find(Network, { hostId }), networks, changes);
        if (volumes) applyVolumes(tx, current, await tx.find(Volume, { hostId }), volumes, changes);
      });
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
      const current = await tx.findOne(DockerHost, hostId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!current || !isSyncable(current) || fingerprint(current) !== checked.fingerprint) return current;
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
