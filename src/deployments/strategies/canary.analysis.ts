import { DeploymentStatus } from '../deployment.entity';
import { DeploymentStepKind } from '../deployment-step.entity';
import { saveState, thresholds, withoutNulls, type CanaryAnalysis, type CanaryOptions, type CanaryState } from './canary.steps';
import type { Routers, Sides } from './side.steps';
import type { StrategyContext } from './strategy';
import { judge, trafficByVersion, trafficDelta, TrafficMode, type AnalysisThresholds, type VersionTraffic } from './traffic.rules';

export interface CanaryAnalysisDeps {
  sides: Pick<Sides, 'service' | 'health'>;
  routers: Pick<Routers, 'routeStats'>;
  now: () => number;
}

/** Why watching the canary ends its run: it is aborted (ROLLED_BACK), or CANCELLED when a newer revision superseded it. */
export interface CanaryStop {
  why: string;
  status?: DeploymentStatus.CANCELLED;
}

/**
 * One look at the canary: its tasks since it began, and (with a router) each version's requests since the last
 * look. An ANALYSIS step for a named analysis sample, or when a threshold is crossed (then the canary is to be aborted).
 */
export async function lookAtCanary(deps: CanaryAnalysisDeps, context: StrategyContext, s: CanaryState, limits: AnalysisThresholds, label: string | null): Promise<CanaryStop | null> {
  const canary = await deps.sides.service(context.target, context.deployment.stack!, s.canary!);
  if (!canary) return { why: `the canary ${s.canary} is gone` };
  const health = await deps.sides.health(context.target, canary, new Date(s.since!));
  let traffic: Record<string, VersionTraffic> = {};
  if (s.trafficMode === TrafficMode.ROUTER) {
    const now = trafficByVersion(await deps.routers.routeStats(context.principal, s.routeId!));
    traffic = trafficDelta(s.counters ?? {}, now);
    await saveState(context, { counters: now });
  }
  const verdict = judge({ health, canary: traffic.canary ?? null, stable: traffic.stable ?? null }, limits);
  if (label || !verdict.passed) {
    const what = label ?? 'canary watch';
    await context.step({ kind: DeploymentStepKind.ANALYSIS, service: s.canary!, message: `${what}: ${verdict.passed ? 'passed' : `failed (${verdict.failures.join('; ')})`}`, data: { passed: verdict.passed, failures: verdict.failures, ...verdict.figures } });
  }
  return verdict.passed ? null : { why: `the canary crossed a threshold: ${verdict.failures.join('; ')}` };
}

/**
 * An analysis step: `count` samples, one every `intervalSeconds`, each judged against the step's thresholds over
 * the ones watched all along. A user's abort, or a newer revision, ends it between samples.
 */
export async function runAnalysis(deps: CanaryAnalysisDeps, context: StrategyContext, o: CanaryOptions, analysis: CanaryAnalysis, index: number): Promise<CanaryStop | null> {
  const count = analysis.count ?? 3;
  const every = (analysis.intervalSeconds ?? 10) * 1000;
  const limits = { ...thresholds(o), ...withoutNulls(analysis) };
  for (let k = 1; k <= count; k++) {
    const until = deps.now() + every;
    while (deps.now() < until) {
      const asked = await context.requested();
      if (asked === 'abort') return { why: 'aborted by a user' };
      if (asked === 'supersede') return { why: 'superseded', status: DeploymentStatus.CANCELLED };
      await context.tick(Math.min(500, Math.max(0, until - deps.now())));
    }
    const stop = await lookAtCanary(deps, context, context.deployment.state as CanaryState, limits, `analysis (step ${index + 1}) ${k}/${count}`);
    if (stop) return stop;
  }
  return null;
}
