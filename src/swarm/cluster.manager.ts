import type { Principal } from '../auth/principal';
import { ConflictError, DomainError, ErrorCode, InputError, NotFoundError } from '../common/errors';
import type { Page, PageArgs } from '../db/pagination';
import type { DockerClientPool } from '../docker/docker.pool';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { HostTarget, TlsMaterial } from '../docker/docker.types';
import { fingerprint, type HostCredentials } from '../hosts/host-credentials';
import { visibleLastError } from '../hosts/host-error.view';
import { isUserOffline } from '../hosts/host-health';
import type { HostManager } from '../hosts/host.manager';
import { HostEnvironment, HostStatus } from '../hosts/host.enums';
import type { HostFilter, ScopeRowStore } from '../hosts/host.repository';
import { validateHostSpec, type HostPolicy } from '../hosts/host.validation';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import type { InventorySync } from '../sync/inventory.sync';
import type { ScopeStore } from '../sync/sync-scope.types';
import { SwarmCluster } from './cluster.entity';
import { clusterSnapshot, SwarmTopic } from './swarm.topics';

export interface RegisterClusterInput {
  name: string;
  environment: HostEnvironment;
  managerEndpoint?: string | null;
  /** A registered host that is a manager of the swarm: its endpoint and credentials are used. */
  managerHostId?: string | null;
  tlsVerify?: boolean | null;
  tlsCredentials?: TlsMaterial | null;
  syncIntervalSeconds?: number | null;
}

export interface UpdateClusterInput {
  name?: string | null;
  environment?: HostEnvironment | null;
  managerEndpoint?: string | null;
  tlsVerify?: boolean | null;
  tlsCredentials?: TlsMaterial | null;
  syncIntervalSeconds?: number | null;
}

export interface ClusterManagerDeps {
  repository: ScopeRowStore<SwarmCluster> & { findBySwarmId(accountId: string, swarmId: string): Promise<SwarmCluster | null> };
  docker: Pick<DockerClientPool, 'evict'>;
  swarm: Pick<DockerSwarm, 'swarmInfo'>;
  /** Sealed for swarm_clusters rows. */
  credentials: Pick<HostCredentials, 'seal' | 'open'>;
  /** Sealed for docker_hosts rows: a cluster registered through a host copies that host's material. */
  hostCredentials: Pick<HostCredentials, 'open'>;
  hosts: Pick<HostManager, 'get'>;
  sync: Pick<InventorySync<SwarmCluster>, 'fullSync'> & { scopes: Pick<ScopeStore<SwarmCluster>, 'target'> };
  pubsub: Pick<PubSub, 'publish'>;
  logger: Logger;
  policy: HostPolicy;
}

/**
 * The cluster half of the seed's SwarmManager: register a swarm by a manager's endpoint (or a registered host that is
 * a manager), update, delete, sync, recover. A cluster is a sync scope like a host, so its status follows the same
 * health machine (five failed checks: ERROR); each check goes through a manager that answers.
 */
export class ClusterManager {
  constructor(private readonly deps: ClusterManagerDeps) {}

  get(principal: Principal, id: string): Promise<SwarmCluster> {
    return this.load(principal.accountId, id);
  }

  /** A cluster operations may act on: the caller's, and CONNECTED (else HOST_UNAVAILABLE), with its manager's target. */
  async operable(principal: Principal, id: string): Promise<{ cluster: SwarmCluster; target: HostTarget }> {
    const cluster = await this.load(principal.accountId, id);
    if (cluster.status !== HostStatus.CONNECTED) {
      throw new DomainError(ErrorCode.HOST_UNAVAILABLE, `swarm cluster ${cluster.name} is ${cluster.status}: operations need it CONNECTED`, { clusterId: cluster.id });
    }
    return { cluster, target: this.deps.sync.scopes.target(cluster) };
  }

  lastErrorFor(principal: Principal | null, cluster: Pick<SwarmCluster, 'lastError' | 'lastErrorCode'>) {
    return visibleLastError(principal, cluster, this.deps.policy.coarseEndpointErrors);
  }

  findMany(principal: Principal, ids: readonly string[]): Promise<SwarmCluster[]> {
    return this.deps.repository.findManyInAccount(principal.accountId, ids);
  }

  list(principal: Principal, filter: HostFilter, args: PageArgs): Promise<Page<SwarmCluster>> {
    return this.deps.repository.page(principal.accountId, filter, args);
  }

  async register(principal: Principal, input: RegisterClusterInput): Promise<SwarmCluster> {
    if (Boolean(input.managerEndpoint) === Boolean(input.managerHostId)) {
      throw new InputError('managerEndpoint', 'or managerHostId: give exactly one (a manager\'s Engine endpoint, or a registered host that is a manager)');
    }
    const cluster = new SwarmCluster();
    cluster.accountId = principal.accountId;
    cluster.name = input.name.trim();
    cluster.environment = input.environment;
    cluster.syncIntervalSeconds = input.syncIntervalSeconds ?? 60;
    let tls = input.tlsCredentials ?? null;
    if (input.managerHostId) {
      const host = await this.deps.hosts.get(principal, input.managerHostId);
      cluster.managerHostId = host.id;
      cluster.apiEndpoint = host.apiEndpoint;
      cluster.tlsVerify = host.tlsVerify;
      tls = this.deps.hostCredentials.open(host) ?? null;
    } else {
      cluster.apiEndpoint = input.managerEndpoint!.trim();
      cluster.tlsVerify = input.tlsVerify ?? true;
    }
    validate(cluster, tls, false, this.deps.policy);
    if (tls) cluster.encryptedTlsCredentials = this.deps.credentials.seal(cluster, tls);
    await this.assertManager(cluster, input.managerHostId ? 'managerHostId' : 'managerEndpoint');

    const { repository } = this.deps;
    if (await repository.nameTaken(cluster.accountId, cluster.name)) throw nameConflict(cluster.name);
    if (!(await repository.insert(cluster))) throw nameConflict(cluster.name);
    this.publish(cluster);
    return this.check(cluster);
  }

  async update(principal: Principal, id: string, input: UpdateClusterInput): Promise<SwarmCluster> {
    const cluster = await this.load(principal.accountId, id);
    const before = fingerprint(cluster);
    const next = {
      name: input.name?.trim() ?? cluster.name,
      apiEndpoint: input.managerEndpoint?.trim() ?? cluster.apiEndpoint,
      environment: input.environment ?? cluster.environment,
      tlsVerify: input.tlsVerify ?? cluster.tlsVerify,
      syncIntervalSeconds: input.syncIntervalSeconds ?? cluster.syncIntervalSeconds,
    };
    const removing = input.tlsCredentials === null;
    validate(next, input.tlsCredentials ?? null, !removing && cluster.hasTlsCredentials, this.deps.policy);
    if (next.name !== cluster.name && (await this.deps.repository.nameTaken(cluster.accountId, next.name, cluster.id))) throw nameConflict(next.name);
    Object.assign(cluster, next);
    if (removing) cluster.encryptedTlsCredentials = null;
    else if (input.tlsCredentials) cluster.encryptedTlsCredentials = this.deps.credentials.seal(cluster, input.tlsCredentials);
    const repointed = fingerprint(cluster) !== before;
    if (repointed) {
      // Another manager, or another swarm: the failover list and the event checkpoint were the old one's.
      cluster.eventsCheckpoint = null;
      cluster.activeEndpoint = null;
      cluster.failoverEndpoints = [];
      cluster.managerHostId = null;
      // Pointed elsewhere: it must still be a manager, of a swarm the account has not registered under another name.
      await this.assertManager(cluster, 'managerEndpoint');
      this.deps.docker.evict(cluster.id);
    }
    await this.save(cluster);
    this.publish(cluster);
    if (!repointed || isUserOffline(cluster)) {
      this.wake(cluster);
      return cluster;
    }
    return this.check(cluster);
  }

  async delete(principal: Principal, id: string): Promise<string> {
    const cluster = await this.load(principal.accountId, id);
    await this.deps.repository.remove(cluster);
    this.deps.docker.evict(cluster.id);
    this.wake(cluster);
    this.deps.pubsub.publish(SwarmTopic.ClusterDeleted, cluster.accountId, { id: cluster.id });
    return cluster.id;
  }

  /** A full sync now (a health check). Refused in ERROR (recover it) or offline. */
  async sync(principal: Principal, id: string): Promise<SwarmCluster> {
    const cluster = await this.load(principal.accountId, id);
    if (cluster.status === HostStatus.ERROR) {
      throw new ConflictError(`swarm cluster ${cluster.name} is in ERROR after ${cluster.consecutiveFailures} consecutive failures: recover it (recoverSwarmCluster)`);
    }
    if (isUserOffline(cluster)) throw new ConflictError(`swarm cluster ${cluster.name} is ${cluster.status}`);
    return this.check(cluster);
  }

  /** The seed's manual recovery: clear the failure count and check again. */
  async recover(principal: Principal, id: string): Promise<SwarmCluster> {
    const cluster = await this.load(principal.accountId, id);
    cluster.consecutiveFailures = 0;
    cluster.lastError = null;
    cluster.lastErrorCode = null;
    if (cluster.status !== HostStatus.CONNECTED) cluster.status = HostStatus.PENDING;
    return this.check(cluster);
  }

  /**
   * Registration must be of a manager: an endpoint that answers but is not one is refused with what it is instead.
   * One that does not answer is registered PENDING, as a host would be (its checks say why, and it may come up).
   */
  private async assertManager(cluster: SwarmCluster, field: string): Promise<void> {
    let info;
    try {
      info = await this.deps.swarm.swarmInfo(this.deps.sync.scopes.target(cluster));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.QUORUM_LOST) return;
      this.deps.logger.info({ err: error, endpoint: cluster.apiEndpoint }, 'swarm manager did not answer at registration: registered PENDING');
      return;
    }
    if (info.controlAvailable) {
      const existing = info.clusterId ? await this.deps.repository.findBySwarmId(cluster.accountId, info.clusterId) : null;
      if (existing && existing.id !== cluster.id) throw new ConflictError(`this swarm (${info.clusterId}) is already registered in this account as cluster "${existing.name}" (${existing.id})`, field);
      return;
    }
    const what = info.localNodeState === 'active' ? 'a worker of a swarm, not a manager: register one of its managers' : `not part of a swarm (its node state is ${info.localNodeState || 'inactive'}): initSwarm there first, or give a manager`;
    throw new InputError(field, `points at an Engine that is ${what}`);
  }

  /** Checks the cluster by syncing it fully; wakes the sync workers so its owner opens the event stream. */
  private async check(cluster: SwarmCluster): Promise<SwarmCluster> {
    await this.save(cluster);
    const result = await this.deps.sync.fullSync(cluster.id);
    const checked = result.scope ?? cluster;
    this.wake(checked);
    return checked;
  }

  private async load(accountId: string, id: string): Promise<SwarmCluster> {
    const cluster = await this.deps.repository.findInAccount(accountId, id);
    if (!cluster) throw new NotFoundError('SwarmCluster', id);
    return cluster;
  }

  private async save(cluster: SwarmCluster): Promise<void> {
    if (!(await this.deps.repository.save(cluster))) throw nameConflict(cluster.name);
  }

  private publish(cluster: SwarmCluster): void {
    this.deps.pubsub.publish(SwarmTopic.ClusterChanged, cluster.accountId, clusterSnapshot(cluster));
  }

  private wake(cluster: SwarmCluster): void {
    this.deps.pubsub.publish(SwarmTopic.SyncWake, { hostId: cluster.id, connected: cluster.status === HostStatus.CONNECTED });
  }
}

/** A host's settings rules, for a cluster: its endpoint field is `managerEndpoint`. */
function validate(spec: { name: string; apiEndpoint: string; environment: HostEnvironment; tlsVerify: boolean; syncIntervalSeconds: number }, tls: TlsMaterial | null, hasTlsCredentials: boolean, policy: HostPolicy): void {
  try {
    validateHostSpec({ ...spec, tlsCredentials: tls, hasTlsCredentials }, policy);
  } catch (error) {
    if (error instanceof InputError && error.field === 'apiEndpoint') throw new InputError('managerEndpoint', error.message.replace(/^apiEndpoint /, ''));
    throw error;
  }
}

function nameConflict(name: string): ConflictError {
  return new ConflictError(`a swarm cluster named "${name}" already exists in this account`, 'name');
}
