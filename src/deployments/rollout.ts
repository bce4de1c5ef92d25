import type { Principal } from '../auth/principal';
import { DomainError, ErrorCode } from '../common/errors';
import type { DockerSwarm } from '../docker/docker.swarm';
import type { HostTarget } from '../docker/docker.types';
import type { EngineSpec, SwarmServiceSnapshot } from '../docker/swarm.types';
import type { StackPlan } from '../stacks/compose';
import { sameSpec, StackChangeAction, StackObjectKind, type StackChange } from '../stacks/stack.changes';
import type { WorkloadPolicy } from '../security/workload-policy';
import { ResolveImage } from '../stacks/stack.deployer';
import { namespaceFilter } from '../stacks/stack.labels';
import type { StackManager } from '../stacks/stack.manager';
import type { DeploymentServiceRevision } from './deployment.entity';
import { DeploymentStepKind } from './deployment-step.entity';
import type { StrategyContext } from './strategies/strategy';

/** One service's rollout as the manager reports it now, counted over the tasks of the spec being deployed only. */
export interface ServiceRollout {
  name: string;
  dockerId: string;
  versionIndex: number;
  /** Swarm's UpdateStatus.State: updating, paused, completed, rollback_started, rollback_paused, rollback_completed. */
  updateState: string | null;
  updateMessage: string | null;
  /** Wanted (replicated: replicas; global: the manager's count). */
  desired: number;
  /** Tasks of the current spec that run (a task with a HEALTHCHECK counts once Swarm has seen it healthy). */
  running: number;
  /** Tasks of the current spec that failed or were rejected since the rollout began. */
  failed: number;
  image: string | null;
}

export type WatchEnd =
  | { end: 'converged' }
  | { end: 'swarm-rolled-back'; service: string; message: string }
  | { end: 'paused'; service: string; message: string }
  | { end: 'deadline'; message: string }
  | { end: 'aborted' }
  /** A newer revision, or a change made outside this deployment (a manual rollback), took the services over. */
  | { end: 'superseded'; message: string };

export interface ApplyStackInput {
  principal: Principal;
  clusterId: string;
  stack: string;
  compose: string;
  variables: Record<string, string>;
  /** A revision's own specs (by service name): applied instead of the compose file's, images already pinned. */
  specs?: Record<string, EngineSpec> | null;
  /** Changes each planned service (update knobs, a canary's replicas). */
  adjust?: (plan: StackPlan) => void;
  resolveImage?: ResolveImage;
  prune?: boolean;
}

const DIGEST = /@(sha256:[0-9a-f]{64})$/;

/**
 * What every strategy does with a swarm: apply a stack revision (through the StackManager, as docker stack deploy
 * does), read back what Docker holds, and watch a rollout converge, fail, or be rolled back by Swarm itself.
 */
export class RolloutTools {
  constructor(private readonly deps: { stacks: Pick<StackManager, 'deploy'>; swarm: Pick<DockerSwarm, 'listServices' | 'listTasks' | 'inspectService' | 'updateService' | 'createService' | 'removeService'>; policy: Pick<WorkloadPolicy, 'enforceService'> }) {}

  async applyStack(input: ApplyStackInput): Promise<{ changes: StackChange[]; engineWarnings: string[]; operationId: string }> {
    const variables = Object.entries(input.variables).map(([name, value]) => ({ name, value }));
    const result = await this.deps.stacks.deploy(input.principal, input.clusterId, {
      name: input.stack,
      compose: input.compose,
      variables,
      prune: input.prune ?? Boolean(input.specs),
      resolveImage: input.specs ? ResolveImage.NEVER : (input.resolveImage ?? ResolveImage.ALWAYS),
      exactImages: Boolean(input.specs),
      adjust: (plan) => {
        if (input.specs) {
          for (const service of plan.services) {
            const spec = input.specs[service.spec.Name];
            if (spec) service.spec = revisionSpec(service.spec, spec);
          }
        }
        input.adjust?.(plan);
      },
    });
    return { changes: result.changes, engineWarnings: result.engineWarnings, operationId: result.operation.id };
  }

  /**
   * A revision without compose text (recorded from a change outside a stack deploy): each stored spec applied to the
   * stack's service of that name as it is (created if gone), services of the stack it does not hold removed. Every
   * spec passes the workload policy first, before any write.
   */
  async applySpecs(principal: Principal, target: HostTarget, stack: string, specs: Record<string, EngineSpec>): Promise<{ changes: StackChange[]; engineWarnings: string[]; operationId: string | null }> {
    for (const [name, spec] of Object.entries(specs)) this.deps.policy.enforceService(principal, spec, `services.${name}`);
    const existing = new Map((await this.deps.swarm.listServices(target, namespaceFilter(stack))).map((s) => [s.name, s]));
    const changes: StackChange[] = [];
    const engineWarnings: string[] = [];
    for (const [name, service] of existing) {
      if (name in specs) continue;
      await this.deps.swarm.removeService(target, service.dockerId);
      changes.push({ kind: StackObjectKind.SERVICE, name, action: StackChangeAction.REMOVED, dockerId: service.dockerId });
    }
    for (const [name, spec] of Object.entries(specs).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const current = existing.get(name);
      if (!current) {
        const created = await this.deps.swarm.createService(target, spec);
        engineWarnings.push(...created.warnings);
        changes.push({ kind: StackObjectKind.SERVICE, name, action: StackChangeAction.CREATED, dockerId: created.id });
        continue;
      }
      const updated = await this.deps.swarm.updateService(target, current.dockerId, (live) => ({ ...spec, TaskTemplate: { ...(spec.TaskTemplate as EngineSpec), ForceUpdate: (live.TaskTemplate as EngineSpec | undefined)?.ForceUpdate ?? 0 } }));
      engineWarnings.push(...updated.warnings);
      const after = await this.deps.swarm.inspectService(target, current.dockerId);
      changes.push({ kind: StackObjectKind.SERVICE, name, action: after && sameSpec(after.spec, current.spec) ? StackChangeAction.UNCHANGED : StackChangeAction.UPDATED, dockerId: current.dockerId });
    }
    return { changes, engineWarnings, operationId: null };
  }

  /** The stack's services as Docker holds them now: each one's spec, version, pinned image and digest. */
  async readBack(target: HostTarget, stack: string): Promise<{ services: DeploymentServiceRevision[]; digests: Record<string, string | null> }> {
    const services = (await this.deps.swarm.listServices(target, namespaceFilter(stack))).sort((a, b) => (a.name < b.name ? -1 : 1));
    const digests: Record<string, string | null> = {};
    const revisions = services.map((s) => {
      const image = imageOf(s);
      const digest = image ? (DIGEST.exec(image)?.[1] ?? null) : null;
      if (image) digests[image.replace(DIGEST, '')] = digest;
      return { name: s.name, dockerId: s.dockerId, image, digest, specVersion: s.versionIndex, spec: s.spec, outcome: 'PENDING', message: null };
    });
    return { services: revisions, digests };
  }

  async observe(target: HostTarget, names: readonly string[], since: Date): Promise<ServiceRollout[]> {
    const all = await this.deps.swarm.listServices(target);
    const wanted = all.filter((s) => names.includes(s.name));
    return Promise.all(
      wanted.map(async (s) => {
        const tasks = await this.deps.swarm.listTasks(target, { serviceId: s.dockerId });
        const current = tasks.filter((t) => t.upToDate);
        const failed = current.filter((t) => ['failed', 'rejected'].includes(t.state) && (t.updatedAt?.getTime() ?? 0) >= since.getTime()).length;
        const running = current.filter((t) => t.state === 'running' && t.desiredState === 'running').length;
        const desired = s.replicas ?? s.desiredTasks ?? running;
        return { name: s.name, dockerId: s.dockerId, versionIndex: s.versionIndex, updateState: s.updateState, updateMessage: s.updateMessage, desired, running, failed, image: imageOf(s) };
      }),
    );
  }

  /**
   * Polls the services until every one runs its wanted tasks of the current spec (and Swarm's update, if any, has
   * completed), Swarm rolls one back or pauses it, the deadline passes, or an abort is asked. Every change of a
   * service's counts or update state is a REPLICAS step.
   */
  async watch(context: StrategyContext, names: readonly string[], options: { deadlineAt: Date; since: Date; everyMs?: number; allowAbort?: boolean; rollbackIsRollout?: boolean }): Promise<WatchEnd> {
    const seen = new Map<string, string>();
    const manual = new Set<string>();
    for (;;) {
      if (context.signal.aborted) return { end: 'aborted' };
      const asked = await context.requested();
      if (asked === 'supersede') return { end: 'superseded', message: 'superseded by a newer revision of the stack' };
      if (options.allowAbort !== false && asked === 'abort') return { end: 'aborted' };
      let rollouts: ServiceRollout[];
      try {
        rollouts = await this.observe(context.target, names, options.since);
      } catch (error) {
        // A manager that did not answer this once: asked again at the next poll, the deadline still counting.
        if (!(error instanceof DomainError) || ![ErrorCode.HOST_TIMEOUT, ErrorCode.HOST_UNREACHABLE, ErrorCode.QUORUM_LOST].includes(error.code) || Date.now() > options.deadlineAt.getTime()) throw error;
        await context.tick(options.everyMs ?? 1000);
        continue;
      }
      // Swarm says "manually requested rollback" while a user's rollback runs (it ends "rollback completed" either way).
      for (const r of rollouts) if (/manually requested/i.test(r.updateMessage ?? '')) manual.add(r.name);
      const steps = [];
      for (const r of rollouts) {
        const line = `${r.name}: ${r.running}/${r.desired} tasks of the new spec running${r.failed ? `, ${r.failed} failed` : ''}${r.updateState ? ` (update ${r.updateState})` : ''}`;
        if (seen.get(r.name) !== line) {
          seen.set(r.name, line);
          steps.push({ kind: DeploymentStepKind.REPLICAS, service: r.name, message: line, data: { running: r.running, desired: r.desired, failed: r.failed, updateState: r.updateState, image: r.image } });
        }
      }
      if (steps.length) await context.step(...steps);
      // The change being watched may itself be a rollback (Docker's one-step rollback, recorded): then it is the rollout.
      const rolledBack = options.rollbackIsRollout ? undefined : rollouts.find((r) => r.updateState === 'rollback_completed' || r.updateState === 'rollback_started');
      if (rolledBack && (manual.has(rolledBack.name) || !autoRollback(context, rolledBack.name))) return { end: 'superseded', message: `${rolledBack.name} was rolled back outside this deployment (${rolledBack.updateMessage ?? 'a manual rollback'})` };
      if (rolledBack?.updateState === 'rollback_completed') return { end: 'swarm-rolled-back', service: rolledBack.name, message: rolledBack.updateMessage ?? 'Swarm rolled the update back' };
      const paused = rollouts.find((r) => r.updateState === 'paused' || r.updateState === 'rollback_paused');
      if (paused) return { end: 'paused', service: paused.name, message: paused.updateMessage ?? 'Swarm paused the update' };
      const rollingBack = rollouts.some((r) => r.updateState === 'rollback_started');
      const finished = (state: string | null) => state === null || state === 'completed' || (options.rollbackIsRollout === true && state === 'rollback_completed');
      const done = rollouts.length === names.length && rollouts.every((r) => finished(r.updateState) && r.running >= r.desired);
      if (done && (!rollingBack || options.rollbackIsRollout)) return { end: 'converged' };
      if (Date.now() > options.deadlineAt.getTime()) {
        const behind = rollouts.filter((r) => r.running < r.desired || r.updateState === 'updating').map((r) => `${r.name} ${r.running}/${r.desired}`);
        return { end: 'deadline', message: `not converged by the progress deadline (${behind.join(', ') || 'services missing'})` };
      }
      await (context.untilChanged ? context.untilChanged(options.everyMs ?? 1000) : context.tick(options.everyMs ?? 1000));
    }
  }
}

/** Whether Swarm itself rolls this service back on failure (UpdateConfig.FailureAction of the spec the revision applied). */
function autoRollback(context: StrategyContext, name: string): boolean {
  const spec = context.deployment.services.find((s) => s.name === name)?.spec as { UpdateConfig?: { FailureAction?: string } } | undefined;
  return spec?.UpdateConfig?.FailureAction === 'rollback';
}

/** A stored spec, with the references to secrets and configs left for the deployer to resolve by name again. */
function revisionSpec(planned: StackPlan['services'][number]['spec'], stored: EngineSpec): StackPlan['services'][number]['spec'] {
  const spec = structuredClone(stored) as unknown as StackPlan['services'][number]['spec'];
  const template = (spec as unknown as { TaskTemplate: { ForceUpdate?: number; Networks?: unknown } }).TaskTemplate;
  delete template.ForceUpdate; // the running one is kept (a redeploy restarts only what differs)
  // Networks by the compose file's names: the stored ids are gone once the stack was removed and deployed again.
  template.Networks = (planned as unknown as { TaskTemplate: { Networks?: unknown } }).TaskTemplate.Networks;
  return spec;
}

function imageOf(service: SwarmServiceSnapshot): string | null {
  const image = ((service.spec.TaskTemplate as EngineSpec | undefined)?.ContainerSpec as EngineSpec | undefined)?.Image;
  return typeof image === 'string' ? image : null;
}
