/**
 * Shared pieces of the benchmarks (`npm run bench`): statistics, alternating ours/baseline sampling, cleanup, and the
 * result shape run.ts prints and writes. Benchmarks compare against a raw baseline measured in the same run, on the
 * same machine, interleaved with ours so both see the same noise; they report, they do not fail a build.
 */
import '../support/setup-env';
import { Pool } from 'pg';

export interface Summary {
  n: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p95: number;
  median: number;
}

/** Linear-interpolated percentile of already sorted numbers (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1),
    p50,
    p95: percentile(sorted, 95),
    median: p50,
  };
}

/** One line of the printed table. `met` is null when there is no target to meet. */
export interface BenchRow {
  id: string;
  what: string;
  ours: string;
  baseline: string;
  ratio: number | null;
  target: string;
  met: boolean | null;
}

export interface BenchOutcome {
  rows: BenchRow[];
  /** Everything worth keeping: raw sample summaries, settings, caveats. Written to bench-results.json. */
  details: Record<string, unknown>;
}

export interface Benchmark {
  id: string;
  title: string;
  run(): Promise<BenchOutcome>;
}

/** Milliseconds `fn` takes (performance.now, so sub-millisecond). */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const began = performance.now();
  const value = await fn();
  return { ms: performance.now() - began, value };
}

/**
 * Runs ours and the baseline alternately: `warmup` untimed pairs, then `rounds` timed pairs, swapping which goes
 * first every round so neither always runs right after the other. `before` (untimed) runs before every single
 * sample, for resets such as emptying tables. Returns the samples in milliseconds.
 */
export async function alternate(options: {
  warmup: number;
  rounds: number;
  ours: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
  before?: (which: 'ours' | 'baseline') => Promise<void>;
  /**
   * Stop early once the timed rounds have taken this long (and at least `minRounds` were done): a slow side cannot
   * stretch the run past its budget, a fast one still gets every round.
   */
  budgetMs?: number;
  minRounds?: number;
}): Promise<{ ours: number[]; baseline: number[]; stoppedByBudget: boolean }> {
  const samples = { ours: [] as number[], baseline: [] as number[], stoppedByBudget: false };
  let timedSince = 0;
  const one = async (which: 'ours' | 'baseline', keep: boolean) => {
    await options.before?.(which);
    const { ms } = await timed(options[which]);
    if (keep) samples[which].push(ms);
  };
  for (let i = 0; i < options.warmup + options.rounds; i++) {
    const keep = i >= options.warmup;
    if (keep && timedSince === 0) timedSince = performance.now();
    const done = i - options.warmup;
    if (keep && options.budgetMs !== undefined && done >= (options.minRounds ?? 3) && performance.now() - timedSince > options.budgetMs) {
      samples.stoppedByBudget = true;
      break;
    }
    const order: Array<'ours' | 'baseline'> = i % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    for (const which of order) await one(which, keep);
  }
  return samples;
}

/**
 * Undo steps registered while a benchmark sets up, run in reverse order at its end (and on SIGINT). A failing step
 * is reported and the others still run.
 */
export class Cleanup {
  private static readonly active = new Set<Cleanup>();
  private readonly steps: Array<{ what: string; fn: () => Promise<unknown> | unknown }> = [];
  readonly failures: string[] = [];

  constructor() {
    Cleanup.active.add(this);
  }

  add(what: string, fn: () => Promise<unknown> | unknown): void {
    this.steps.push({ what, fn });
  }

  async run(): Promise<void> {
    Cleanup.active.delete(this);
    while (this.steps.length > 0) {
      const { what, fn } = this.steps.pop()!;
      try {
        await fn();
      } catch (error) {
        this.failures.push(`${what}: ${String(error)}`);
        progress(`cleanup step failed (${what}): ${String(error)}`);
      }
    }
  }

  /** Every cleanup still pending: what an interrupted run must undo before it exits. */
  static async runAll(): Promise<void> {
    await Promise.all([...Cleanup.active].map((c) => c.run()));
  }
}

/** A pg pool straight to a database, for the raw baselines. Closed by the cleanup. */
export function rawPool(url: string, cleanup: Cleanup, max = 10): Pool {
  const pool = new Pool({ connectionString: url, max });
  cleanup.add('close the raw pg pool', () => pool.end());
  return pool;
}

/**
 * First-arrival times of keyed things (an event for a container, a subscription message), with waiting: a measuring
 * loop asks for the time a key arrived, whether it already has or is still to come.
 */
export class Arrivals {
  private readonly times = new Map<string, number>();
  private readonly waiters = new Map<string, Array<(at: number) => void>>();

  mark(key: string, at = performance.now()): void {
    if (this.times.has(key)) return;
    this.times.set(key, at);
    for (const resolve of this.waiters.get(key) ?? []) resolve(at);
    this.waiters.delete(key);
  }

  has(key: string): boolean {
    return this.times.has(key);
  }

  get(key: string): number | undefined {
    return this.times.get(key);
  }

  /** The arrival time, or null when nothing came within `timeoutMs`. */
  wait(key: string, timeoutMs: number): Promise<number | null> {
    const known = this.times.get(key);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(key) ?? [];
        this.waiters.set(key, list.filter((w) => w !== done));
        resolve(null);
      }, timeoutMs);
      const done = (at: number) => {
        clearTimeout(timer);
        resolve(at);
      };
      this.waiters.set(key, [...(this.waiters.get(key) ?? []), done]);
    });
  }
}

/** Progress goes to stderr, so stdout carries the table only. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Rounds every number in a summary, for readable JSON. */
export function rounded(summary: Summary, digits = 3): Summary {
  return Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, round(v, digits)])) as unknown as Summary;
}

export function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}
