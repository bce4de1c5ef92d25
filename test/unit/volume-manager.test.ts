import { Permission } from '../../src/auth/permissions';
import { WorkloadPolicy } from '../../src/security/workload-policy';
import { Volume } from '../../src/volumes/volume.entity';
import { VolumeManager } from '../../src/volumes/volume.manager';
import { hostManagerOnFakes, principalIn, withEntityMetadata } from './fakes/hosts.fake';
import { FakeRefresh, FakeSyncedObjects } from './fakes/inventory.fake';
import { FakeDockerObjects } from './fakes/objects.fake';

const alice = principalIn('acct-a', Permission.DockerHostsManage);
const privileged = principalIn('acct-a', Permission.DockerHostsManage, Permission.DockerHostsPrivileged);
const bob = principalIn('acct-b', Permission.DockerHostsManage);
const hostBind = { type: 'none', o: 'bind', device: '/etc' };

function setup() {
  const { hosts, store } = hostManagerOnFakes();
  const host = store.add({ accountId: 'acct-a' });
  const log: string[] = [];
  const volumes = new FakeSyncedObjects(Volume);
  const data = volumes.add({ accountId: 'acct-a', hostId: host.id, dockerId: 'data', driver: 'local' });
  const sync = new FakeRefresh(log);
  sync.onRefresh = async ({ hostId, kinds }) => {
    if (kinds?.includes('volume') && log.includes('docker create volume cache') && !(await volumes.findOnHost(hostId, 'cache'))) volumes.add({ accountId: 'acct-a', hostId, dockerId: 'cache', driver: 'local' });
  };
  const objects = new FakeDockerObjects(log);
  // The real policy: enforceVolume judges driver options alone, without asking any daemon.
  const policy = new WorkloadPolicy({ reach: { container: async () => null, volume: async () => null }, inventory: { holdsContainer: async () => false } });
  const manager = new VolumeManager({ hosts, repository: volumes, objects, sync, policy });
  return { manager, host, data, log, objects };
}

describe(VolumeManager.name, () => {
  withEntityMetadata();

  it('creates a volume on Docker and answers the row the sync recorded', async () => {
    const { manager, host, log } = setup();
    expect(await manager.create(alice, host.id, { name: 'cache', labels: { team: 'ops' } })).toMatchObject({ dockerId: 'cache', hostId: host.id });
    expect(log).toEqual(['docker create volume cache', 'refresh volume']);
  });

  it.each([
    ['a name with a slash', { name: '../etc' }, 'name'],
    ['a driver other than local', { name: 'ok', driver: 'nfs' }, 'driver'],
    ['a driver option that is not a string', { name: 'ok', driverOpts: { size: 5 as unknown as string } }, 'driverOpts.size'],
  ])('answers BAD_USER_INPUT naming the field for %s, before Docker is asked', async (_what, input, field) => {
    const { manager, host, log } = setup();
    await expect(manager.create(alice, host.id, input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(log).toEqual([]);
  });

  it('refuses driver options that bind a host path without docker.hosts.privileged, and makes it with the permission', async () => {
    const { manager, host, log } = setup();
    await expect(manager.create(alice, host.id, { name: 'cache', driverOpts: hostBind })).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'driverOpts' } });
    expect(log).toEqual([]);
    await expect(manager.create(privileged, host.id, { name: 'cache', driverOpts: hostBind })).resolves.toMatchObject({ dockerId: 'cache' });
  });

  it('answers CONFLICT for a volume in use, and keeps it in the inventory', async () => {
    const { manager, data, objects, log } = setup();
    objects.inUse.add('data');
    await expect(manager.remove(alice, data.id, false)).rejects.toMatchObject({ code: 'CONFLICT', message: 'removing volume data: data is in use' });
    expect(log).toEqual([]);
  });

  it('prunes with a label filter, and refuses a malformed label before Docker is asked', async () => {
    const { manager, host, log } = setup();
    await expect(manager.prune(alice, host.id, 'a b')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'label' } });
    expect(log).toEqual([]);
    expect(await manager.prune(alice, host.id, 'team=ops')).toEqual({ removed: ['old'], spaceReclaimedBytes: 10 });
    expect(log).toEqual(['docker prune volumes team=ops', 'refresh volume']);
  });

  it("answers NOT_FOUND for another account's volume or host", async () => {
    const { manager, host, data, log } = setup();
    await expect(manager.remove(bob, data.id, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(manager.create(bob, host.id, { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(log).toEqual([]);
  });
});
