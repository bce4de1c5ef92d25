import type { Principal } from '../auth/principal';
import type { Channel } from '../common/channel';
import { ConflictError, DomainError, InputError, NotFoundError } from '../common/errors';
import type { HostTarget } from '../docker/docker.types';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { EngineSpec, SwarmLogLine } from '../docker/swarm.types';
import type { RegistryCredentials } from '../registries/registry-credentials';
import type { WorkloadPolicy } from '../security/workload-policy';
import type { InventorySync } from '../sync/inventory.sync';
import type { SwarmCluster } from './cluster.entity';
import type { ClusterManager } from './cluster.manager';
import { applyServicePatch, scaleSpec, toServiceSpec, type ClusterNames } from './service-spec.convert';
import type { SwarmService } from './service.entity';
import type { ServiceLedger } from './service.ledger';
import type { SwarmServiceSpecInput, SwarmServiceUpdateInput } from './service.inputs';
import type { SwarmQueries } from './swarm.queries';

export interface ServiceManagerDeps {
  clusters: Pick<ClusterManager, 'operable'>;
  queries: Pick<SwarmQueries, 'one' | 'byDockerIds'>;
  swarm: Pick<DockerSwarm, 'createService' | 'updateService' | 'removeService' | 'inspectService' | 'listSwarmNetworks' | 'listSecrets' | 'listConfigs' | 'serviceLogs' | 'followServiceLogs'>;
  sync: Pick<InventorySync<SwarmCluster>, 'refresh'>;
  policy: Pick<WorkloadPolicy, 'enforceService'>;
  registries: Pick<RegistryCredentials, 'authFor'>;
  /** Names of the secrets and configs a spec uses that the swarm no longer has (SecretManager.missingReferences). */
  missingReferences?(target: HostTarget, spec: EngineSpec): Promise<string[]>;
  /** The revision ledger (DeploymentRecorder, through ServiceLedger): a change to a stack's service is the stack's next revision. */
  ledger?: Pick<ServiceLedger, 'record'>;
}

/** A service as a mutation answers it: the stored row, read back after the change, and what the Engine warned of. */
export interface ServiceAnswer {
  service: SwarmService;
  warnings: string[];
}

const MAX_TAIL = 100_000;

/**
 * The seed's ServiceManager on a swarm cluster, over the docker adapter. Creates convert a typed input into an Engine
 * ServiceSpec; every change of an existing service is applied onto the Engine's CURRENT spec inside the adapter's
 * read-modify-write (so a concurrent scale and update both land, and "update out of sequence" is retried); the
 * workload policy judges the FINAL spec before the Engine sees it, on every path (a rollback's previous spec too).
 * Answers are read back through the cluster's sync, so they show the change.
 */
export class ServiceManager {
  constructor(private readonly deps: ServiceManagerDeps) {}

  async create(principal: Principal, clusterId: string, input: SwarmServiceSpecInput): Promise<ServiceAnswer> {
    const { cluster, target } = await this.deps.clusters.operable(principal, clusterId);
    const spec = toServiceSpec(input, await this.names(target, input), 'spec');
    this.deps.policy.enforceService(principal, spec, 'spec');
    const registryAuth = await this.deps.registries.authFor(principal.accountId, input.image);
    const { id, warnings } = await this.deps.swarm.createService(target, spec, { registryAuth });
    return { service: await this.readBack(principal, cluster, id, `service ${input.name} was created`), warnings };
  }

  async update(principal: Principal, id: string, patch: SwarmServiceUpdateInput): Promise<ServiceAnswer> {
    const { service, cluster, target } = await this.locate(principal, id);
    const names = await this.names(target, patch);
    const registryAuth = patch.image ? await this.deps.registries.authFor(principal.accountId, patch.image) : null;
    const { warnings } = await this.deps.swarm.updateService(target, service.dockerId, (current) => this.judged(principal, applyServicePatch(current, patch, names, 'spec')), { registryAuth });
    await this.recorded(principal, service, 'updateSwarmService');
    return { service: await this.readBack(principal, cluster, service.dockerId), warnings };
  }

  async scale(principal: Principal, id: string, replicas: number): Promise<ServiceAnswer> {
    const { service, cluster, target } = await this.locate(principal, id);
    // The stored mode answers at once; the current spec is checked again inside the write (a mode cannot change).
    scaleSpec({ Mode: modeSpec(service.mode) }, replicas, 'replicas');
    const { warnings } = await this.deps.swarm.updateService(target, service.dockerId, (current) => this.judged(principal, scaleSpec(current, replicas, 'replicas')));
    await this.recorded(principal, service, `scaleSwarmService to ${replicas}`);
    return { service: await this.readBack(principal, cluster, service.dockerId), warnings };
  }

  /** Replaces every task with the spec unchanged (ForceUpdate + 1): the seed's redeploy, e.g. to pull a moved tag. */
  async redeploy(principal: Principal, id: string): Promise<ServiceAnswer> {
    const { service, cluster, target } = await this.locate(principal, id);
    // Tasks started again run whatever the spec holds, which may have been made outside this API: judged like new.
    const { warnings } = await this.deps.swarm.updateService(target, service.dockerId, (current) => this.judged(principal, current), { forceUpdate: true });
    await this.recorded(principal, service, 'redeploySwarmService (tasks replaced, spec unchanged)');
    return { service: await this.readBack(principal, cluster, service.dockerId), warnings };
  }

  /** Docker's own rollback (swarmkit swaps Spec and PreviousSpec): a second one flips forward again. */
  async rollback(principal: Principal, id: string): Promise<ServiceAnswer> {
    const { service, cluster, target } = await this.locate(principal, id);
    const live = await this.deps.swarm.inspectService(target, service.dockerId);
    if (!live) throw new NotFoundError('SwarmService', id);
    if (!live.previousSpec) throw new ConflictError(`service ${service.name} has no previous spec to roll back to: it has not been updated since it was created`);
    this.judged(principal, live.previousSpec);
    // Docker rolls back to a spec whose secrets were rotated away without checking, and its tasks then fail.
    const missing = (await this.deps.missingReferences?.(target, live.previousSpec)) ?? [];
    if (missing.length) throw new ConflictError(`service ${service.name} cannot roll back: its previous spec uses ${missing.join(', ')}, which the swarm no longer has (rotated or removed)`);
    try {
      const { warnings } = await this.deps.swarm.updateService(target, service.dockerId, (current) => current, { rollback: 'previous' });
      await this.recorded(principal, service, "rollbackSwarmService (Docker's one-step rollback)", true);
      return { service: await this.readBack(principal, cluster, service.dockerId), warnings };
    } catch (error) {
      // A rollback racing another one: swarmkit answers FailedPrecondition, which the adapter passes on as it came.
      if (error instanceof DomainError && /does not have a previous spec/i.test(error.message)) throw new ConflictError(`service ${service.name} has no previous spec to roll back to`);
      throw error;
    }
  }

  /** The change as the stack's next revision; the change stands whether or not the ledger could record it. */
  private async recorded(principal: Principal, service: SwarmService, description: string, rollback = false): Promise<void> {
    await this.deps.ledger?.record(principal, { clusterId: service.clusterId, stack: service.stack ?? null, name: service.name }, description, { rollback });
  }

  async remove(principal: Principal, id: string): Promise<string> {
    const { service, cluster, target } = await this.locate(principal, id);
    try {
      await this.deps.swarm.removeService(target, service.dockerId);
      // The stack's next revision is what is left of it (read from the Engine, so before our rows catch up is fine).
      await this.recorded(principal, service, 'removeSwarmService');
    } finally {
      // Also when the swarm says it is gone already: then our row was stale, and the answer is NOT_FOUND without it.
      await this.deps.sync.refresh(cluster.id, { kinds: ['service', 'task'] });
    }
    return service.id;
  }

  async logs(principal: Principal, id: string, options: { tail?: number | null; since?: Date | null }): Promise<{ lines: SwarmLogLine[]; truncated: boolean }> {
    if (options.tail != null && (!Number.isInteger(options.tail) || options.tail < 0 || options.tail > MAX_TAIL)) throw new InputError('tail', `must be between 0 and ${MAX_TAIL}`);
    const { service, target } = await this.locate(principal, id);
    return this.deps.swarm.serviceLogs(target, service.dockerId, { tail: options.tail, since: options.since });
  }

  async followLogs(principal: Principal, id: string): Promise<Channel<SwarmLogLine>> {
    const { service, target } = await this.locate(principal, id);
    return this.deps.swarm.followServiceLogs(target, service.dockerId);
  }

  /** Our row id: the caller's service, on its cluster, which must be operable. */
  private async locate(principal: Principal, id: string): Promise<{ service: SwarmService; cluster: SwarmCluster; target: HostTarget }> {
    const service = await this.deps.queries.one(principal, 'services', id);
    const { cluster, target } = await this.deps.clusters.operable(principal, service.clusterId);
    return { service, cluster, target };
  }

  private judged(principal: Principal, spec: EngineSpec): EngineSpec {
    this.deps.policy.enforceService(principal, spec, 'spec');
    return spec;
  }

  /** The cluster's objects the input names, listed live (only the kinds it names: a create without secrets lists none). */
  private async names(target: HostTarget, input: Pick<SwarmServiceUpdateInput, 'networks' | 'secrets' | 'configs'>): Promise<ClusterNames> {
    const named = (list: unknown[] | null | undefined) => Boolean(list?.length);
    const [networks, secrets, configs] = await Promise.all([
      named(input.networks) ? this.deps.swarm.listSwarmNetworks(target) : [],
      named(input.secrets) ? this.deps.swarm.listSecrets(target) : [],
      named(input.configs) ? this.deps.swarm.listConfigs(target) : [],
    ]);
    return {
      networks: networks.map((n) => ({ id: n.dockerId, name: n.name })),
      secrets: secrets.map((s) => ({ id: s.dockerId, name: s.name })),
      configs: configs.map((c) => ({ id: c.dockerId, name: c.name })),
    };
  }

  private async readBack(principal: Principal, cluster: SwarmCluster, dockerId: string, context?: string): Promise<SwarmService> {
    try {
      await this.deps.sync.refresh(cluster.id, { kinds: ['service', 'task'] });
    } catch (error) {
      // The change happened on the swarm; only recording it failed (the next sync records it).
      if (context && error instanceof Error) error.message = `${context}, but could not be recorded yet: ${error.message}`;
      throw error;
    }
    const [row] = await this.deps.queries.byDockerIds(principal, 'services', cluster.id, [dockerId]);
    if (!row) throw new NotFoundError('SwarmService', dockerId);
    return row;
  }
}

function modeSpec(mode: string): Record<string, unknown> {
  const key = { replicated: 'Replicated', global: 'Global', 'replicated-job': 'ReplicatedJob', 'global-job': 'GlobalJob' }[mode] ?? 'Replicated';
  return { [key]: key === 'ReplicatedJob' ? { MaxConcurrent: 1 } : {} };
}
