import type { Principal } from '../auth/principal';
import { ConflictError, DomainError, ErrorCode } from '../common/errors';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { HostTarget, RegistryAuth } from '../docker/docker.types';
import type { EngineSpec, SwarmServiceSnapshot } from '../docker/swarm.types';
import type { WorkloadPolicy } from '../security/workload-policy';
import type { PlannedConfig, PlannedSecret, PlannedService, ServiceSpec, StackPlan } from './compose';
import { sameSpec, StackChangeAction, StackObjectKind, type StackChange } from './stack.changes';
import { digestWarning, pinnedImage, taggedImage } from './stack.image';
import { IMAGE_LABEL, namespaceFilter } from './stack.labels';

export enum ResolveImage {
  ALWAYS = 'ALWAYS',
  CHANGED = 'CHANGED',
  NEVER = 'NEVER',
}

export interface StackDeployerDeps {
  swarm: Pick<
    DockerSwarm,
    | 'swarmInfo'
    | 'inspectNetwork'
    | 'listSwarmNetworks'
    | 'createNetwork'
    | 'inspectSecret'
    | 'inspectConfig'
    | 'createSecret'
    | 'createConfig'
    | 'replaceDataSpec'
    | 'listServices'
    | 'inspectService'
    | 'createService'
    | 'updateService'
    | 'removeService'
    | 'distributionInspect'
  >;
  policy: Pick<WorkloadPolicy, 'enforceService'>;
  /** The account's registry credentials for an image (sent as X-Registry-Auth, like --with-registry-auth). */
  registryAuth: (accountId: string, image: string) => Promise<RegistryAuth | null>;
}

export interface DeployOptions {
  prune: boolean;
  resolveImage: ResolveImage;
  /** The plan's images are exact (a revision's pinned ones): never swapped for the image the service runs. */
  exactImages?: boolean;
  /** Told of each change as it is made (the stack operation's progress). */
  onChange?(change: StackChange): void;
}

type DataKind = 'secrets' | 'configs';

/**
 * docker stack deploy over the Engine API (docker/cli cli/command/stack/deploy_composefile.go), in its order: Info
 * (a manager) → prune → networks (created only if missing) → secrets → configs (updated at their version, or
 * created) → services (updated in place at their version keeping TaskTemplate.ForceUpdate, or created). Everything
 * that can refuse the deploy is checked before the first write, so a refused deploy leaves nothing half made: the
 * workload policy on every service spec, external networks/secrets/configs, and changed data of existing secrets
 * and configs (Docker refuses that; the CLI finds out half way).
 */
export class StackDeployer {
  constructor(private readonly deps: StackDeployerDeps) {}

  async deploy(principal: Principal, target: HostTarget, plan: StackPlan, options: DeployOptions): Promise<{ changes: StackChange[]; engineWarnings: string[] }> {
    const { swarm } = this.deps;
    const info = await swarm.swarmInfo(target);
    if (!info.controlAvailable) throw new DomainError(ErrorCode.NOT_SWARM_MANAGER, 'the cluster\'s endpoint is not a swarm manager: a stack is deployed through a manager');
    for (const service of plan.services) this.deps.policy.enforceService(principal, service.spec as unknown as EngineSpec, `services.${service.shortName}`);
    const ids = await this.checkExternals(target, plan);
    const existingData = await this.checkData(target, plan);

    const changes: StackChange[] = [];
    const note = (change: StackChange) => {
      changes.push(change);
      options.onChange?.(change);
    };
    const engineWarnings: string[] = [];
    const existingServices = await swarm.listServices(target, namespaceFilter(plan.namespace));
    if (options.prune) {
      const keep = new Set(plan.services.map((s) => s.spec.Name));
      for (const service of existingServices.filter((s) => !keep.has(s.name)).sort(byName)) {
        await swarm.removeService(target, service.dockerId);
        note({ kind: StackObjectKind.SERVICE, name: service.name, action: StackChangeAction.REMOVED, dockerId: service.dockerId });
      }
    }

    const existingNetworks = new Set((await swarm.listSwarmNetworks(target, namespaceFilter(plan.namespace))).map((n) => n.name));
    for (const network of plan.networks.filter((n) => !n.external)) {
      if (existingNetworks.has(network.name)) {
        note({ kind: StackObjectKind.NETWORK, name: network.name, action: StackChangeAction.UNCHANGED, dockerId: null });
        continue;
      }
      const id = await swarm.createNetwork(target, network.spec!);
      note({ kind: StackObjectKind.NETWORK, name: network.name, action: StackChangeAction.CREATED, dockerId: id });
    }

    for (const [kind, objects, objectKind] of [
      ['secrets', plan.secrets, StackObjectKind.SECRET],
      ['configs', plan.configs, StackObjectKind.CONFIG],
    ] as const) {
      for (const object of objects.filter((o) => !o.external)) {
        const existing = existingData.get(`${kind}/${object.name}`);
        if (existing) {
          await this.replaceData(target, kind, existing.id, object);
          const action = sameSpec(existing.labels, object.labels) ? StackChangeAction.UNCHANGED : StackChangeAction.UPDATED;
          note({ kind: objectKind, name: object.name, action, dockerId: existing.id });
          ids.set(`${kind}/${object.name}`, existing.id);
          continue;
        }
        const spec = { name: object.name, data: object.data, labels: object.labels, driver: (object.spec as PlannedSecret['spec'])?.Driver, templating: object.spec?.Templating };
        const id = kind === 'secrets' ? await swarm.createSecret(target, spec) : await swarm.createConfig(target, spec);
        note({ kind: objectKind, name: object.name, action: StackChangeAction.CREATED, dockerId: id });
        ids.set(`${kind}/${object.name}`, id);
      }
    }

    const byServiceName = new Map(existingServices.map((s) => [s.name, s]));
    for (const planned of plan.services) {
      const change = await this.deployService(principal, target, planned, byServiceName.get(planned.spec.Name) ?? null, ids, options, engineWarnings);
      note(change);
    }
    return { changes, engineWarnings };
  }

  private async deployService(
    principal: Principal,
    target: HostTarget,
    planned: PlannedService,
    existing: SwarmServiceSnapshot | null,
    ids: Map<string, string>,
    options: DeployOptions,
    warnings: string[],
  ): Promise<StackChange> {
    const { swarm } = this.deps;
    const spec = structuredClone(planned.spec);
    const container = spec.TaskTemplate.ContainerSpec;
    for (const ref of container.Secrets ?? []) ref.SecretID = ids.get(`secrets/${ref.SecretName}`) ?? '';
    for (const ref of container.Configs ?? []) ref.ConfigID = ids.get(`configs/${ref.ConfigName}`) ?? '';
    const composeImage = planned.spec.Labels[IMAGE_LABEL] ?? container.Image;
    container.Image = taggedImage(container.Image);
    const registryAuth = await this.deps.registryAuth(principal.accountId, container.Image);

    let query: boolean;
    if (!existing) query = options.resolveImage !== ResolveImage.NEVER;
    else if (options.resolveImage === ResolveImage.ALWAYS) query = true;
    else {
      query = options.resolveImage === ResolveImage.CHANGED && composeImage !== existing.labels[IMAGE_LABEL];
      // The image string is what the last deploy had: keep the image it pinned, or every deploy would redeploy. And
      // the platforms that pinning recorded: the CLI drops them here, which changes the spec (no task restarts, as
      // swarmkit lets a placement-only change stand while the node still fits, but the service is "updated").
      if (!options.exactImages && composeImage === existing.labels[IMAGE_LABEL]) {
        const running = (existing.spec.TaskTemplate ?? {}) as EngineSpec;
        container.Image = String((running.ContainerSpec as EngineSpec | undefined)?.Image ?? container.Image);
        const platforms = (running.Placement as EngineSpec | undefined)?.Platforms;
        if (Array.isArray(platforms) && platforms.length) spec.TaskTemplate.Placement = { ...(spec.TaskTemplate.Placement ?? {}), Platforms: platforms } as never;
      }
    }
    if (query) await this.pin(target, spec, registryAuth, warnings);

    if (!existing) {
      const created = await swarm.createService(target, spec as unknown as EngineSpec, { registryAuth });
      warnings.push(...created.warnings);
      return { kind: StackObjectKind.SERVICE, name: spec.Name, action: StackChangeAction.CREATED, dockerId: created.id };
    }
    const updated = await swarm.updateService(
      target,
      existing.dockerId,
      (current) => {
        // Stack deploy has no --force: the running ForceUpdate is kept so that an unchanged spec restarts nothing.
        spec.TaskTemplate.ForceUpdate = Number((current.TaskTemplate as EngineSpec | undefined)?.ForceUpdate ?? 0);
        return spec as unknown as EngineSpec;
      },
      { registryAuth },
    );
    warnings.push(...updated.warnings);
    const after = await swarm.inspectService(target, existing.dockerId);
    const action = after && sameSpec(after.spec, existing.spec) ? StackChangeAction.UNCHANGED : StackChangeAction.UPDATED;
    return { kind: StackObjectKind.SERVICE, name: spec.Name, action, dockerId: existing.dockerId };
  }

  /** QueryRegistry as moby's client does it: the digest and platforms from the registry, or a warning. */
  private async pin(target: HostTarget, spec: ServiceSpec, registryAuth: RegistryAuth | null, warnings: string[]): Promise<void> {
    const container = spec.TaskTemplate.ContainerSpec;
    let answer;
    try {
      answer = await this.deps.swarm.distributionInspect(target, container.Image, { registryAuth });
    } catch {
      warnings.push(digestWarning(container.Image));
      return;
    }
    if (!answer.digest) {
      warnings.push(digestWarning(container.Image));
      return;
    }
    container.Image = pinnedImage(container.Image, answer.digest);
    const seen = new Set<string>();
    const platforms: Array<{ Architecture: string; OS: string }> = [];
    for (const p of answer.platforms) {
      // Attestation manifests are "unknown"; arm's variant never matches a node's (swarmkit#2294), so it is dropped.
      if (p.os === 'unknown' || p.architecture === 'unknown') continue;
      const platform = { Architecture: p.architecture.toLowerCase() === 'arm' ? '' : p.architecture, OS: p.os };
      const key = `${platform.OS}/${platform.Architecture}`;
      if (seen.has(key)) continue;
      seen.add(key);
      platforms.push(platform);
    }
    if (platforms.length) spec.TaskTemplate.Placement = { ...(spec.TaskTemplate.Placement ?? {}), Platforms: platforms } as never;
  }

  /** External networks (scope swarm), secrets and configs must exist: every missing one is named, before any write. */
  private async checkExternals(target: HostTarget, plan: StackPlan): Promise<Map<string, string>> {
    const { swarm } = this.deps;
    const missing: string[] = [];
    const ids = new Map<string, string>();
    for (const network of plan.networks.filter((n) => n.external)) {
      const found = await swarm.inspectNetwork(target, network.name);
      if (!found) missing.push(`network "${network.name}" is declared as external, but could not be found: create a swarm-scoped network before the stack is deployed`);
      else if (found.scope !== 'swarm') missing.push(`network "${network.name}" is declared as external, but its scope is "${found.scope}" instead of "swarm"`);
    }
    for (const [kind, objects] of [
      ['secrets', plan.secrets],
      ['configs', plan.configs],
    ] as const) {
      for (const object of objects.filter((o) => o.external)) {
        const found = kind === 'secrets' ? await swarm.inspectSecret(target, object.name) : await swarm.inspectConfig(target, object.name);
        if (!found) missing.push(`${kind.slice(0, -1)} "${object.name}" is declared as external, but could not be found`);
        else ids.set(`${kind}/${object.name}`, found.dockerId);
      }
    }
    if (missing.length) throw new DomainError(ErrorCode.BAD_USER_INPUT, `compose names external objects the swarm does not have: ${missing.join('; ')}`, { field: 'compose', missing });
    return ids;
  }

  /**
   * Existing secrets and configs of the stack, each checked to still hold the file's data: Docker refuses changed
   * data ("only updates to Labels are allowed") and never returns a secret's, so the check is an update with the
   * labels it has and the data the file has, which changes nothing when the data is the same.
   */
  private async checkData(target: HostTarget, plan: StackPlan): Promise<Map<string, { id: string; labels: Record<string, string> }>> {
    const { swarm } = this.deps;
    const existing = new Map<string, { id: string; labels: Record<string, string> }>();
    for (const [kind, objects] of [
      ['secrets', plan.secrets],
      ['configs', plan.configs],
    ] as const) {
      for (const object of objects.filter((o) => !o.external)) {
        const found = kind === 'secrets' ? await swarm.inspectSecret(target, object.name) : await swarm.inspectConfig(target, object.name);
        if (!found) continue;
        await this.replaceData(target, kind, found.dockerId, { ...object, labels: found.labels });
        existing.set(`${kind}/${object.name}`, { id: found.dockerId, labels: found.labels });
      }
    }
    return existing;
  }

  private async replaceData(target: HostTarget, kind: DataKind, id: string, object: Pick<PlannedSecret | PlannedConfig, 'name' | 'labels' | 'data'>): Promise<void> {
    try {
      await this.deps.swarm.replaceDataSpec(target, kind, id, { labels: object.labels, data: object.data });
    } catch (error) {
      if (error instanceof DomainError && /only updates to labels are allowed/i.test(error.message)) {
        const what = kind.slice(0, -1);
        throw new ConflictError(
          `${what} ${object.name} already exists with other content, and Docker never changes a ${what}'s data. Rotate it: give the new content a new name (e.g. name: ${object.name}_v2 in the compose file's ${kind} section) and deploy; services switch to it, and the old one can be removed afterwards`,
          'compose',
        );
      }
      throw error;
    }
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

