import { InputError } from '../../common/errors';
import { checkNumber, validateRouted, type RoutedOptions } from './routed.options';
import type { StrategyContext } from './strategy';
import type { AnalysisThresholds, TrafficMode, VersionTraffic } from './traffic.rules';

export interface CanaryAnalysis extends AnalysisThresholds {
  intervalSeconds?: number | null;
  count?: number | null;
}

/** One step: exactly one of a weight, a pause (`pauseSeconds: null` = until promoted), an analysis. */
export interface CanaryStep {
  setWeight?: number | null;
  pauseSeconds?: number | null;
  analysis?: CanaryAnalysis | null;
}

export interface CanaryOptions extends RoutedOptions {
  steps?: CanaryStep[] | null;
  /** Thresholds watched all along (every step, every pause); an analysis step's own override them. */
  analysis?: AnalysisThresholds | null;
}

type Phase = 'start' | 'steps' | 'promote' | 'finalize';

/** A canary's state machine as stored in `deployment.state`: where a resuming instance goes on from. */
export interface CanaryState {
  phase?: Phase;
  trafficMode?: TrafficMode;
  key?: string;
  stable?: string;
  canary?: string;
  routeId?: string | null;
  /** The stable's replicas when the canary began: the whole a weight is a share of. */
  total?: number;
  stepIndex?: number;
  weight?: number;
  since?: string;
  pauseStartedAt?: string | null;
  counters?: Record<string, VersionTraffic>;
}

export const DEFAULT_STEPS: CanaryStep[] = [{ setWeight: 10 }, { pauseSeconds: null }, { setWeight: 100 }];

export const isPause = (step: CanaryStep) => Object.prototype.hasOwnProperty.call(step, 'pauseSeconds') && (step.pauseSeconds === null || typeof step.pauseSeconds === 'number');

/** The canary's options checked before the deployment is recorded (BAD_USER_INPUT naming the field). */
export function validateCanary(o: CanaryOptions, services: string[]): void {
  validateRouted('canary', o, services);
  const steps = o.steps ?? DEFAULT_STEPS;
  if (!Array.isArray(steps) || steps.length === 0 || steps.length > 100) throw new InputError('canary.steps', 'must be 1–100 steps');
  steps.forEach((step, i) => {
    const field = `canary.steps[${i}]`;
    const kinds = [step.setWeight != null, isPause(step), step.analysis != null].filter(Boolean).length;
    if (kinds !== 1) throw new InputError(field, 'must set exactly one of setWeight, pauseSeconds (null: until promoted), analysis');
    if (step.setWeight != null && (!Number.isInteger(step.setWeight) || step.setWeight < 0 || step.setWeight > 100)) throw new InputError(`${field}.setWeight`, 'must be a whole number from 0 to 100');
    checkNumber(`${field}.pauseSeconds`, step.pauseSeconds, 0, 86_400);
    if (step.analysis) {
      checkNumber(`${field}.analysis.intervalSeconds`, step.analysis.intervalSeconds, 1, 3600);
      checkNumber(`${field}.analysis.count`, step.analysis.count, 1, 1000);
      checkThresholds(`${field}.analysis`, step.analysis);
    }
  });
  if (o.analysis) checkThresholds('canary.analysis', o.analysis);
}

/** The thresholds watched all along (those given). */
export function thresholds(o: CanaryOptions): AnalysisThresholds {
  return withoutNulls(o.analysis ?? {});
}

export function withoutNulls(value: AnalysisThresholds): AnalysisThresholds {
  const keys = ['maxTaskFailures', 'maxRestarts', 'maxUnhealthy', 'maxErrorRate', 'maxMeanLatencyMs'] as const;
  return Object.fromEntries(keys.filter((k) => value[k] != null).map((k) => [k, value[k]])) as AnalysisThresholds;
}

/** Stores the state machine (merged into `deployment.state`) and any steps, in one write. */
export function saveState(context: StrategyContext, state: CanaryState, ...steps: Parameters<StrategyContext['step']>) {
  return context.save({ state: { ...context.deployment.state, ...state } }, ...steps);
}

function checkThresholds(field: string, t: AnalysisThresholds): void {
  checkNumber(`${field}.maxTaskFailures`, t.maxTaskFailures, 0, 1000);
  checkNumber(`${field}.maxRestarts`, t.maxRestarts, 0, 1000);
  checkNumber(`${field}.maxUnhealthy`, t.maxUnhealthy, 0, 1000);
  checkNumber(`${field}.maxErrorRate`, t.maxErrorRate, 0, 1);
  checkNumber(`${field}.maxMeanLatencyMs`, t.maxMeanLatencyMs, 0, 3_600_000);
}
