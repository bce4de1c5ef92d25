import { InputError } from '../../common/errors';
import type { EngineSpec } from '../../docker/swarm.types';
import type { StackPlan } from '../../stacks/compose';
import type { ResolveImage } from '../../stacks/stack.deployer';
import { DeploymentStatus, DeploymentStrategyKind } from '../deployment.entity';
import { DeploymentStepKind } from '../deployment-step.entity';
import { restorePrevious } from './restore';
import type { DeploymentStrategy, StrategyContext, StrategyOutcome } from './strategy';

/** Swarm's own update knobs (UpdateConfig), applied to every service of the revision when given. */
export interface RollingOptions {
  parallelism?: number;
  delaySeconds?: number;
  /** start-first or stop-first */
  order?: string;
  monitorSeconds?: number;
  maxFailureRatio?: number;
  /** rollback (Swarm rolls a failing service back itself) or pause; the stack is restored whole either way. */
  failureAction?: string;
  progressDeadlineSeconds?: number;
}

const ORDERS = ['start-first', 'stop-first'];
const FAILURE_ACTIONS = ['rollback', 'pause', 'continue'];

/**
 * ROLLING: Swarm's native rolling update. The revision is applied as one stack deploy with the update knobs given;
 * then its tasks (only those of the new spec) are watched until every service converges. Swarm rolling a service back
 * (FailureAction=rollback, which the CLI reports as success) or pausing it, or the progress deadline passing, returns
 * the whole stack to the previous good revision: ROLLED_BACK.
 */
export class RollingStrategy implements DeploymentStrategy {
  readonly kind = DeploymentStrategyKind.ROLLING;

  validate(options: Record<string, unknown>): void {
    const o = options as RollingOptions;
    const positive = (key: keyof RollingOptions, min: number, max: number) => {
      const v = o[key];
      if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)) throw new InputError(`rolling.${key}`, `must be a number from ${min} to ${max}`);
    };
    positive('parallelism', 0, 1000);
    positive('delaySeconds', 0, 3600);
    positive('monitorSeconds', 0, 3600);
    positive('maxFailureRatio', 0, 1);
    positive('progressDeadlineSeconds', 5, 86_400);
    if (o.order != null && !ORDERS.includes(o.order)) throw new InputError('rolling.order', `must be one of ${ORDERS.join(', ')}`);
    if (o.failureAction != null && !FAILURE_ACTIONS.includes(o.failureAction)) throw new InputError('rolling.failureAction', `must be one of ${FAILURE_ACTIONS.join(', ')}`);
  }

  async run(context: StrategyContext): Promise<StrategyOutcome> {
    const { deployment, tools } = context;
    const phase = (deployment.state.phase as string | undefined) ?? 'apply';
    if (phase === 'restore') return restorePrevious(context, String(deployment.state.restoreWhy ?? 'the rollout failed'));
    // Resumed before its apply phase was stored (the instance died while applying, or before) with the deadline gone:
    // applying a revision now only to restore it at once helps nobody; the stack (maybe half-applied) goes back whole.
    if (phase === 'apply' && deployment.deadlineAt && Date.now() > new Date(deployment.deadlineAt).getTime()) {
      return restorePrevious(context, 'the progress deadline passed before the revision was applied (no instance drove it)');
    }
    if (phase === 'apply') {
      await context.step({ kind: DeploymentStepKind.PHASE, message: `applying revision ${deployment.revision} (rolling update)` });
      const since = new Date();
      const specs = specsOf(deployment.state.specs);
      // A revision recorded from a change outside a stack deploy has no compose text: its specs are applied as they are.
      const applied = !deployment.compose && specs ? await tools.applySpecs(context.principal, context.target, deployment.stack!, specs) : await tools.applyStack({
        principal: context.principal,
        clusterId: deployment.clusterId,
        stack: deployment.stack!,
        compose: deployment.compose!,
        variables: deployment.variables ?? {},
        specs,
        resolveImage: (deployment.state.resolveImage as ResolveImage | undefined) ?? undefined,
        prune: deployment.state.prune === true ? true : undefined,
        adjust: (plan) => applyKnobs(plan, deployment.options as RollingOptions),
      });
      const back = await tools.readBack(context.target, deployment.stack!);
      const changed = new Map(applied.changes.map((c) => [c.name, c.action]));
      const services = back.services.map((s) => ({ ...s, outcome: changed.get(s.name) === 'UNCHANGED' ? 'UNCHANGED' : 'UPDATING' }));
      const updated = applied.changes.filter((c) => c.kind === 'SERVICE' && c.action !== 'UNCHANGED').map((c) => c.name);
      await context.save(
        { services, digests: back.digests, state: { ...deployment.state, phase: 'monitor', since: since.toISOString() } },
        { kind: DeploymentStepKind.PHASE, message: `applied: ${updated.length} service(s) updated or created${updated.length ? ` (${updated.join(', ')})` : ''}, ${services.length - updated.length} unchanged` },
      );
      // Answered once the phase is stored: a deploy right after it finds this one watching, and supersedes it.
      context.applied(applied);
    }
    const since = new Date(String(deployment.state.since ?? deployment.startedAt ?? new Date()));
    const names = deployment.services.map((s) => s.name);
    const watched = await tools.watch(context, names, { deadlineAt: deployment.deadlineAt ?? new Date(Date.now() + 600_000), since, rollbackIsRollout: Boolean(deployment.state.rollbackIsRollout) });
    if (watched.end === 'converged') {
      const back = await tools.readBack(context.target, deployment.stack!);
      const versions = new Map(back.services.map((s) => [s.name, s.specVersion]));
      await context.save({ services: deployment.services.map((s) => ({ ...s, specVersion: versions.get(s.name) ?? s.specVersion, outcome: s.outcome === 'UNCHANGED' ? 'UNCHANGED' : 'CONVERGED' })) });
      return { status: DeploymentStatus.SUCCEEDED, reason: null };
    }
    if (watched.end === 'superseded') return { status: DeploymentStatus.CANCELLED, reason: watched.message };
    if (deployment.state.noRestore) {
      // A change someone made outside a deploy: recorded as it went, never overridden by a restore.
      if (watched.end === 'swarm-rolled-back') return { status: DeploymentStatus.ROLLED_BACK, reason: `Swarm rolled ${'service' in watched ? watched.service : ''} back (${watched.message})` };
      if (watched.end === 'aborted') return { status: DeploymentStatus.CANCELLED, reason: 'aborted by a user' };
      return { status: DeploymentStatus.FAILED, reason: watched.end === 'paused' ? `Swarm paused the update of ${'service' in watched ? watched.service : ''} (${watched.message})` : watched.message };
    }
    if (watched.end === 'aborted') return restorePrevious(context, 'aborted by a user');
    const service = 'service' in watched ? watched.service : null;
    const why = watched.end === 'swarm-rolled-back' ? `Swarm rolled ${service} back (${watched.message})` : watched.end === 'paused' ? `Swarm paused the update of ${service} (${watched.message})` : watched.message;
    await context.save({ services: deployment.services.map((s) => (s.name === service ? { ...s, outcome: 'FAILED', message: why } : s)) });
    return restorePrevious(context, why);
  }
}

function specsOf(value: unknown): Record<string, EngineSpec> | null {
  return value && typeof value === 'object' ? (value as Record<string, EngineSpec>) : null;
}

/** The knobs given, written into every service's UpdateConfig (what is not given stays as the compose file says). */
function applyKnobs(plan: StackPlan, options: RollingOptions): void {
  const knobs: Record<string, unknown> = {};
  if (options.parallelism != null) knobs.Parallelism = options.parallelism;
  if (options.delaySeconds != null) knobs.Delay = options.delaySeconds * 1e9;
  if (options.order != null) knobs.Order = options.order;
  if (options.monitorSeconds != null) knobs.Monitor = options.monitorSeconds * 1e9;
  if (options.maxFailureRatio != null) knobs.MaxFailureRatio = options.maxFailureRatio;
  if (options.failureAction != null) knobs.FailureAction = options.failureAction;
  if (Object.keys(knobs).length === 0) return;
  for (const service of plan.services) {
    const spec = service.spec as unknown as { UpdateConfig?: Record<string, unknown> };
    spec.UpdateConfig = { ...(spec.UpdateConfig ?? {}), ...knobs };
  }
}
