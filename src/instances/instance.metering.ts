import type { Logger } from '../log/logger';
import { ViolationKind, type ContainerInstance, type SecurityViolation } from './instance.entity';
import type { ExecEvent, InstanceRepository } from './instance.repository';
import type { UsageMeter } from './instance.usage';

export interface MeteredRun {
  instance: ContainerInstance;
  meter: UsageMeter;
  violations: SecurityViolation[];
}

/**
 * Writes the usage of every run this instance drives, and looks for execs into their containers, in one tick for all
 * of them: two statements however many runs (not two per run), so metering 100 runs costs about what reading their
 * stats streams does.
 */
export class UsageFlusher {
  private readonly runs = new Map<string, MeteredRun>();
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(private readonly deps: { repository: Pick<InstanceRepository, 'writeUsage' | 'execEventsOf' | 'write'>; owner: string; everyMs: number; logger: Logger }) {}

  /** Metered until the returned function is called (the run ended, or was let go). */
  track(run: MeteredRun): () => void {
    this.runs.set(run.instance.id, run);
    this.timer ??= setInterval(() => void this.tick(), this.deps.everyMs);
    return () => {
      this.runs.delete(run.instance.id);
      if (this.runs.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private tick(): Promise<void> {
    this.flushing ??= this.flush()
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'writing container instance usage failed; the next tick tries again'))
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flush(): Promise<void> {
    const runs = [...this.runs.values()];
    if (runs.length === 0) return;
    const events = await this.deps.repository.execEventsOf(runs.map((r) => r.instance.containerId!));
    await this.deps.repository.writeUsage(this.deps.owner, runs.map((r) => ({ id: r.instance.id, usage: r.meter.value })));
    for (const run of runs) {
      const found = unexpectedExecs(events.get(run.instance.containerId!) ?? [], run.instance.definition.container.healthcheck?.test ?? null, run.violations);
      if (found.length === 0) continue;
      run.violations.push(...found);
      await this.deps.repository.write(this.deps.owner, run.instance, { violations: [...run.violations] }).catch(() => undefined); // ended or let go meanwhile
    }
  }
}

/**
 * Execs into a run's container, from the stored Engine events (kept for instance containers), not yet among its
 * violations: every one this API did not start, except the container's own HEALTHCHECK, which Docker runs as an exec.
 */
export function unexpectedExecs(events: readonly ExecEvent[], healthcheck: string[] | null, violations: readonly SecurityViolation[]): SecurityViolation[] {
  const health = healthCommand(healthcheck);
  const seen = new Set(violations.filter((v) => v.kind === ViolationKind.UNEXPECTED_EXEC).map((v) => v.detail));
  const found: SecurityViolation[] = [];
  for (const event of events) {
    const command = event.action.replace(/^exec_create:\s*/, '');
    if (health && command === health) continue;
    const detail = `exec ${event.attributes.execID ?? '?'}: ${command.slice(0, 200)}`;
    if (seen.has(detail)) continue;
    seen.add(detail);
    found.push({ kind: ViolationKind.UNEXPECTED_EXEC, detectedAt: event.time, detail });
  }
  return found;
}

/** The command line Docker reports in exec_create for a HEALTHCHECK test (CMD-SHELL runs through /bin/sh -c). */
function healthCommand(test: string[] | null): string | null {
  if (!test?.length || test[0] === 'NONE') return null;
  if (test[0] === 'CMD-SHELL') return `/bin/sh -c ${test.slice(1).join(' ')}`;
  return (test[0] === 'CMD' ? test.slice(1) : test).join(' ');
}
