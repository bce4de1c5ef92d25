import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import { ContainersDocument, CreateContainerDocument, CreateVolumeDocument, ExecInContainerDocument, MountType, RestartContainerDocument, StartContainerDocument, type CreateContainerInput } from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { TestServer, codeOf, newAccountId, registerFleetHost, type GraphQLResponse } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * The workload policy judges what a workload effectively reaches, on the real main daemon: a manage-only token may not
 * reach the host through another container's namespaces, an exec, or a named volume that binds a host path.
 */
describe('the workload policy on the real fleet', () => {
  let fleet: Fleet;
  let docker: Docker;
  let server: TestServer;
  let hostId: string;
  let manage: string;
  let privileged: string;
  const accountId = newAccountId();
  /** Every container and volume this run makes carries it: what exists on the daemon is read by it. */
  const run = `policy-${randomUUID().slice(0, 8)}`;
  const madeVolumes: string[] = [];

  beforeAll(async () => {
    fleet = loadFleet();
    docker = fleetDocker(fleet, 'socket');
    server = await TestServer.syncing();
    privileged = await server.token({ accountId, permissions: ['docker.hosts.manage', 'docker.hosts.privileged'] });
    manage = await server.token({ accountId, permissions: ['docker.hosts.manage'] });
    hostId = await registerFleetHost(server, privileged, 'socket', 'policy');
  });
  afterAll(async () => {
    try {
      const left = await docker.listContainers({ all: true, filters: { label: [`run=${run}`] } });
      await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
      await Promise.all(madeVolumes.map((name) => docker.getVolume(name).remove().catch(() => undefined)));
    } finally {
      await server?.close();
    }
  });

  const named = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  const create = (input: Partial<CreateContainerInput>, token: string) =>
    server.request(CreateContainerDocument, { hostId, input: { image: fleet.image, network: 'none', command: ['sleep', '300'], ...input, labels: { run } } as CreateContainerInput }, token);
  const running = async (input: Partial<CreateContainerInput>, token = privileged) => {
    const made = (await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name: named('c'), network: 'none', command: ['sleep', '300'], ...input, labels: { run } } as CreateContainerInput }, token)).createContainer;
    await server.ok(StartContainerDocument, { id: made.id }, token);
    return made;
  };
  const namesOnDaemon = async () => (await docker.listContainers({ all: true, filters: { label: [`run=${run}`] } })).map((c) => c.Names[0]!.replace(/^\//, '')).sort();
  const refusal = (result: GraphQLResponse<unknown>) => ({ code: codeOf(result), field: result.errors?.[0]?.extensions?.field });

  it("refuses joining the namespaces of a container that reaches the host, and allows joining an ordinary container's", async () => {
    const netAdmin = await running({ capAdd: ['NET_ADMIN'] });
    const hostPid = await running({ pidMode: 'host' });
    const ordinary = await running({}, manage);
    const before = await namesOnDaemon();

    for (const [input, field] of [
      [{ network: `container:${netAdmin.name}` }, 'network'],
      [{ network: `container:${netAdmin.dockerId}` }, 'network'],
      [{ pidMode: `container:${hostPid.name}` }, 'pidMode'],
      [{ ipcMode: `container:${netAdmin.dockerId.slice(0, 12)}` }, 'ipcMode'],
    ] as const) {
      const refused = await create({ name: named('joiner'), ...input }, manage);
      expect({ input, ...refusal(refused) }).toEqual({ input, code: 'FORBIDDEN', field });
      expect(refused.errors?.[0]?.message).toContain('docker.hosts.privileged');
    }
    expect(await namesOnDaemon()).toEqual(before); // nothing half-made

    const joiner = await create({ name: named('joiner'), network: `container:${ordinary.name}`, pidMode: `container:${ordinary.dockerId}` }, manage);
    expect(joiner.errors).toBeUndefined();
    await server.ok(StartContainerDocument, { id: joiner.data!.createContainer.id }, manage);
    const inspected = await docker.getContainer(joiner.data!.createContainer.dockerId).inspect();
    expect(inspected.HostConfig.NetworkMode).toBe(`container:${ordinary.dockerId}`);
    expect(inspected.State.Running).toBe(true);

    // The privileged permission may join what it made.
    const allowed = await create({ network: `container:${netAdmin.name}` }, privileged);
    expect(allowed.errors).toBeUndefined();
  });

  it("refuses joining a container the caller's host does not have, as bad input, with or without the privileged permission", async () => {
    const elsewhere = await server.token({ permissions: ['docker.hosts.manage', 'docker.hosts.privileged'] });
    const otherHost = await registerFleetHost(server, elsewhere, 'tcp', 'elsewhere');
    const theirs = (await server.ok(CreateContainerDocument, { hostId: otherHost, input: { image: fleet.image, name: named('theirs'), network: 'none', labels: { run } } }, elsewhere)).createContainer;
    try {
      const before = await namesOnDaemon();
      for (const token of [manage, privileged]) {
        for (const ref of [theirs.dockerId, theirs.name, named('missing')]) {
          const refused = await create({ network: `container:${ref}` }, token);
          expect({ ref, ...refusal(refused) }).toEqual({ ref, code: 'BAD_USER_INPUT', field: 'network' });
        }
      }
      expect(await namesOnDaemon()).toEqual(before);
    } finally {
      await fleetDocker(fleet, 'tcp').getContainer(theirs.dockerId).remove({ force: true });
    }
  });

  it('refuses exec into a container that reaches the host, or as root in one made to run unprivileged; exec into an ordinary one works', async () => {
    const netAdmin = await running({ capAdd: ['NET_ADMIN'] });
    const joinsHost = await running({ network: 'host' });
    const ordinary = await running({}, manage);
    const unprivileged = await running({ user: '1000' }, manage);
    const exec = (id: string, token: string, user?: string) => server.request(ExecInContainerDocument, { id, command: ['id', '-u'], user }, token);

    expect(refusal(await exec(netAdmin.id, manage))).toEqual({ code: 'FORBIDDEN', field: 'id' });
    expect(refusal(await exec(joinsHost.id, manage))).toEqual({ code: 'FORBIDDEN', field: 'id' });
    expect(refusal(await exec(unprivileged.id, manage, 'root'))).toEqual({ code: 'FORBIDDEN', field: 'user' });
    expect(refusal(await exec(unprivileged.id, manage, '0:0'))).toEqual({ code: 'FORBIDDEN', field: 'user' });

    expect((await server.ok(ExecInContainerDocument, { id: ordinary.id, command: ['id', '-u'] }, manage)).execInContainer).toMatchObject({ exitCode: 0, stdout: '0\n' });
    expect((await server.ok(ExecInContainerDocument, { id: unprivileged.id, command: ['id', '-u'] }, manage)).execInContainer).toMatchObject({ exitCode: 0, stdout: '1000\n' });
    expect((await server.ok(ExecInContainerDocument, { id: netAdmin.id, command: ['id', '-u'], user: '0' }, privileged)).execInContainer).toMatchObject({ exitCode: 0, stdout: '0\n' });
  });

  it('refuses starting or restarting a container that reaches the host (made outside the product, or by a privileged token); ordinary ones restart', async () => {
    const name = named('stopped-netadmin');
    await docker.createContainer({ Image: fleet.image, name, Cmd: ['sleep', '300'], Labels: { run }, HostConfig: { NetworkMode: 'none', CapAdd: ['NET_ADMIN'] } }); // (privileged mode itself cannot run in this sandbox)
    const { containers } = await waitFor(async () => {
      const found = await server.ok(ContainersDocument, { filter: { hostId, name }, first: 1 }, manage);
      return found.containers.nodes[0] && found;
    }, { what: `${name} in the inventory` });
    const stopped = containers.nodes[0]!;
    expect(refusal(await server.request(StartContainerDocument, { id: stopped.id }, manage))).toEqual({ code: 'FORBIDDEN', field: 'id' });
    expect((await docker.getContainer(name).inspect()).State.Running).toBe(false);
    const netAdmin = await running({ capAdd: ['NET_ADMIN'] });
    expect(refusal(await server.request(RestartContainerDocument, { id: netAdmin.id }, manage))).toEqual({ code: 'FORBIDDEN', field: 'id' });
    expect((await server.ok(StartContainerDocument, { id: stopped.id }, privileged)).startContainer.state).toBe('RUNNING');
    const ordinary = await running({}, manage);
    expect((await server.ok(RestartContainerDocument, { id: ordinary.id }, manage)).restartContainer.state).toBe('RUNNING');
  });

  it('judges containers made outside the product by what Docker really gave them: unmasked /proc, device rules, volumes from a bind', async () => {
    const outside = async (hostConfig: Docker.HostConfig) => {
      const name = named('outside');
      const made = await docker.createContainer({ Image: fleet.image, name, Cmd: ['sleep', '300'], Labels: { run }, HostConfig: { NetworkMode: 'none', ...hostConfig } });
      await made.start();
      const { containers } = await waitFor(async () => {
        const found = await server.ok(ContainersDocument, { filter: { hostId, name }, first: 1 }, manage);
        return found.containers.nodes[0]?.state === 'RUNNING' && found;
      }, { what: `${name} in the inventory` });
      return containers.nodes[0]!;
    };
    const binder = await outside({ Binds: ['/etc:/host-etc:ro'] });
    const cases = [
      await outside({ MaskedPaths: [] } as Docker.HostConfig), // what `--security-opt systempaths=unconfined` leaves
      await outside({ DeviceCgroupRules: ['c 1:3 rwm'] } as Docker.HostConfig),
      await outside({ VolumesFrom: [binder.name] }),
    ];
    const before = await namesOnDaemon();
    for (const container of [binder, ...cases]) {
      expect({ name: container.name, ...refusal(await server.request(ExecInContainerDocument, { id: container.id, command: ['true'] }, manage)) }).toEqual({ name: container.name, code: 'FORBIDDEN', field: 'id' });
      expect({ name: container.name, ...refusal(await create({ network: `container:${container.name}` }, manage)) }).toEqual({ name: container.name, code: 'FORBIDDEN', field: 'network' });
    }
    expect(await namesOnDaemon()).toEqual(before);
  });

  it('refuses mounting a named volume whose driver options bind a host path, made by the product or outside it', async () => {
    const viaProduct = named('bind-vol');
    madeVolumes.push(viaProduct);
    await server.ok(CreateVolumeDocument, { hostId, input: { name: viaProduct, driverOpts: { type: 'none', o: 'bind', device: '/etc' }, labels: { run } } }, privileged);
    const outside = named('outside-vol');
    madeVolumes.push(outside);
    await docker.createVolume({ Name: outside, Driver: 'local', DriverOpts: { type: 'none', o: 'bind', device: '/etc' }, Labels: { run } });
    const before = await namesOnDaemon();

    for (const name of [viaProduct, outside]) {
      const refused = await create({ mounts: [{ type: MountType.Tmpfs, target: '/scratch' }, { type: MountType.Volume, source: name, target: '/data' }] }, manage);
      expect({ name, ...refusal(refused) }).toEqual({ name, code: 'FORBIDDEN', field: 'mounts[1].source' });
      expect(refused.errors?.[0]?.message).toContain('/etc');
    }
    expect(await namesOnDaemon()).toEqual(before);

    // An exec into a container that has one mounted is refused too.
    const holder = await running({ mounts: [{ type: MountType.Volume, source: outside, target: '/data', readOnly: true }] });
    expect(refusal(await server.request(ExecInContainerDocument, { id: holder.id, command: ['true'] }, manage))).toEqual({ code: 'FORBIDDEN', field: 'id' });
  });

  it('refuses creating a volume whose driver options mount something of the host, and leaves none behind; a tmpfs volume is fine', async () => {
    for (const driverOpts of [{ type: 'none', o: 'bind', device: '/etc' }, { type: 'ext4', device: '/dev/loop0' }]) {
      const name = named('refused-vol');
      const refused = await server.request(CreateVolumeDocument, { hostId, input: { name, driverOpts, labels: { run } } }, manage);
      expect({ driverOpts, ...refusal(refused) }).toEqual({ driverOpts, code: 'FORBIDDEN', field: 'driverOpts' });
      await expect(docker.getVolume(name).inspect()).rejects.toMatchObject({ statusCode: 404 });
    }
    const notText = await server.request(CreateVolumeDocument, { hostId, input: { name: named('refused-vol'), driverOpts: { size: 5 } as unknown as Record<string, string> } }, privileged);
    expect(refusal(notText)).toEqual({ code: 'BAD_USER_INPUT', field: 'driverOpts.size' });
    const scratch = named('tmpfs-vol');
    madeVolumes.push(scratch);
    const made = await server.request(CreateVolumeDocument, { hostId, input: { name: scratch, driverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=16m' }, labels: { run } } }, manage);
    expect(made.errors).toBeUndefined();
    expect((await docker.getVolume(scratch).inspect()).Options).toEqual({ type: 'tmpfs', device: 'tmpfs', o: 'size=16m' });
  });
});
