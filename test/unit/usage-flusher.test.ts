import 'reflect-metadata';
import { createLogger } from '../../src/log/logger';
import { ContainerInstance, ViolationKind, type SecurityViolation } from '../../src/instances/instance.entity';
import { UsageFlusher, unexpectedExecs } from '../../src/instances/instance.metering';
import type { ExecEvent } from '../../src/instances/instance.repository';
import { UsageMeter } from '../../src/instances/instance.usage';

const exec = (command: string, execID: string): ExecEvent => ({ action: `exec_create: ${command}`, attributes: { execID }, time: new Date(1000) });

describe(unexpectedExecs.name, () => {
  it('flags every exec the API did not start, once, but not the container\'s own HEALTHCHECK', () => {
    const first = unexpectedExecs([exec('/bin/sh -c wget -q localhost', 'h1'), exec('sh', 'e1')], ['CMD-SHELL', 'wget -q localhost'], []);
    expect(first).toEqual([{ kind: ViolationKind.UNEXPECTED_EXEC, detectedAt: new Date(1000), detail: 'exec e1: sh' }]);
    expect(unexpectedExecs([exec('sh', 'e1'), exec('cat /etc/shadow', 'e2')], null, first).map((v) => v.detail)).toEqual(['exec e2: cat /etc/shadow']);
  });
});

describe(UsageFlusher.name, () => {
  it('writes the usage of every tracked run in one statement and reads their execs in one, per tick', async () => {
    const statements: string[] = [];
    const violationWrites: Array<{ id: string; violations: SecurityViolation[] }> = [];
    const repository = {
      execEventsOf: async (ids: readonly string[]) => {
        statements.push(`execs of ${ids.length}`);
        return new Map([['c-1', [exec('sh', 'e9')]]]);
      },
      writeUsage: async (_owner: string, rows: ReadonlyArray<{ id: string }>) => void statements.push(`usage of ${rows.length}`),
      write: async (_owner: string, instance: ContainerInstance, changes: Partial<ContainerInstance>) => void violationWrites.push({ id: instance.id, violations: changes.violations! }),
    };
    const flusher = new UsageFlusher({ repository, owner: 'me', everyMs: 20, logger: createLogger({ level: 'silent' }) });
    const runs = Array.from({ length: 3 }, (_, i) => ({ instance: Object.assign(new ContainerInstance(), { id: `i-${i}`, containerId: `c-${i}`, definition: { container: {} } }), meter: new UsageMeter(), violations: [] as SecurityViolation[] }));
    const untrack = runs.map((run) => flusher.track(run as never));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (violationWrites.length >= 1) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    untrack.forEach((stop) => stop());
    expect(statements.slice(0, 2)).toEqual(['execs of 3', 'usage of 3']);
    expect(violationWrites.map((w) => [w.id, w.violations.map((v) => v.detail)])).toEqual([['i-1', ['exec e9: sh']]]);
    expect(runs[1]!.violations).toHaveLength(1);
  });
});
