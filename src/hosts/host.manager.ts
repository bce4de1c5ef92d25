import type { Principal } from '../auth/principal';
import { ConflictError, DomainError, ErrorCode, NotFoundError } from '../common/errors';
import type { Page, PageArgs } from '../db/pagination';
import type { DockerClientPool } from '../docker/docker.pool';
import type { HostTarget, TlsMaterial } from '../docker/docker.types';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { fingerprint, resealRows, type HostCredentials } from './host-credentials';
import { visibleLastError } from './host-error.view';
import type { InventorySync } from '../sync/inventory.sync';
import { isUserOffline } from './host-health';
import { DockerHost } from './host.entity';
import { HostEnvironment, HostStatus } from './host.enums';
import type { HostFilter, HostStore } from './host.repository';
import { HostTopic, hostSnapshot } from './host.topics';
import { validateHostSpec, type HostPolicy } from './host.validation';

export interface RegisterHostInput {
  name: string;
  apiEndpoint: string;
  environment: HostEnvironment;
  tlsVerify?: boolean | null;
  tlsCredentials?: TlsMaterial | null;
  syncIntervalSeconds?: number | null;
}

/** Fields left undefined are unchanged; `tlsCredentials: null` removes stored credentials. */
export type UpdateHostInput = { [K in keyof RegisterHostInput]?: RegisterHostInput[K] | null };

export interface HostManagerDeps {
  repository: HostStore;
  /** The Docker adapter's client pool: a host re-pointed or taken offline drops its cached client. */
  docker: Pick<DockerClientPool, 'evict'>;
  credentials: Pick<HostCredentials, 'seal' | 'target' | 'resealed' | 'activeKeyId'>;
  sync: Pick<InventorySync<DockerHost>, 'fullSync'>;
  pubsub: Pick<PubSub, 'publish'>;
  logger: Logger;
  policy: HostPolicy;
}

/**
 * The seed's HostManager: register, update, connect, disconnect, maintenance, recovery, sync. Each public method is one
 * unit of work on the host it reads; changes are published only after they are committed. A check of a host
 * is a full sync (system info is part of it), so registering a host also pulls its first inventory.
 */
export class HostManager {
  constructor(private readonly deps: HostManagerDeps) {}

  async get(principal: Principal, id: string): Promise<DockerHost> {
    return this.load(principal.accountId, id);
  }

  /** A host operations may act on: the caller's, and CONNECTED (else HOST_UNAVAILABLE), with its adapter target. */
  async operable(principal: Principal, id: string): Promise<{ host: DockerHost; target: HostTarget }> {
    const host = await this.load(principal.accountId, id);
    if (host.status !== HostStatus.CONNECTED) {
      throw new DomainError(ErrorCode.HOST_UNAVAILABLE, `host ${host.name} is ${host.status}: operations need it CONNECTED`, { hostId: host.id });
    }
    return { host, target: this.deps.credentials.target(host) };
  }

  /** lastError and its code as this caller may see them (coarse for non-privileged callers in production). */
  lastErrorFor(principal: Principal | null, host: Pick<DockerHost, 'lastError' | 'lastErrorCode'>): { lastError: string | null; lastErrorCode: string | null } {
    return visibleLastError(principal, host, this.deps.policy.coarseEndpointErrors);
  }

  findMany(principal: Principal, ids: readonly string[]): Promise<DockerHost[]> {
    return this.deps.repository.findManyInAccount(principal.accountId, ids);
  }

  /** Hosts whose engine is one of these swarm nodes (hybrid fleets). */
  findBySwarmNodes(principal: Principal, nodeIds: readonly string[]): Promise<DockerHost[]> {
    return this.deps.repository.findBySwarmNodes(principal.accountId, nodeIds);
  }

  list(principal: Principal, filter: HostFilter, args: PageArgs): Promise<Page<DockerHost>> {
    return this.deps.repository.page(principal.accountId, filter, args);
  }

  async register(principal: Principal, input: RegisterHostInput): Promise<DockerHost> {
    const host = new DockerHost();
    host.accountId = principal.accountId;
    host.name = input.name.trim();
    host.apiEndpoint = input.apiEndpoint.trim();
    host.environment = input.environment;
    host.tlsVerify = input.tlsVerify ?? true;
    host.syncIntervalSeconds = input.syncIntervalSeconds ?? 60;
    validateHostSpec({ ...host, tlsCredentials: input.tlsCredentials ?? null, hasTlsCredentials: false }, this.deps.policy);
    if (input.tlsCredentials) host.encryptedTlsCredentials = this.deps.credentials.seal(host, input.tlsCredentials);

    const { repository } = this.deps;
    if (await repository.nameTaken(host.accountId, host.name)) throw nameConflict(host.name);
    // The pre-check gives the friendly answer; this catches two concurrent registrations of one name.
    if (!(await repository.insert(host))) throw nameConflict(host.name);
    this.publish(host);
    return this.check(host);
  }

  async update(principal: Principal, id: string, input: UpdateHostInput): Promise<DockerHost> {
    const { repository } = this.deps;
    const host = await this.load(principal.accountId, id);
    const before = fingerprint(host);
    const next = {
      name: input.name?.trim() ?? host.name,
      apiEndpoint: input.apiEndpoint?.trim() ?? host.apiEndpoint,
      environment: input.environment ?? host.environment,
      tlsVerify: input.tlsVerify ?? host.tlsVerify,
      syncIntervalSeconds: input.syncIntervalSeconds ?? host.syncIntervalSeconds,
    };
    const removing = input.tlsCredentials === null;
    validateHostSpec({
      ...next,
      tlsCredentials: input.tlsCredentials ?? null,
      hasTlsCredentials: !removing && host.hasTlsCredentials,
    }, this.deps.policy);
    if (next.name !== host.name && (await repository.nameTaken(host.accountId, next.name, host.id))) throw nameConflict(next.name);

    Object.assign(host, next);
    if (removing) host.encryptedTlsCredentials = null;
    else if (input.tlsCredentials) host.encryptedTlsCredentials = this.deps.credentials.seal(host, input.tlsCredentials);
    // Another daemon (or the same one through another door): the old event checkpoint means nothing there.
    if (fingerprint(host) !== before) host.eventsCheckpoint = null;
    await this.save(host);
    this.publish(host);

    if (fingerprint(host) === before || isUserOffline(host)) {
      if (fingerprint(host) !== before) this.deps.docker.evict(host.id);
      this.wake(host); // a new interval or endpoint reaches the host's sync owner now
      return host;
    }
    this.deps.docker.evict(host.id);
    return this.check(host);
  }

  async connect(principal: Principal, id: string): Promise<DockerHost> {
    const host = await this.load(principal.accountId, id);
    if (host.status === HostStatus.MAINTENANCE) {
      throw new ConflictError(`host ${host.name} is in maintenance: end maintenance to connect it`);
    }
    if (host.status === HostStatus.DISCONNECTED && host.consecutiveFailures === 0) host.status = HostStatus.PENDING;
    return this.check(host);
  }

  async disconnect(principal: Principal, id: string): Promise<DockerHost> {
    return this.takeOffline(principal, id, HostStatus.DISCONNECTED);
  }

  async setMaintenance(principal: Principal, id: string, enabled: boolean): Promise<DockerHost> {
    if (enabled) return this.takeOffline(principal, id, HostStatus.MAINTENANCE);
    const host = await this.load(principal.accountId, id);
    if (host.status !== HostStatus.MAINTENANCE) return host;
    host.status = HostStatus.PENDING;
    return this.check(host);
  }

  /** The seed's manual recovery: clear the failure count and check again. */
  async recover(principal: Principal, id: string): Promise<DockerHost> {
    const host = await this.load(principal.accountId, id);
    if (host.status === HostStatus.MAINTENANCE) {
      throw new ConflictError(`host ${host.name} is in maintenance: end maintenance instead`);
    }
    host.consecutiveFailures = 0;
    host.lastError = null;
    host.lastErrorCode = null;
    if (host.status !== HostStatus.CONNECTED) host.status = HostStatus.PENDING;
    return this.check(host);
  }

  async delete(principal: Principal, id: string): Promise<string> {
    const host = await this.load(principal.accountId, id);
    await this.deps.repository.remove(host);
    this.deps.docker.evict(host.id);
    this.wake(host);
    this.deps.pubsub.publish(HostTopic.Deleted, host.accountId, { id: host.id });
    return host.id;
  }

  /** The seed's manual sync: a full sync now. Refused for hosts that wait for a user (ERROR, offline). */
  async sync(principal: Principal, id: string): Promise<DockerHost> {
    const host = await this.load(principal.accountId, id);
    if (host.status === HostStatus.ERROR) {
      throw new ConflictError(`host ${host.name} is in ERROR after ${host.consecutiveFailures} consecutive failures: recover it (recoverDockerHost)`);
    }
    if (isUserOffline(host)) throw new ConflictError(`host ${host.name} is ${host.status}: connect it (or end maintenance) first`);
    return this.check(host);
  }

  /**
   * The second half of a key rotation: re-seal credentials written with an older key under the active one, so the old
   * key can be dropped from ENCRYPTION_KEYS. A row that does not decrypt is left as it is and reported, never fatal.
   * Each row is written only if it still holds what was read: a user's concurrent update is never undone.
   */
  async resealCredentials(): Promise<{ resealed: number; unreadable: string[] }> {
    const { repository, credentials, logger } = this.deps;
    const result = await resealRows(repository, credentials);
    if (result.resealed || result.unreadable.length) logger.info({ ...result, activeKeyId: credentials.activeKeyId }, 'TLS credentials re-sealed under the active key');
    return result;
  }

  /**
   * Checks the host by syncing it fully, and wakes the sync workers so the host's owner opens its event stream. The
   * sync applies its result to the row as it is THEN, locked: a host a user took offline or re-pointed meanwhile
   * keeps what the user did.
   */
  private async check(host: DockerHost): Promise<DockerHost> {
    await this.save(host); // the caller's pre-check state (PENDING, cleared failures) is committed first
    const result = await this.deps.sync.fullSync(host.id);
    this.wake(result.scope ?? host);
    return result.scope ?? host;
  }

  private async takeOffline(principal: Principal, id: string, status: HostStatus): Promise<DockerHost> {
    const host = await this.load(principal.accountId, id);
    host.status = status;
    host.consecutiveFailures = 0;
    await this.save(host);
    this.deps.docker.evict(host.id);
    this.publish(host);
    this.wake(host);
    return host;
  }

  private async load(accountId: string, id: string): Promise<DockerHost> {
    const host = await this.deps.repository.findInAccount(accountId, id);
    if (!host) throw new NotFoundError('DockerHost', id);
    return host;
  }

  private async save(host: DockerHost): Promise<void> {
    if (!(await this.deps.repository.save(host))) throw nameConflict(host.name);
  }

  private publish(host: DockerHost): void {
    this.deps.pubsub.publish(HostTopic.Changed, host.accountId, hostSnapshot(host));
  }

  /** Sync workers (on every instance) look at this host now instead of at their next tick. */
  private wake(host: DockerHost): void {
    this.deps.pubsub.publish(HostTopic.SyncWake, { hostId: host.id, connected: host.status === HostStatus.CONNECTED });
  }
}

function nameConflict(name: string): ConflictError {
  return new ConflictError(`a Docker host named "${name}" already exists in this account`, 'name');
}
