import type { Principal } from '../auth/principal';
import { ConflictError, DomainError, ErrorCode, NotFoundError } from '../common/errors';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { HostTarget } from '../docker/docker.types';
import type { EngineSpec, SwarmSecretSnapshot, SwarmServiceSnapshot } from '../docker/swarm.types';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
import type { WorkloadPolicy } from '../security/workload-policy';
import type { InventorySync } from '../sync/inventory.sync';
import type { ClusterManager } from './cluster.manager';
import type { SwarmCluster } from './cluster.entity';
import type { SwarmDataObject } from './secret.entity';
import type { SecretUsageRepository } from './secret.repository';
import { dataBytes, inUseServices, nextVersion, referencedIds, referencesObject, repoint, ROTATION_BASE_LABEL, ROTATION_VERSION_LABEL, validateLabels, validateName, type DataKind } from './secret.rules';
import type { SwarmService } from './service.entity';
import type { ServiceLedger } from './service.ledger';
import type { SwarmQueries } from './swarm.queries';

export interface DataInput {
  data?: string | null;
  dataBase64?: string | null;
}

export interface RotateInput extends DataInput {
  /** Keep the old version (a rollback of a re-pointed service needs it); remove it later with remove. */
  keepPrevious?: boolean | null;
}

export interface CreateDataInput extends DataInput {
  name: string;
  labels?: Record<string, unknown> | null;
}

export interface Rotation<T> {
  object: T;
  /** The services now using the new version. */
  services: SwarmService[];
  previousName: string;
  /** Null when the previous version was removed; else why it was kept. */
  previousKept: string | null;
}

type Swarm = Pick<
  DockerSwarm,
  'createSecret' | 'inspectSecret' | 'listSecrets' | 'updateSecretLabels' | 'removeSecret' | 'createConfig' | 'inspectConfig' | 'listConfigs' | 'updateConfigLabels' | 'removeConfig' | 'listServices' | 'updateService'
>;

export interface SecretManagerDeps {
  kind: DataKind;
  clusters: Pick<ClusterManager, 'operable'>;
  swarm: Swarm;
  rows: Pick<SwarmQueries, 'one' | 'byDockerIds'>;
  usage: Pick<SecretUsageRepository, 'servicesIn' | 'objectsIn'>;
  sync: Pick<InventorySync<SwarmCluster>, 'refresh'>;
  policy: Pick<WorkloadPolicy, 'enforceService'>;
  /** The revision ledger, as ServiceManager records a change: the re-pointed services' stacks get their next revision. */
  ledger?: Pick<ServiceLedger, 'recordEach'>;
}

/**
 * A service that rolls back on a failed update (UpdateConfig.FailureAction=rollback) goes back to its previous spec
 * without swarmkit checking that spec's secrets exist. Measured on the fleet (20.10): with the old version removed
 * during the update, the rollback's tasks fail "unable to get secret from secret store: secret … not found" and the
 * service stops at rollback_paused. So the old version outlives such an update: it is kept, and the answer says so.
 */
function rollsBack(services: SwarmServiceSnapshot[]): string | null {
  const names = services.filter((s) => ((s.spec as { UpdateConfig?: { FailureAction?: string } }).UpdateConfig?.FailureAction ?? '') === 'rollback').map((s) => s.name);
  if (!names.length) return null;
  return `kept for ${names.join(', ')}: ${names.length === 1 ? 'it rolls' : 'they roll'} back on a failed update (UpdateConfig.FailureAction=rollback) to a spec that uses it; remove it once the update completed`;
}

/** The Engine calls of one kind, so the rules below are written once for secrets and configs. */
function engineOf(swarm: Swarm, kind: DataKind) {
  const secret = kind.name === 'secret';
  return {
    create: (t: HostTarget, spec: { name: string; data: Buffer; labels: Record<string, string> }) => (secret ? swarm.createSecret(t, spec) : swarm.createConfig(t, spec)),
    inspect: (t: HostTarget, id: string) => (secret ? swarm.inspectSecret(t, id) : swarm.inspectConfig(t, id)),
    list: (t: HostTarget) => (secret ? swarm.listSecrets(t) : swarm.listConfigs(t)),
    updateLabels: (t: HostTarget, id: string, labels: Record<string, string>) => (secret ? swarm.updateSecretLabels(t, id, labels) : swarm.updateConfigLabels(t, id, labels)),
    remove: (t: HostTarget, id: string) => (secret ? swarm.removeSecret(t, id) : swarm.removeConfig(t, id)),
  };
}

/**
 * The seed's SecretManager, for secrets or configs (one instance per kind). The data goes to the Engine and nowhere
 * else: it is not stored, not logged, not in an answer or an error (the audit drops `data` arguments). Docker refuses
 * to change data ("only updates to Labels are allowed"), so a rotation is a new version under a versioned name, every
 * service re-pointed to it, and the old one removed once nothing uses it.
 */
export class SecretManager<T extends SwarmDataObject = SwarmDataObject> {
  private readonly engine: ReturnType<typeof engineOf>;

  constructor(private readonly deps: SecretManagerDeps) {
    this.engine = engineOf(deps.swarm, deps.kind);
  }

  get(principal: Principal, id: string): Promise<T> {
    return this.deps.rows.one(principal, this.deps.kind.queryKind, id) as Promise<T>;
  }

  /** For a loader: the stored services whose specs use each object, in one statement for any number of objects. */
  async usedBy(principal: Principal, objects: ReadonlyArray<Pick<SwarmDataObject, 'clusterId' | 'dockerId'>>): Promise<SwarmService[][]> {
    const services = await this.deps.usage.servicesIn(principal, objects.map((o) => o.clusterId));
    return objects.map((o) => services.filter((s) => s.clusterId === o.clusterId && referencesObject(s.spec, this.deps.kind, o.dockerId)));
  }

  /** For a loader: the objects of this kind each service's spec references (those the store knows), in one statement. */
  async referencedBy(principal: Principal, services: ReadonlyArray<Pick<SwarmService, 'clusterId' | 'spec'>>): Promise<T[][]> {
    const objects = await this.deps.usage.objectsIn(principal, this.deps.kind.name, services.map((s) => s.clusterId));
    return services.map((s) => {
      const ids = new Set(referencedIds(s.spec, this.deps.kind));
      return objects.filter((o) => o.clusterId === s.clusterId && ids.has(o.dockerId)) as T[];
    });
  }

  async create(principal: Principal, clusterId: string, input: CreateDataInput): Promise<T> {
    const name = validateName(input.name);
    const data = dataBytes(input);
    const labels = validateLabels(input.labels);
    const { cluster, target } = await this.deps.clusters.operable(principal, clusterId);
    let dockerId: string;
    try {
      dockerId = await this.engine.create(target, { name, data, labels });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.CONFLICT) throw new ConflictError(`a ${this.deps.kind.name} named "${name}" already exists in swarm cluster ${cluster.name}`, 'name');
      throw error;
    }
    return this.readBack(principal, cluster.id, dockerId);
  }

  /** Labels are replaced as a whole (Docker's update); the rotation labels are kept unless given. */
  async updateLabels(principal: Principal, id: string, input: { labels: Record<string, unknown> }): Promise<T> {
    const labels = validateLabels(input.labels);
    const row = await this.get(principal, id);
    for (const key of [ROTATION_BASE_LABEL, ROTATION_VERSION_LABEL]) if (row.labels[key] !== undefined && !(key in labels)) labels[key] = row.labels[key]!;
    const { cluster, target } = await this.deps.clusters.operable(principal, row.clusterId);
    await this.gone(cluster.id, row, () => this.engine.updateLabels(target, row.dockerId, labels));
    return this.readBack(principal, cluster.id, row.dockerId);
  }

  /** CONFLICT naming the services that use it, by their stored specs, or by the manager's own refusal. */
  async remove(principal: Principal, id: string): Promise<string> {
    const row = await this.get(principal, id);
    const { cluster, target } = await this.deps.clusters.operable(principal, row.clusterId);
    const users = (await this.deps.usage.servicesIn(principal, [row.clusterId])).filter((s) => referencesObject(s.spec, this.deps.kind, row.dockerId));
    if (users.length) throw this.inUse(row.name, users.map((s) => s.name));
    try {
      await this.engine.remove(target, row.dockerId);
    } catch (error) {
      const named = error instanceof DomainError ? inUseServices(error.message) : null;
      if (named) throw this.inUse(row.name, named);
      // Already gone on the swarm: what the caller asked for is true; the read-back drops the row.
      if (!(error instanceof DomainError && error.code === ErrorCode.NOT_FOUND)) throw error;
    }
    await this.refresh(cluster.id);
    return row.id;
  }

  /**
   * A new version with the new data (`<base>.v<n>`), every service that used the old one re-pointed to it (same file
   * target), then the old one removed. Every re-pointed spec passes the workload policy, all of them before anything
   * changes. A re-point failing midway stops the rotation with an error naming what was re-pointed and what was not;
   * the old version is kept for the services still on it.
   */
  async rotate(principal: Principal, id: string, input: RotateInput): Promise<Rotation<T>> {
    const { kind, policy } = this.deps;
    const data = dataBytes(input);
    const row = await this.get(principal, id);
    const { cluster, target } = await this.deps.clusters.operable(principal, row.clusterId);
    const current = await this.engine.inspect(target, row.dockerId);
    if (!current) {
      await this.refresh(cluster.id);
      throw new NotFoundError(kind.typeName, id);
    }
    // Live lists, not the store: a service created a second ago must be re-pointed too.
    const [objects, services] = await Promise.all([this.engine.list(target), this.deps.swarm.listServices(target)]);
    const users = services.filter((s) => referencesObject(s.spec, kind, current.dockerId));
    const next = nextVersion(current, new Set(objects.map((o) => o.name)));
    for (const s of users) policy.enforceService(principal, repoint(s.spec, kind, current.dockerId, { id: '', name: next.name }), `service ${s.name}`);

    const labels = { ...current.labels, [ROTATION_BASE_LABEL]: next.base, [ROTATION_VERSION_LABEL]: String(next.version) };
    const created = { id: await this.engine.create(target, { name: next.name, data, labels }), name: next.name };
    const repointed: SwarmServiceSnapshot[] = [];
    for (const service of users) {
      try {
        await this.deps.swarm.updateService(target, service.dockerId, (spec) => {
          const out = repoint(spec, kind, current.dockerId, created);
          policy.enforceService(principal, out, `service ${service.name}`);
          return out;
        });
        repointed.push(service);
      } catch (error) {
        // Removed meanwhile: it uses nothing any more.
        if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) continue;
        // What was re-pointed before the stop did change: recorded as well.
        await this.recordRepointed(principal, cluster.id, repointed, `${current.name} rotated to ${created.name} (stopped before ${service.name})`);
        await this.refresh(cluster.id).catch(() => undefined);
        throw this.stopped(error, { current, created, repointed, failed: service, users });
      }
    }
    await this.recordRepointed(principal, cluster.id, repointed, `${current.name} rotated to ${created.name}`);
    const previousKept = (input.keepPrevious ? 'kept as asked (keepPrevious)' : null) ?? rollsBack(repointed) ?? (await this.removeUnused(target, current));
    await this.refresh(cluster.id);
    const [object] = await this.deps.rows.byDockerIds(principal, kind.queryKind, cluster.id, [created.id]);
    if (!object) throw new DomainError(ErrorCode.DOCKER_API_ERROR, `${kind.name} ${created.name} was created but the manager does not list it`);
    const rows = repointed.length ? await this.deps.rows.byDockerIds(principal, 'services', cluster.id, repointed.map((s) => s.dockerId)) : [];
    return { object: object as T, services: rows as SwarmService[], previousName: current.name, previousKept };
  }

  /**
   * The objects of this kind a service spec references that the swarm no longer has (their names). For a rollback:
   * swarmkit swaps in the previous spec without checking them, and its tasks then fail "secret … not found" (measured
   * on the fleet), so a rollback to a spec from before a rotation should be refused naming these.
   */
  async missingReferences(target: HostTarget, spec: EngineSpec | null | undefined): Promise<string[]> {
    const { kind } = this.deps;
    const refs = (((spec as Json | null)?.TaskTemplate?.ContainerSpec?.[kind.listKey] ?? []) as Json[]).filter((r) => r?.[kind.idKey]);
    if (!refs.length) return [];
    const present = new Set((await this.engine.list(target)).map((o) => o.dockerId));
    return refs.filter((r) => !present.has(String(r[kind.idKey]))).map((r) => String(r[kind.nameKey] ?? r[kind.idKey]));
  }

  /** Re-pointed services changed their specs (tasks restart): each stack's next revision, as updateSwarmService records. */
  private async recordRepointed(principal: Principal, clusterId: string, services: SwarmServiceSnapshot[], what: string): Promise<void> {
    await this.deps.ledger?.recordEach(principal, clusterId, services.map((s) => ({ name: s.name, stack: s.stackNamespace })), `${this.deps.kind.name} ${what}`);
  }

  /** The old version goes once no service uses it; a refusal (a service that took it meanwhile) keeps it, and says why. */
  private async removeUnused(target: HostTarget, current: SwarmSecretSnapshot): Promise<string | null> {
    try {
      await this.engine.remove(target, current.dockerId);
      return null;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
      if (!(error instanceof DomainError)) throw error;
      const named = inUseServices(error.message);
      return named ? `still used by ${named.join(', ')}` : error.message;
    }
  }

  private stopped(error: unknown, at: { current: SwarmSecretSnapshot; created: { id: string; name: string }; repointed: SwarmServiceSnapshot[]; failed: SwarmServiceSnapshot; users: SwarmServiceSnapshot[] }): DomainError {
    const { kind } = this.deps;
    const done = at.repointed.map((s) => s.name);
    const left = at.users.filter((s) => !at.repointed.includes(s)).map((s) => s.name);
    const reason = error instanceof Error ? error.message : String(error);
    const code = error instanceof DomainError ? error.code : ErrorCode.DOCKER_API_ERROR;
    return new DomainError(
      code,
      `rotating ${kind.name} ${at.current.name} stopped at service ${at.failed.name}: ${reason}. ` +
        `${at.created.name} (${at.created.id}) was created; re-pointed to it: ${done.length ? done.join(', ') : 'none'}; ` +
        `still on ${at.current.name}, which is kept: ${left.join(', ')}`,
      { repointed: done, notRepointed: left, created: at.created.id },
    );
  }

  private inUse(name: string, services: string[]): ConflictError {
    const what = services.length === 1 ? 'service' : 'services';
    return new ConflictError(`${this.deps.kind.name} ${name} is in use by ${what} ${services.join(', ')}: remove it from their specs first, or rotate it`, 'id');
  }

  /** The Engine no longer has it: the store learns that, and the caller gets NOT_FOUND. */
  private async gone(clusterId: string, row: T, call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.NOT_FOUND)) throw error;
      await this.refresh(clusterId);
      throw new NotFoundError(this.deps.kind.typeName, row.id);
    }
  }

  private async readBack(principal: Principal, clusterId: string, dockerId: string): Promise<T> {
    await this.refresh(clusterId);
    const [row] = await this.deps.rows.byDockerIds(principal, this.deps.kind.queryKind, clusterId, [dockerId]);
    if (!row) throw new DomainError(ErrorCode.DOCKER_API_ERROR, `${this.deps.kind.name} ${dockerId} was written but the manager does not list it`);
    return row as T;
  }

  private async refresh(clusterId: string): Promise<void> {
    await this.deps.sync.refresh(clusterId, { kinds: [this.deps.kind.name, 'service'] });
  }
}
