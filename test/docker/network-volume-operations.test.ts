import { randomUUID } from 'node:crypto';
import {
  ConnectContainerToNetworkDocument,
  CreateContainerDocument,
  CreateNetworkDocument,
  CreateVolumeDocument,
  DisconnectContainerFromNetworkDocument,
  MountType,
  NetworkDetailsDocument,
  NetworksDocument,
  PruneVolumesDocument,
  RemoveContainerDocument,
  RemoveNetworkDocument,
  RemoveVolumeDocument,
  StartContainerDocument,
  VolumeDetailsDocument,
  VolumesDocument,
} from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { TestServer, codeOf, registerFleetHost } from '../support/harness';
import { waitFor } from '../support/wait';

/** The seed's NetworkManager and VolumeManager, on the real main daemon (it has full bridge networking). */
describe('network and volume operations on the real fleet', () => {
  let fleet: Fleet;
  let server: TestServer;
  let token: string;
  let hostId: string;
  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.syncing();
    token = await server.token();
    hostId = await registerFleetHost(server, token, 'socket', 'objects');
  });
  afterAll(async () => {
    await server?.close();
  });
  const named = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  it('creates a network, connects and disconnects a container, inspects it, and refuses to remove it while in use', async () => {
    const { createNetwork: network } = await server.ok(CreateNetworkDocument, { hostId, input: { name: named('net'), labels: { purpose: 'test' } } }, token);
    expect(network).toMatchObject({ driver: 'bridge', labels: { purpose: 'test' } });
    expect((await server.ok(NetworksDocument, { filter: { hostId }, first: 500 }, token)).networks.nodes.map((n) => n.id)).toContain(network.id);

    const { createContainer: container } = await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name: named('member'), command: ['sleep', '300'] } }, token);
    try {
      await server.ok(StartContainerDocument, { id: container.id }, token);
      const { connectContainerToNetwork } = await server.ok(ConnectContainerToNetworkDocument, { networkId: network.id, containerId: container.id, aliases: ['db'] }, token);
      const attached = connectContainerToNetwork.networks.find((n) => n.name === network.name);
      expect(attached).toMatchObject({ networkId: network.dockerId });
      expect(attached!.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

      const { network: details } = await server.ok(NetworkDetailsDocument, { id: network.id }, token);
      expect(details.subnets.length).toBeGreaterThan(0);
      expect(details.containers).toEqual([expect.objectContaining({ dockerId: container.dockerId, name: container.name })]);

      const inUse = await server.request(RemoveNetworkDocument, { id: network.id }, token);
      expect(codeOf(inUse)).toBe('CONFLICT');

      const { disconnectContainerFromNetwork } = await server.ok(DisconnectContainerFromNetworkDocument, { networkId: network.id, containerId: container.id }, token);
      expect(disconnectContainerFromNetwork.networks.map((n) => n.name)).not.toContain(network.name);
    } finally {
      await server.request(RemoveContainerDocument, { id: container.id, force: true }, token);
    }
    expect((await server.ok(RemoveNetworkDocument, { id: network.id }, token)).removeNetwork).toBe(network.id);
    expect(codeOf(await server.request(NetworkDetailsDocument, { id: network.id }, token))).toBe('NOT_FOUND');
  });

  it('creates, inspects and removes volumes, and prune reports exactly what it removed and the space reclaimed', async () => {
    const docker = fleetDocker(fleet, 'socket');
    // Both carry this run's label, and the prune is limited to it: other volumes on the shared daemon are left alone.
    const run = named('run');
    const { createVolume: kept } = await server.ok(CreateVolumeDocument, { hostId, input: { name: named('kept'), labels: { keep: 'yes', 'test.run': run } } }, token);
    const { createVolume: spare } = await server.ok(CreateVolumeDocument, { hostId, input: { name: named('spare'), labels: { 'test.run': run } } }, token);
    const bystander = await docker.createVolume({ Name: named('bystander') }) as unknown as { name: string };
    expect((await server.ok(VolumeDetailsDocument, { id: kept.id }, token)).volume).toMatchObject({ name: kept.name, driver: 'local', labels: { keep: 'yes' } });

    // Put 1 MiB into the spare volume, then leave it unused; keep the other in use by a container.
    const writer = await docker.createContainer({ Image: fleet.image, Cmd: ['dd', 'if=/dev/zero', 'of=/data/blob', 'bs=1024', 'count=1024'], HostConfig: { Binds: [`${spare.name}:/data`], NetworkMode: 'none' } });
    await writer.start();
    await writer.wait();
    await writer.remove();
    const { createContainer: user } = await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name: named('user'), network: 'none', mounts: [{ type: MountType.Volume, source: kept.name, target: '/data' }] } }, token);
    try {
      expect(codeOf(await server.request(RemoveVolumeDocument, { id: kept.id }, token))).toBe('CONFLICT');
      const { pruneVolumes } = await server.ok(PruneVolumesDocument, { hostId, label: `test.run=${run}` }, token);
      expect(pruneVolumes.removed).toEqual([spare.name]);
      expect(pruneVolumes.spaceReclaimedBytes).toBeGreaterThanOrEqual(1024 * 1024);
      const names = (await server.ok(VolumesDocument, { filter: { hostId }, first: 500 }, token)).volumes.nodes.map((v) => v.name);
      expect(names).toContain(kept.name);
      expect(names).not.toContain(spare.name);
    } finally {
      await server.request(RemoveContainerDocument, { id: user.id, force: true }, token);
      await docker.getVolume(bystander.name).remove();
    }
    expect((await server.ok(RemoveVolumeDocument, { id: kept.id }, token)).removeVolume).toBe(kept.id);
    await waitFor(async () => !(await server.ok(VolumesDocument, { filter: { hostId }, first: 500 }, token)).volumes.nodes.some((v) => v.id === kept.id), { what: 'the volume gone' });
  });

  it('lets no other account or read-only token touch them', async () => {
    const { createVolume: volume } = await server.ok(CreateVolumeDocument, { hostId, input: { name: named('private') } }, token);
    const stranger = await server.token();
    const reader = await server.token({ permissions: ['docker.hosts.read'] });
    expect(codeOf(await server.request(RemoveVolumeDocument, { id: volume.id }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await server.request(VolumeDetailsDocument, { id: volume.id }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await server.request(PruneVolumesDocument, { hostId }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await server.request(RemoveVolumeDocument, { id: volume.id }, reader))).toBe('FORBIDDEN');
    expect(codeOf(await server.request(CreateNetworkDocument, { hostId, input: { name: named('x') } }, reader))).toBe('FORBIDDEN');
    await server.ok(RemoveVolumeDocument, { id: volume.id }, token);
  });
});
