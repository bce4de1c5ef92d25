import { ErrorCode } from '../../src/common/errors';
import type { RunState } from '../../src/docker/docker.runs';
import type { HostTarget } from '../../src/docker/docker.types';
import { ContainerInstance, InstanceStatus, ViolationKind } from '../../src/instances/instance.entity';
import { REDACTED } from '../../src/instances/instance.output';
import { Run } from '../../src/instances/instance.runner';
import { InstanceWatch, type WatchDeps } from '../../src/instances/instance.watch';
import { FAKE_HOST, anInstance } from './fakes/instance.fake';

const HOST = FAKE_HOST;
const target = { hostId: HOST } as unknown as HostTarget;
const CONTAINER = 'c'.repeat(64);
/** RUNNING in its container, a minute before its deadline, with a 3 s kill grace. */
const instance = (over: Partial<ContainerInstance> = {}, definition: Partial<ContainerInstance['definition']> = {}) =>
  anInstance({ status: InstanceStatus.RUNNING, containerId: CONTAINER, startedAt: new Date(), deadlineAt: new Date(Date.now() + 60_000), ...over }, { timeoutSeconds: 60, killGraceSeconds: 3, ...definition });


const exited = (exitCode: number, over: Partial<RunState> = {}): RunState => ({ running: false, exitCode, oomKilled: false, imageId: 'sha256:img', sizeRwBytes: 4096, env: ['VAULT_TOKEN=hvs.the-token', 'API_KEY=s3cr3t-value'], healthcheck: null, ...over });

/**
 * Hand-written fakes: a container that exits when told to (`exit`) or when stopped, an Engine whose answers are
 * scripted per call (`states`), logs printing the run's secrets, a Vault whose reads succeed or fail.
 */
function fixture(options: { states?: Array<RunState | null>; vaultRead?: 'ok' | 'fails'; sawOom?: boolean } = {}) {
  const stops: number[] = [];
  const finishes: Array<{ status: InstanceStatus; fields: Record<string, unknown> }> = [];
  let exit: (code: number) => void = () => undefined;
  const waiting = new Promise<number>((resolve) => (exit = resolve));
  const states = [...(options.states ?? [exited(0)])];
  const deps: WatchDeps = {
    repository: {
      write: async () => undefined,
      execEventsOf: async () => new Map(),
      sawOom: async () => Boolean(options.sawOom),
    },
    metering: { track: () => () => undefined },
    containers: {
      stop: async (_t, _id, grace) => {
        stops.push(grace as number);
        exit(143);
      },
      logs: async () => ({ stdout: 'token hvs.the-token key s3cr3t-value db pa55word-db\n', stderr: 'warn s3cr3t-value\n', truncated: false }),
      followStats: (async () => (async function* () {})()) as never,
    },
    runs: {
      wait: () => waiting,
      state: async () => (states.length > 1 ? states.shift()! : states[0]),
    },
    vault: {
      readAs: async () => {
        if (options.vaultRead === 'fails') throw new Error('permission denied');
        return [{ password: 'pa55word-db' }];
      },
    },
    environment: () => ['API_KEY=s3cr3t-value'],
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as never,
    owner: 'me',
    settings: { outputMaxBytes: 64 * 1024, oomWaitMs: 1000 },
    step: {
      transition: async () => undefined,
      finish: async (inst, status, fields) => {
        finishes.push({ status, fields: fields as Record<string, unknown> });
        Object.assign(inst, fields, { status });
      },
    },
  };
  return { watch: new InstanceWatch(deps), stops, finishes, exit: (code: number) => exit(code) };
}

describe(InstanceWatch.name, () => {
  it('a run exiting 0 is COMPLETED with stdout and stderr apart, the token, env values and Vault secrets redacted', async () => {
    const f = fixture();
    const run = new Run(instance({}, { vaultSecretPaths: ['secret/data/db'] }));
    const watching = f.watch.watch(run, target);
    f.exit(0);
    await watching;
    expect(f.finishes).toHaveLength(1);
    expect(f.finishes[0]).toMatchObject({ status: InstanceStatus.COMPLETED, fields: { exitCode: 0, errorCode: null, outputTruncated: false } });
    expect(f.finishes[0].fields.stdout).toBe(`token ${REDACTED} key ${REDACTED} db ${REDACTED}\n`);
    expect(f.finishes[0].fields.stderr).toBe(`warn ${REDACTED}\n`);
    expect(f.stops).toEqual([]);
  });

  it('a non-zero exit is FAILED with EXIT_CODE', async () => {
    const f = fixture({ states: [exited(3)] });
    const run = new Run(instance());
    const watching = f.watch.watch(run, target);
    f.exit(3);
    await watching;
    expect(f.finishes[0]).toMatchObject({ status: InstanceStatus.FAILED, fields: { exitCode: 3, errorCode: 'EXIT_CODE', reason: 'exited with code 3' } });
  });

  it('at its deadline it is stopped with its kill grace and ends TIMED_OUT with a TIME_LIMIT_KILL violation', async () => {
    const f = fixture({ states: [exited(143)] });
    const run = new Run(instance({ deadlineAt: new Date(Date.now() - 1) }));
    await f.watch.watch(run, target);
    expect(f.stops).toEqual([3]);
    expect(f.finishes[0].status).toBe(InstanceStatus.TIMED_OUT);
    expect(run.instance.violations.map((v) => v.kind)).toEqual([ViolationKind.TIME_LIMIT_KILL]);
  });

  it('a cancel asked while it runs stops it with its kill grace and ends CANCELLED', async () => {
    const f = fixture({ states: [exited(143)] });
    const run = new Run(instance());
    const watching = f.watch.watch(run, target);
    await new Promise((resolve) => setImmediate(resolve)); // the watch is waiting on the container now
    run.onCancel!();
    await watching;
    expect(f.stops).toEqual([3]);
    expect(f.finishes[0].status).toBe(InstanceStatus.CANCELLED);
  });

  it('exit 137 not marked OOM at first is OOM_KILLED when the Engine says so a moment later (containerd reports the exit first)', async () => {
    // the Engine tells it only at the third ask after the exit (the first answer is the one the output is read from)
    const f = fixture({ states: [exited(137), exited(137), exited(137), exited(137, { oomKilled: true })] });
    const run = new Run(instance());
    const watching = f.watch.watch(run, target);
    f.exit(137);
    await watching;
    expect(f.finishes[0]).toMatchObject({ status: InstanceStatus.FAILED, fields: { reason: 'OOM-killed (exit code 137)' } });
    expect(run.instance.violations.map((v) => v.kind)).toEqual([ViolationKind.OOM_KILLED]);

    const stored = fixture({ states: [exited(137)], sawOom: true }); // or by the stored `oom` event
    const again = new Run(instance());
    const w = stored.watch.watch(again, target);
    stored.exit(137);
    await w;
    expect(again.instance.violations.map((v) => v.kind)).toEqual([ViolationKind.OOM_KILLED]);
  });

  it('a SIGKILL from inside (exit 137, no OOM told within the bounded wait) is a plain exit with no violation', async () => {
    const f = fixture({ states: [exited(137)] });
    const run = new Run(instance());
    const watching = f.watch.watch(run, target);
    const exitedAt = Date.now();
    f.exit(137);
    await watching;
    expect(Date.now() - exitedAt).toBeGreaterThanOrEqual(1000); // it waited for the verdict, then gave up
    expect(f.finishes[0]).toMatchObject({ status: InstanceStatus.FAILED, fields: { reason: 'exited with code 137', errorCode: 'EXIT_CODE' } });
    expect(run.instance.violations).toEqual([]);
  });

  it('withholds the output when the Vault secrets to redact cannot be read (fail closed), and a vanished container is FAILED NOT_FOUND', async () => {
    const f = fixture({ vaultRead: 'fails' });
    const run = new Run(instance({}, { vaultSecretPaths: ['secret/data/db'] }));
    const watching = f.watch.watch(run, target);
    f.exit(0);
    await watching;
    expect(f.finishes[0].fields.stdout).toBeNull();
    expect(String(f.finishes[0].fields.stderr)).toMatch(/^\[output withheld: the Vault secrets to redact could not be read/);
    expect(JSON.stringify(f.finishes[0].fields)).not.toContain('s3cr3t-value');

    const gone = fixture({ states: [null] });
    const lost = new Run(instance());
    const w = gone.watch.watch(lost, target);
    gone.exit(0);
    await w;
    expect(gone.finishes[0]).toMatchObject({ status: InstanceStatus.FAILED, fields: { errorCode: ErrorCode.NOT_FOUND, reason: 'its container disappeared' } });
  });

  it('a run let go (lease lost, shutdown) ends the watch without writing an ending', async () => {
    const f = fixture();
    const run = new Run(instance());
    const watching = f.watch.watch(run, target);
    run.abort.abort();
    await watching;
    expect(f.finishes).toEqual([]);
    expect(f.stops).toEqual([]);
  });
});
