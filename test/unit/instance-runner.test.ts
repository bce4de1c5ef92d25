import { DomainError, ErrorCode } from '../../src/common/errors';
import type { HostTarget } from '../../src/docker/docker.types';
import { ContainerInstance, InstanceStatus } from '../../src/instances/instance.entity';
import { LeaseLostError } from '../../src/instances/instance.repository';
import { InstanceRunner, type InstanceRunnerDeps } from '../../src/instances/instance.runner';
import { VaultDelivery } from '../../src/instances/template.entity';
import { FAKE_HOST, anInstance } from './fakes/instance.fake';
import { createLocalPubSub } from '../../src/pubsub/pubsub';

const HOST = FAKE_HOST;
/** Linked to a task, with no Vault token (the runner's own rules, not the provisioner's). */
const instance = (over: Partial<ContainerInstance> = {}) =>
  anInstance({ taskRef: { id: 'task-1', callbackUrl: 'https://tasks.example/cb' }, ...over }, { timeoutSeconds: 60, vaultPolicies: [], vaultDelivery: VaultDelivery.NONE });
const target = { hostId: HOST } as unknown as HostTarget;


/**
 * Hand-written fakes writing one ordered log of what the runner did (writes, settle, outbox, release), with a host
 * that is unavailable a number of times, a settle or a write that fails on demand, and a container that exits 0.
 */
function fixture(options: { hostUnavailable?: number; settleFails?: boolean; loseLeaseAt?: InstanceStatus } = {}) {
  const log: string[] = [];
  let unavailable = options.hostUnavailable ?? 0;
  const deps: InstanceRunnerDeps = {
    repository: {
      write: async (_owner, inst, changes, enqueue) => {
        if (options.loseLeaseAt && changes.status === options.loseLeaseAt) throw new LeaseLostError(inst.id);
        if (enqueue) await enqueue({} as never);
        log.push(changes.endingStatus ? `ending ${changes.endingStatus}` : changes.status ? `status ${changes.status}` : `write ${Object.keys(changes).join(',')}`);
        Object.assign(inst, changes);
      },
      byId: async () => null,
      execEventsOf: async () => new Map(),
      sawOom: async () => false,
      writeUsage: async () => undefined,
    },
    hosts: {
      operable: async () => {
        if (unavailable > 0) {
          unavailable -= 1;
          log.push('host unavailable');
          throw new DomainError(ErrorCode.HOST_UNAVAILABLE, 'host is not connected');
        }
        return { host: { id: HOST }, target } as never;
      },
    },
    containers: {
      create: async () => 'c'.repeat(64),
      start: async () => void log.push('container started'),
      stop: async () => undefined,
      remove: async () => undefined,
      logs: async () => ({ stdout: 'done\n', stderr: '', truncated: false }),
      followStats: (async () => (async function* () {})()) as never,
    },
    runs: {
      wait: async () => 0,
      state: async () => ({ running: false, exitCode: 0, oomKilled: false, imageId: 'sha256:img', sizeRwBytes: 0, env: [], healthcheck: null }),
      putFile: async () => undefined,
      withLabel: async () => [],
      imageDigests: async () => null,
    },
    vault: null,
    policy: { enforce: async () => undefined },
    environment: () => [],
    cleanup: {
      settle: async (_inst, status) => {
        if (options.settleFails) throw new Error('database blinked');
        log.push(`settle ${status}`);
      },
      release: async () => void log.push('quota released'),
    },
    outbox: {
      enqueue: async (_em, delivery) => void log.push(`outbox ${delivery.event}`),
      wake: () => undefined,
    },
    pubsub: createLocalPubSub(),
    logger: { info: () => undefined, warn: (_o: unknown, message: string) => void log.push(`warn: ${message}`), error: () => undefined, debug: () => undefined } as never,
    owner: 'me',
    settings: { outputMaxBytes: 64 * 1024, usageFlushMs: 60_000, vaultAddress: null },
  };
  return { runner: new InstanceRunner(deps), log };
}

/** Until the runner drives nothing (each run's drive settled): a condition, polled once per turn of the loop. */
async function idle(runner: InstanceRunner): Promise<void> {
  while (runner.ids.length > 0) await new Promise((resolve) => setImmediate(resolve));
}

describe(InstanceRunner.name, () => {
  it('ends a run in order: its ending stored, then settled (token, container), then terminal with the task\'s outbox row, then the quota released', async () => {
    const { runner, log } = fixture();
    const run = instance();
    runner.start(run);
    await idle(runner);
    expect(log).toEqual([
      `status ${InstanceStatus.PROVISIONING}`,
      'write containerId',
      'container started',
      `status ${InstanceStatus.RUNNING}`,
      `ending ${InstanceStatus.COMPLETED}`,
      `settle ${InstanceStatus.COMPLETED}`,
      'outbox container_instance.completed',
      `status ${InstanceStatus.COMPLETED}`,
      'quota released',
    ]);
    expect(run.transitions.map((t) => t.status)).toEqual([InstanceStatus.PROVISIONING, InstanceStatus.RUNNING, InstanceStatus.COMPLETED]);
    expect(run.finishedAt).toBeInstanceOf(Date);
  });

  it('a run taken over with its ending stored is finished with that same ending: nothing provisioned or watched again', async () => {
    const { runner, log } = fixture();
    runner.start(instance({ status: InstanceStatus.RUNNING, endingStatus: InstanceStatus.TIMED_OUT, endingReason: 'time limit of 60s reached' }));
    await idle(runner);
    expect(log).toEqual([`settle ${InstanceStatus.TIMED_OUT}`, 'outbox container_instance.timed_out', `status ${InstanceStatus.TIMED_OUT}`, 'quota released']);
  });

  it('a stored ending whose settling fails is not turned into another ending: let go for its successor, quota kept', async () => {
    const { runner, log } = fixture({ settleFails: true });
    runner.start(instance({ status: InstanceStatus.RUNNING, endingStatus: InstanceStatus.COMPLETED, endingReason: 'exited with code 0' }));
    await idle(runner);
    expect(log).toEqual(['warn: finishing a container instance failed; it is finished after its lease']);
  });

  it('an error while provisioning ends the run FAILED with its code, through the same ordered end', async () => {
    const { runner, log } = fixture({ hostUnavailable: 1 });
    const run = instance();
    runner.start(run);
    await idle(runner);
    expect(log.slice(0, 3)).toEqual([`status ${InstanceStatus.PROVISIONING}`, 'host unavailable', 'warn: container instance failed']);
    expect(log.slice(3)).toEqual([`ending ${InstanceStatus.FAILED}`, `settle ${InstanceStatus.FAILED}`, 'outbox container_instance.failed', `status ${InstanceStatus.FAILED}`, 'quota released']);
    expect(run.errorCode).toBe(ErrorCode.HOST_UNAVAILABLE);
  });

  it('a run whose lease is lost is let go untouched: no ending, no settle, no release', async () => {
    const { runner, log } = fixture({ loseLeaseAt: InstanceStatus.RUNNING });
    runner.start(instance());
    await idle(runner);
    expect(log).toEqual([`status ${InstanceStatus.PROVISIONING}`, 'write containerId', 'container started']);
  });

  it('a RUNNING run taken over while its host is briefly not CONNECTED is asked again, not given up', async () => {
    const { runner, log } = fixture({ hostUnavailable: 1 });
    runner.start(instance({ status: InstanceStatus.RUNNING, containerId: 'c'.repeat(64), startedAt: new Date(), deadlineAt: new Date(Date.now() + 60_000) }));
    await idle(runner);
    expect(log).toEqual(['host unavailable', `ending ${InstanceStatus.COMPLETED}`, `settle ${InstanceStatus.COMPLETED}`, 'outbox container_instance.completed', `status ${InstanceStatus.COMPLETED}`, 'quota released']);
  });
});
