/**
 * `npm run bench [-- B1 B3 ...]`: runs the benchmarks (all, or the ids given), prints one table on stdout and writes
 * every number to bench-results.json at the project root. Progress goes to stderr. A benchmark that crashes is
 * reported in the table and the JSON, and makes the exit code 1; a missed target does not (these are measurements,
 * not tests).
 */
import '../support/setup-env';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { b1 } from './b1-nested-read';
import { b2 } from './b2-statements';
import { b3, b3e } from './b3-live-latency';
import { b5 } from './b5-full-sync';
import { b6 } from './b6-blackhole';
import { b7 } from './b7-swarm-statements';
import { b8 } from './b8-swarm-latency';
import { b9 } from './b9-stack-deploy';
import { b10 } from './b10-deployment-rollout';
import { b12 } from './b12-mtls-calls';
import { b13 } from './b13-run-to-running';
import { b14 } from './b14-usage-sampling';
import { b15 } from './b15-admissions';
import { b16 } from './b16-fanout';
import { s1, s2 } from './s1-s2-scale';
import { s3 } from './s3-event-reads';
import { Cleanup, progress, round, type BenchRow, type Benchmark } from './bench.support';

const ALL: Benchmark[] = [b1, b2, b3, b3e, b5, b6, b7, b8, b9, b10, b12, b13, b14, b15, b16, s1, s2, s3];
const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUTPUT = path.join(ROOT, 'bench-results.json');

function environment() {
  let commit: string | null = null;
  try {
    commit = execSync('git rev-parse HEAD', { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${release()}`,
    cpuCount: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    loadAverageAtStart: loadavg().map((x) => round(x, 2)),
    date: new Date().toISOString(),
    commit,
    workingTreeDirty: commit ? execSync('git status --porcelain', { cwd: ROOT }).toString().trim().length > 0 : null,
  };
}

function table(rows: BenchRow[]): string {
  const header = ['id', 'what', 'ours', 'baseline', 'ratio', 'target', 'met?'];
  const cells = rows.map((r) => [r.id, r.what, r.ours, r.baseline, r.ratio === null || !Number.isFinite(r.ratio) ? '—' : `${r.ratio.toFixed(2)}x`, r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).map((a) => a.toUpperCase());
  const unknown = wanted.filter((id) => !ALL.some((b) => b.id.toUpperCase() === id));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark id(s): ${unknown.join(', ')}; known: ${ALL.map((b) => b.id).join(', ')}\n`);
    return 2;
  }
  const selected = wanted.length > 0 ? ALL.filter((b) => wanted.includes(b.id.toUpperCase())) : ALL;
  const env = environment();
  const began = performance.now();
  const rows: BenchRow[] = [];
  const results: Array<Record<string, unknown>> = [];
  let crashed = false;
  for (const bench of selected) {
    progress(`${bench.id}: ${bench.title}`);
    const started = performance.now();
    try {
      const outcome = await bench.run();
      const durationMs = Math.round(performance.now() - started);
      rows.push(...outcome.rows);
      results.push({ id: bench.id, title: bench.title, durationMs, rows: outcome.rows, details: outcome.details });
      progress(`${bench.id}: done in ${(durationMs / 1000).toFixed(1)} s`);
    } catch (error) {
      crashed = true;
      const durationMs = Math.round(performance.now() - started);
      rows.push({ id: bench.id, what: bench.title.slice(0, 48), ours: 'CRASHED', baseline: '—', ratio: null, target: '—', met: false });
      results.push({ id: bench.id, title: bench.title, durationMs, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      progress(`${bench.id}: CRASHED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const totalMs = Math.round(performance.now() - began);
  writeFileSync(OUTPUT, `${JSON.stringify({ environment: { ...env, loadAverageAtEnd: loadavg().map((x) => round(x, 2)) }, totalMs, selected: selected.map((b) => b.id), benchmarks: results }, null, 2)}\n`);
  process.stdout.write(`${table(rows)}\n`);
  process.stdout.write(`\n${selected.length} benchmark(s) in ${(totalMs / 1000).toFixed(1)} s on ${env.cpuCount} CPUs, node ${env.node}; details in ${path.relative(process.cwd(), OUTPUT) || OUTPUT}\n`);
  return crashed ? 1 : 0;
}

// An interrupted run still removes what it made (fleet containers, databases, simulated engines).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void Cleanup.runAll().finally(() => process.exit(130));
  });
}

main().then(
  // Exit explicitly: a closed app may still hold idle sockets or timers that would keep the process alive.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
