import { DeploymentStatus } from '../deployment.entity';
import { DeploymentStepKind } from '../deployment-step.entity';
import type { StrategyContext, StrategyOutcome } from './strategy';

/** How long a restore may take to converge before the deployment is called FAILED (the stack may be half way). */
const RESTORE_DEADLINE_MS = 180_000;

/**
 * Atomic per stack: every service of the stack back to the previous good revision, in one stack deploy of that
 * revision's own specs (pinned images), then watched until it converges. Without a good revision to return to (the
 * first deploy failed) the deployment is FAILED and the stack is left as it is, which the reason says.
 */
export async function restorePrevious(context: StrategyContext, why: string): Promise<StrategyOutcome> {
  const { deployment, previousGood: previous, tools } = context;
  if (!previous || !deployment.stack) {
    return { status: DeploymentStatus.FAILED, reason: `${why}; no earlier revision succeeded, so there is nothing to return to (the stack is left as it is)` };
  }
  await context.save({ state: { ...deployment.state, phase: 'restore', restoreWhy: why } }, { kind: DeploymentStepKind.PHASE, message: `restoring the whole stack to revision ${previous.revision}: ${why}` });
  const specs = Object.fromEntries(previous.services.filter((s) => s.spec).map((s) => [s.name, s.spec!]));
  const since = new Date();
  if (previous.compose) await tools.applyStack({ principal: context.principal, clusterId: deployment.clusterId, stack: deployment.stack, compose: previous.compose, variables: previous.variables ?? {}, specs });
  else await tools.applySpecs(context.principal, context.target, deployment.stack, specs);
  const names = previous.services.map((s) => s.name);
  const watched = await tools.watch(context, names, { deadlineAt: new Date(Date.now() + RESTORE_DEADLINE_MS), since, allowAbort: false });
  if (watched.end === 'superseded') return { status: DeploymentStatus.CANCELLED, reason: `${why}; restoring revision ${previous.revision} was ${watched.message}` };
  if (watched.end !== 'converged') {
    return { status: DeploymentStatus.FAILED, reason: `${why}; restoring revision ${previous.revision} did not converge either (${'message' in watched ? watched.message : watched.end})` };
  }
  const back = await tools.readBack(context.target, deployment.stack);
  const outcomes = new Map(back.services.map((s) => [s.name, s]));
  const services = deployment.services.map((s) => ({ ...s, outcome: s.outcome === 'FAILED' ? 'FAILED' : 'ROLLED_BACK', specVersion: outcomes.get(s.name)?.specVersion ?? s.specVersion }));
  await context.save({ services }, { kind: DeploymentStepKind.PHASE, message: `revision ${previous.revision} restored: every service converged` });
  return { status: DeploymentStatus.ROLLED_BACK, reason: `${why}; the stack is back on revision ${previous.revision}` };
}
