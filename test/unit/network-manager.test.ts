import { Permission } from '../../src/auth/permissions';
import { Container } from '../../src/containers/container.entity';
import { Network } from '../../src/networks/network.entity';
import { NetworkManager } from '../../src/networks/network.manager';
import { hostManagerOnFakes, principalIn, withEntityMetadata } from './fakes/hosts.fake';
import { FakeRefresh, FakeSyncedObjects } from './fakes/inventory.fake';
import { FakeDockerObjects } from './fakes/objects.fake';

const alice = principalIn('acct-a', Permission.DockerHostsManage);
const bob = principalIn('acct-b', Permission.DockerHostsManage);

function setup() {
  const { hosts, store } = hostManagerOnFakes();
  const host = store.add({ accountId: 'acct-a' });
  const other = store.add({ accountId: 'acct-a' });
  const log: string[] = [];
  const networks = new FakeSyncedObjects(Network);
  const containers = new FakeSyncedObjects(Container);
  const backend = networks.add({ accountId: 'acct-a', hostId: host.id, dockerId: 'net-backend', name: 'backend' });
  const web = containers.add({ accountId: 'acct-a', hostId: host.id, dockerId: 'c-web', name: 'web' });
  const elsewhere = containers.add({ accountId: 'acct-a', hostId: other.id, dockerId: 'c-far', name: 'far' });
  const sync = new FakeRefresh(log);
  // The sync records a network Docker made.
  sync.onRefresh = async ({ hostId, kinds }) => {
    if (kinds?.includes('network') && log.includes('docker create network front') && !(await networks.findOnHost(hostId, 'net-front'))) networks.add({ accountId: 'acct-a', hostId, dockerId: 'net-front', name: 'front' });
  };
  const objects = new FakeDockerObjects(log);
  const manager = new NetworkManager({ hosts, networks, containers, objects, sync });
  return { manager, host, backend, web, elsewhere, log, objects };
}

describe(NetworkManager.name, () => {
  withEntityMetadata();

  it('creates a network on Docker and answers the row the sync recorded', async () => {
    const { manager, host, log } = setup();
    expect(await manager.create(alice, host.id, { name: 'front' })).toMatchObject({ dockerId: 'net-front', hostId: host.id, name: 'front' });
    expect(log).toEqual(['docker create network front', 'refresh network']);
  });

  it.each([
    ['a name with a slash', { name: 'a/b' }, 'name'],
    ['a name of 129 characters', { name: 'n'.repeat(129) }, 'name'],
    ['a driver Docker does not ship', { name: 'ok', driver: 'weave' }, 'driver'],
  ])('answers BAD_USER_INPUT naming the field for %s, before Docker is asked', async (_what, input, field) => {
    const { manager, host, log } = setup();
    await expect(manager.create(alice, host.id, input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(log).toEqual([]);
  });

  it('connects a container on the same host and answers it read back', async () => {
    const { manager, backend, web, log } = setup();
    expect(await manager.connect(alice, backend.id, web.id)).toMatchObject({ id: web.id, dockerId: 'c-web' });
    expect(log).toEqual(['docker connect c-web to net-backend', 'refresh c-web']);
  });

  it('refuses to connect a container of another host, naming containerId', async () => {
    const { manager, backend, elsewhere, log } = setup();
    await expect(manager.connect(alice, backend.id, elsewhere.id)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'containerId' } });
    expect(log).toEqual([]);
  });

  it("answers NOT_FOUND for another account's network or container", async () => {
    const { manager, backend, web, log } = setup();
    await expect(manager.remove(bob, backend.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(manager.disconnect(bob, backend.id, web.id, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(log).toEqual([]);
  });

  it('answers CONFLICT for a network with active endpoints, and keeps it in the inventory', async () => {
    const { manager, backend, objects, log } = setup();
    objects.inUse.add('net-backend');
    await expect(manager.remove(alice, backend.id)).rejects.toMatchObject({ code: 'CONFLICT', message: 'removing network net-backend: net-backend is in use' });
    expect(log).toEqual([]);
  });
});
