import type { ServerStats } from '../../routers/router.manager';
import type { SideHealth } from './side-by-side';

/** How a strategy moves traffic: a router's weights, or (without one) replicas / DNS aliases. */
export enum TrafficMode {
  ROUTER = 'router',
  REPLICA_RATIO = 'replica-ratio',
  NETWORK_ALIAS = 'network-alias',
}

/**
 * Without a router a canary's weight is a replica ratio, as Argo Rollouts does it: of `total` replicas, the canary gets
 * the nearest whole number to weight% (at least 1 while the weight is above 0, all at 100), the stable the rest (at
 * least 1 below 100). 10 at 10% = 1 + 9; 10 at 15% = 2 + 8; 4 at 10% = 1 + 3. One replica cannot be split: the
 * canary then runs one beside it (1 + 1) until 100%.
 */
export function replicaSplit(total: number, weight: number): { canary: number; stable: number } {
  if (weight <= 0) return { canary: 0, stable: total };
  if (weight >= 100) return { canary: total, stable: 0 };
  if (total <= 1) return { canary: 1, stable: total };
  const canary = Math.min(total - 1, Math.max(1, Math.round((total * weight) / 100)));
  return { canary, stable: total - canary };
}

/** Canary replicas behind a router: enough for its share of the load (ceil), at least 1. */
export function routedCanaryReplicas(total: number, weight: number): number {
  return Math.max(1, Math.ceil((Math.max(total, 1) * Math.min(weight, 100)) / 100));
}

/**
 * Per-server weights (HAProxy's 0–256) that give the canary servers `weight`% of requests together and the stable
 * servers the rest: stable (100-w)·nC against canary w·nS, reduced, scaled into 256. 2 stable + 1 canary at 10%:
 * 9, 9 and 2 (2/20 = 10%).
 */
export function routerWeights(stableServers: number, canaryServers: number, weight: number): { stable: number; canary: number } {
  if (canaryServers === 0 || weight <= 0) return { stable: 1, canary: 0 };
  if (stableServers === 0 || weight >= 100) return { stable: 0, canary: 1 };
  let stable = (100 - weight) * canaryServers;
  let canary = weight * stableServers;
  const divisor = gcd(stable, canary);
  stable /= divisor;
  canary /= divisor;
  const top = Math.max(stable, canary);
  if (top > 256) {
    stable = Math.max(1, Math.round((stable * 256) / top));
    canary = Math.max(1, Math.round((canary * 256) / top));
  }
  return { stable, canary };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The thresholds of a canary analysis; a null one is not judged. */
export interface AnalysisThresholds {
  maxTaskFailures?: number | null;
  maxRestarts?: number | null;
  maxUnhealthy?: number | null;
  /** 5xx share of the canary's requests in the interval, 0–1. */
  maxErrorRate?: number | null;
  maxMeanLatencyMs?: number | null;
}

export const DEFAULT_THRESHOLDS: Required<AnalysisThresholds> = { maxTaskFailures: 0, maxRestarts: 2, maxUnhealthy: 0, maxErrorRate: 0.05, maxMeanLatencyMs: null };

/** Request counts of one version between two reads of the router's counters. */
export interface VersionTraffic {
  requests: number;
  errors5xx: number;
  meanResponseTimeMs: number | null;
}

/** Counters per version from routeStats. */
export function trafficByVersion(stats: readonly ServerStats[]): Record<string, VersionTraffic> {
  const out: Record<string, VersionTraffic> = {};
  const latency: Record<string, { sum: number; n: number }> = {};
  for (const s of stats) {
    const key = s.version ?? 'unknown';
    const v = (out[key] ??= { requests: 0, errors5xx: 0, meanResponseTimeMs: null });
    v.requests += s.requests;
    v.errors5xx += s.errors5xx;
    if (s.requests > 0) {
      const l = (latency[key] ??= { sum: 0, n: 0 });
      l.sum += s.meanResponseTimeMs;
      l.n += 1;
    }
  }
  for (const [key, l] of Object.entries(latency)) out[key]!.meanResponseTimeMs = l.n ? l.sum / l.n : null;
  return out;
}

/**
 * What happened in an interval: counters now minus counters before (HAProxy counts since its worker started, and a
 * reload resets them: a counter that went down is read as counted from zero).
 */
export function trafficDelta(before: Record<string, VersionTraffic>, after: Record<string, VersionTraffic>): Record<string, VersionTraffic> {
  const out: Record<string, VersionTraffic> = {};
  for (const [key, now] of Object.entries(after)) {
    const was = before[key];
    const reset = !was || now.requests < was.requests || now.errors5xx < was.errors5xx;
    out[key] = { requests: reset ? now.requests : now.requests - was.requests, errors5xx: reset ? now.errors5xx : now.errors5xx - was.errors5xx, meanResponseTimeMs: now.meanResponseTimeMs };
  }
  return out;
}

export interface AnalysisSample {
  health: Pick<SideHealth, 'failed' | 'restarts' | 'unhealthy'>;
  /** The canary's traffic in the interval (null without a router). */
  canary: VersionTraffic | null;
  stable: VersionTraffic | null;
}

export interface Verdict {
  passed: boolean;
  /** Each threshold crossed, with its figure, e.g. "error rate 0.20 > 0.05". */
  failures: string[];
  figures: Record<string, number | null>;
}

/** Judges one sample of the canary against the thresholds. */
export function judge(sample: AnalysisSample, thresholds: AnalysisThresholds): Verdict {
  const failures: string[] = [];
  const t = { ...DEFAULT_THRESHOLDS, ...stripNulls(thresholds) };
  const { failed, restarts, unhealthy } = sample.health;
  if (t.maxTaskFailures != null && failed > t.maxTaskFailures) failures.push(`task failures ${failed} > ${t.maxTaskFailures}`);
  if (t.maxRestarts != null && restarts > t.maxRestarts) failures.push(`restarts ${restarts} > ${t.maxRestarts}`);
  if (t.maxUnhealthy != null && unhealthy > t.maxUnhealthy) failures.push(`unhealthy containers ${unhealthy} > ${t.maxUnhealthy}`);
  const rate = sample.canary && sample.canary.requests > 0 ? sample.canary.errors5xx / sample.canary.requests : null;
  if (t.maxErrorRate != null && rate != null && rate > t.maxErrorRate) failures.push(`error rate ${rate.toFixed(3)} > ${t.maxErrorRate}`);
  const latency = sample.canary?.requests ? sample.canary.meanResponseTimeMs : null;
  if (t.maxMeanLatencyMs != null && latency != null && latency > t.maxMeanLatencyMs) failures.push(`mean latency ${latency.toFixed(0)} ms > ${t.maxMeanLatencyMs} ms`);
  return {
    passed: failures.length === 0,
    failures,
    figures: { failed, restarts, unhealthy, canaryRequests: sample.canary?.requests ?? null, errorRate: rate, meanLatencyMs: latency, stableRequests: sample.stable?.requests ?? null, stableErrors5xx: sample.stable?.errors5xx ?? null },
  };
}

function stripNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
