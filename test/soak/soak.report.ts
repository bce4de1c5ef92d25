import type { Fault } from './soak.faults';
import type { CheckResult } from './soak.invariants';
import type { Ledger } from './soak.ledger';
import type { Subscribers } from './soak.subscribers';

/** A markdown table (the same shape as the bench's). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function printChecks(title: string, round: CheckResult[]): void {
  const rows = round.map((r) => [r.invariant, r.checked, String(r.violations.length)]);
  const details = round.flatMap((r) => r.violations.map((v) => `  VIOLATION ${r.invariant.split(' ')[0]}: ${v}`));
  process.stdout.write(`\n${title}\n${table(['invariant', 'checked', 'violations'], rows)}\n${details.map((d) => `${d}\n`).join('')}`);
}

/** The figures for the issue notes; returns the exit code (1 on any violation). */
export function printFigures(run: { faults: Fault[]; ledger: Ledger; subscribers: Subscribers; results: CheckResult[]; recoveries: number; seed: number; logs: string[] }): number {
  const { faults, ledger, subscribers, results } = run;
  // Not invariants, but what an operator would look at first in the servers' logs.
  const lines = run.logs.flatMap((log) => log.split('\n'));
  const errorLines = lines.filter((l) => l.startsWith('{"level":50')).length;
  const eventRelists = lines.filter((l) => l.includes('"msg":"applying docker events failed; re-listing"')).length;
  const byKind = new Map<string, number>();
  for (const f of faults) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const mutations = ledger.mutations;
  const violations = new Map<string, number>();
  for (const r of results) violations.set(r.invariant, (violations.get(r.invariant) ?? 0) + r.violations.length);
  const total = [...violations.values()].reduce((a, b) => a + b, 0);
  const rows = [
    ['seed', String(run.seed)],
    ['faults injected', `${faults.length} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`],
    ['API mutations', `${mutations.length}: ${mutations.filter((m) => m.ok).length} ok, ${mutations.filter((m) => m.answered && !m.ok).length} errors, ${mutations.filter((m) => !m.answered).length} unanswered`],
    ['containers through the API', `${ledger.containers.size} (${[...ledger.containers.values()].filter((c) => c.removedAt).length} removed)`],
    ['direct docker runs', `${ledger.docker.ok} ok, ${ledger.docker.failed} failed`],
    ['subscriber sessions', String(subscribers.sessions.length)],
    ['messages received', String(subscribers.messages)],
    ['hosts recovered from ERROR', String(run.recoveries)],
    ['API log lines at level error', String(errorLines)],
    ['event batches failed (re-listed)', String(eventRelists)],
    ...[...violations].map(([invariant, n]) => [`violations: ${invariant}`, String(n)]),
    ['invariant violations', String(total)],
  ];
  process.stdout.write(`\nsoak figures\n${table(['figure', 'value'], rows)}\n`);
  process.stdout.write(total === 0 ? 'soak: no invariant violated\n' : `soak: ${total} invariant violations\n`);
  return total === 0 ? 0 : 1;
}
