import { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { ForbiddenError } from '../../src/common/errors';
import { Container } from '../../src/containers/container.entity';
import { ContainerManager } from '../../src/containers/container.manager';
import { MountType, type CreateContainerInput } from '../../src/containers/container-spec.inputs';
import { ContainerState } from '../../src/containers/container.enums';
import { HostStatus } from '../../src/hosts/host.enums';
import type { WorkloadSpec } from '../../src/security/workload-policy';
import { hostManagerOnFakes, principalIn, withEntityMetadata } from './fakes/hosts.fake';
import { FakeRefresh, FakeSyncedObjects } from './fakes/inventory.fake';

const alice = principalIn('acct-a', Permission.DockerHostsManage);
const bob = principalIn('acct-b', Permission.DockerHostsManage);

/** The workload policy as the manager calls it: each judgement goes into the shared log; `refuse` makes it say no. */
class FakePolicy {
  refuse = false;
  constructor(private readonly log: string[]) {}
  private judge(what: string): void {
    this.log.push(`policy ${what}`);
    if (this.refuse) throw new ForbiddenError(`${what} reaches the host`, 'id');
  }
  enforce = async (_p: Principal, _t: unknown, spec: WorkloadSpec) => this.judge(`create ${spec.mounts?.length ?? 0} mounts`);
  enforceRun = async (_p: Principal, _t: unknown, dockerId: string) => this.judge(`run ${dockerId}`);
  enforceEntry = async (_p: Principal, _t: unknown, dockerId: string) => this.judge(`exec ${dockerId}`);
}

/** The Docker adapter: every call goes into the shared log. */
function fakeDocker(log: string[]) {
  const call = (what: string) => async (_target: unknown, dockerId: string) => void log.push(`docker ${what} ${dockerId}`);
  return {
    create: async (_target: unknown, spec: { image: string }) => (log.push(`docker create ${spec.image}`), 'c-new'),
    start: call('start'),
    stop: call('stop'),
    restart: call('restart'),
    remove: call('remove'),
    logs: async () => ({ stdout: '', stderr: '', truncated: false }),
    followLogs: async () => {
      throw new Error('not used');
    },
    exec: async (_target: unknown, dockerId: string, spec: { command: string[]; timeoutMs: number }) => (log.push(`docker exec ${dockerId} ${spec.command.join(' ')} ${spec.timeoutMs}ms`), { exitCode: 0, stdout: 'ok', stderr: '' }) as never,
    followStats: async () => {
      throw new Error('not used');
    },
  };
}

function setup(status = HostStatus.CONNECTED) {
  const { hosts, store } = hostManagerOnFakes();
  const host = store.add({ accountId: 'acct-a', status });
  const log: string[] = [];
  const rows = new FakeSyncedObjects(Container);
  const existing = rows.add({ accountId: 'acct-a', hostId: host.id, dockerId: 'c-old', name: 'web', state: ContainerState.EXITED });
  const sync = new FakeRefresh(log);
  // The sync reads a newly made container back into the inventory.
  sync.onRefresh = async ({ hostId, containers }) => {
    if (containers?.includes('c-new') && !(await rows.findOnHost(hostId, 'c-new'))) rows.add({ accountId: 'acct-a', hostId, dockerId: 'c-new', name: 'made', state: ContainerState.CREATED });
  };
  const policy = new FakePolicy(log);
  const containers = new ContainerManager({ hosts, repository: rows, containers: fakeDocker(log), sync, policy });
  return { containers, host, existing, log, policy, sync, rows };
}

const spec = (fields: Partial<CreateContainerInput> = {}) => ({ image: 'fleet/busybox:latest', ...fields }) as CreateContainerInput;

describe(ContainerManager.name, () => {
  withEntityMetadata();

  it('asks the workload policy before Docker on create, and answers the container the sync read back', async () => {
    const { containers, host, log } = setup();
    const made = await containers.create(alice, host.id, spec({ mounts: [{ type: MountType.VOLUME, source: 'data', target: '/data' }] }));
    expect(made).toMatchObject({ dockerId: 'c-new', hostId: host.id, name: 'made' });
    expect(log).toEqual(['policy create 1 mounts', 'docker create fleet/busybox:latest', 'refresh c-new']);
  });

  it.each([
    ['start', 'run'],
    ['restart', 'run'],
  ] as const)('asks the workload policy before Docker on %s', async (operation, judged) => {
    const { containers, existing, log } = setup();
    await containers[operation](alice, existing.id);
    expect(log).toEqual([`policy ${judged} c-old`, `docker ${operation} c-old`, 'refresh c-old']);
  });

  it('asks the workload policy before Docker on exec, with the timeout in milliseconds', async () => {
    const { containers, existing, log } = setup();
    await containers.exec(alice, existing.id, { command: ['echo', 'hi'], timeoutSeconds: 5 });
    expect(log).toEqual(['policy exec c-old', 'docker exec c-old echo hi 5000ms']);
  });

  it('leaves Docker alone when the policy refuses create, start, restart or exec', async () => {
    const { containers, host, existing, log, policy } = setup();
    policy.refuse = true;
    for (const call of [
      () => containers.create(alice, host.id, spec()),
      () => containers.start(alice, existing.id),
      () => containers.restart(alice, existing.id),
      () => containers.exec(alice, existing.id, { command: ['sh'] }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(log.filter((line) => !line.startsWith('policy'))).toEqual([]);
  });

  it.each([HostStatus.PENDING, HostStatus.DISCONNECTED, HostStatus.ERROR, HostStatus.MAINTENANCE])('answers HOST_UNAVAILABLE on a host in status %s before the policy or Docker is asked', async (status) => {
    const { containers, host, existing, log } = setup(status);
    await expect(containers.create(alice, host.id, spec())).rejects.toMatchObject({ code: 'HOST_UNAVAILABLE' });
    await expect(containers.stop(alice, existing.id)).rejects.toMatchObject({ code: 'HOST_UNAVAILABLE' });
    expect(log).toEqual([]);
  });

  it.each([
    ['an image with spaces', (m: ContainerManager, id: string, hostId: string) => m.create(alice, hostId, spec({ image: 'bad image' })), 'image'],
    ['a stop timeout over an hour', (m: ContainerManager, id: string) => m.stop(alice, id, 3601), 'timeoutSeconds'],
    ['a negative log tail', (m: ContainerManager, id: string) => m.logs(alice, id, { tail: -1 }), 'tail'],
    ['an empty command', (m: ContainerManager, id: string) => m.exec(alice, id, { command: [] }), 'command'],
    ['an exec timeout of 0', (m: ContainerManager, id: string) => m.exec(alice, id, { command: ['true'], timeoutSeconds: 0 }), 'timeoutSeconds'],
  ])('answers BAD_USER_INPUT naming the field for %s, before anything is asked', async (_what, call, field) => {
    const { containers, host, existing, log } = setup();
    await expect(call(containers, existing.id, host.id)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(log).toEqual([]);
  });

  it("answers NOT_FOUND for another account's container and its host", async () => {
    const { containers, host, existing, log } = setup();
    await expect(containers.start(bob, existing.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(containers.remove(bob, existing.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(containers.create(bob, host.id, spec())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(log).toEqual([]);
  });

  it('says the container exists when Docker made it but recording it failed', async () => {
    const { containers, host, sync } = setup();
    sync.onRefresh = () => {
      throw new Error('database unavailable');
    };
    await expect(containers.create(alice, host.id, spec())).rejects.toThrow(/^container c-new was created on h-0, but could not be recorded yet: database unavailable$/);
  });

  it('removes the container on Docker, then refreshes it out of the inventory', async () => {
    const { containers, existing, log } = setup();
    expect(await containers.remove(alice, existing.id, { force: true })).toBe(existing.id);
    expect(log).toEqual(['docker remove c-old', 'refresh c-old']);
  });
});
