import type { Principal } from '../auth/principal';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { RegistryAuth } from '../docker/docker.types';
import type { EngineSpec } from '../docker/swarm.types';
import { parseStack, type ComposeWarning } from '../stacks/compose';
import { ResolveImage } from '../stacks/stack.deployer';
import { pinnedImage, taggedImage } from '../stacks/stack.image';
import { IMAGE_LABEL, namespaceFilter } from '../stacks/stack.labels';
import type { ClusterManager } from '../swarm/cluster.manager';
import { plannedForDiff, runningForDiff } from './spec.compare';
import { specDifferences, type SpecDifference } from './spec.diff';

export interface ServicePlan {
  name: string;
  action: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REMOVE';
  differences: SpecDifference[];
  /** Tasks Swarm will replace (its task template changes), out of those running now. */
  tasksToRestart: number;
  /** The image the service will run (pinned when the registry answered). */
  image: string | null;
  /** Its image will be pulled by the nodes: a new reference or digest, not what runs now. */
  pullsImage: boolean;
}

export interface DeploymentPlan {
  stack: string;
  services: ServicePlan[];
  /** Keys of the file Swarm does not apply (docker stack deploy ignores them too), with their lines. */
  ignored: ComposeWarning[];
  imagesToPull: string[];
  /** Images the registry could not be asked about: compared by their tag only. */
  unresolvedImages: string[];
}

/**
 * What the deployer rewrites or the Engine fills in: not differences a user made. Networks, secrets and configs are
 * compared by name instead (spec.compare.ts), so a changed list is reported and restarts the tasks.
 */
const IGNORED = [/^TaskTemplate\.ForceUpdate$/, /^TaskTemplate\.Placement\.Platforms$/];

/** What the Engine answers for a key the deploy does not send (measured on the fleet's 20.10 managers). */
const ENGINE_DEFAULTS: Record<string, unknown> = {
  'EndpointSpec.Mode': 'vip',
  'TaskTemplate.ContainerSpec.Isolation': 'default',
  'TaskTemplate.ContainerSpec.Privileges.NoNewPrivileges': false,
  'TaskTemplate.Runtime': 'container',
  'UpdateConfig.FailureAction': 'pause',
  'UpdateConfig.Order': 'stop-first',
  'UpdateConfig.MaxFailureRatio': 0,
  'RollbackConfig.FailureAction': 'pause',
  'RollbackConfig.Order': 'stop-first',
  'RollbackConfig.MaxFailureRatio': 0,
};

export interface DeploymentPlannerDeps {
  clusters: Pick<ClusterManager, 'operable'>;
  swarm: Pick<DockerSwarm, 'listServices' | 'listTasks' | 'listSwarmNetworks' | 'distributionInspect'>;
  registryAuth: (accountId: string, image: string) => Promise<RegistryAuth | null>;
}

/**
 * planDeployment: what a deploy of this file would change, read from the swarm and written nowhere — per service its
 * spec differences, the tasks that will restart, the image it will run (resolved as the deploy would) and whether
 * nodes will pull it, and the file's keys Swarm ignores.
 */
export class DeploymentPlanner {
  constructor(private readonly deps: DeploymentPlannerDeps) {}

  async plan(principal: Principal, clusterId: string, input: { name: string; compose: string; variables?: ReadonlyArray<{ name: string; value: string }> | null; prune?: boolean | null; resolveImage?: ResolveImage | null }): Promise<DeploymentPlan> {
    const variables = Object.fromEntries((input.variables ?? []).map((v) => [v.name, v.value]));
    const { plan, warnings } = parseStack({ name: input.name, compose: input.compose, variables });
    const { target } = await this.deps.clusters.operable(principal, clusterId);
    const existing = new Map((await this.deps.swarm.listServices(target, namespaceFilter(plan.namespace))).map((s) => [s.name, s]));
    // Every swarm network, not the stack's only: a service may attach to external ones.
    const networkNames = new Map(existing.size ? (await this.deps.swarm.listSwarmNetworks(target)).map((n) => [n.dockerId, n.name]) : []);
    const unresolved: string[] = [];
    const services: ServicePlan[] = [];
    for (const planned of plan.services) {
      const current = existing.get(planned.spec.Name) ?? null;
      const spec = structuredClone(planned.spec) as unknown as EngineSpec & { TaskTemplate: { ContainerSpec: { Image: string } } };
      const composeImage = planned.spec.Labels[IMAGE_LABEL] ?? spec.TaskTemplate.ContainerSpec.Image;
      let image = taggedImage(spec.TaskTemplate.ContainerSpec.Image);
      const mode = input.resolveImage ?? ResolveImage.ALWAYS;
      const currentImage = current ? String(((current.spec.TaskTemplate as EngineSpec)?.ContainerSpec as EngineSpec)?.Image ?? '') : null;
      if (current && mode !== ResolveImage.ALWAYS && composeImage === current.labels[IMAGE_LABEL]) image = currentImage ?? image;
      else if (mode !== ResolveImage.NEVER) image = await this.resolve(principal, target, image, unresolved);
      spec.TaskTemplate.ContainerSpec.Image = image;
      if (!current) {
        services.push({ name: planned.spec.Name, action: 'CREATE', differences: specDifferences({}, plannedForDiff(spec), { ignore: ignored, defaults: ENGINE_DEFAULTS }), tasksToRestart: 0, image, pullsImage: true });
        continue;
      }
      const differences = specDifferences(runningForDiff(current.spec, networkNames), plannedForDiff(spec), { ignore: ignored, defaults: ENGINE_DEFAULTS });
      // A changed task template (image, env, networks, secrets, configs…) replaces the tasks; UpdateConfig, RollbackConfig,
      // Mode and Labels change only the service.
      const restarts = differences.some((d) => d.path.startsWith('TaskTemplate'));
      const running = restarts ? (await this.deps.swarm.listTasks(target, { serviceId: current.dockerId })).filter((t) => t.upToDate && t.desiredState === 'running').length : 0;
      services.push({ name: planned.spec.Name, action: differences.length ? 'UPDATE' : 'UNCHANGED', differences, tasksToRestart: running, image, pullsImage: image !== currentImage });
    }
    if (input.prune) {
      const keep = new Set(plan.services.map((s) => s.spec.Name));
      for (const [name, service] of existing) if (!keep.has(name)) services.push({ name, action: 'REMOVE', differences: [], tasksToRestart: service.runningTasks ?? 0, image: null, pullsImage: false });
    }
    const imagesToPull = [...new Set(services.filter((s) => s.pullsImage && s.image).map((s) => s.image!))].sort();
    return { stack: plan.namespace, services, ignored: warnings, imagesToPull, unresolvedImages: [...new Set(unresolved)] };
  }

  private async resolve(principal: Principal, target: Parameters<DockerSwarm['distributionInspect']>[0], image: string, unresolved: string[]): Promise<string> {
    try {
      const answer = await this.deps.swarm.distributionInspect(target, image, { registryAuth: await this.deps.registryAuth(principal.accountId, image) });
      if (answer.digest) return pinnedImage(image, answer.digest);
    } catch {
      // Not on a registry the manager can ask (an image only on the nodes): compared by its tag.
    }
    unresolved.push(image);
    return image;
  }
}

function ignored(path: string): boolean {
  return IGNORED.some((pattern) => pattern.test(path));
}
