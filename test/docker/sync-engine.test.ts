import { randomUUID } from 'node:crypto';
import { ContainerDocument, ContainersDocument, DockerHostEnvironment, RegisterDockerHostDocument } from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { TestServer, codeOf } from '../support/harness';
import { containerFromInspect, containerFromList } from '../../src/docker/docker.mapping';
import { recordStatements } from '../support/inventory-fixtures';

/** The full sync (the periodic reconcile) against a real host, driven directly: no worker runs in this file. */
describe('full sync on a real host', () => {
  let fleet: Fleet;
  let server: TestServer;
  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function register(token: string) {
    const input = { name: `sync-${randomUUID().slice(0, 6)}`, apiEndpoint: fleet.tcpEndpoint, environment: DockerHostEnvironment.Development };
    return (await server.ok(RegisterDockerHostDocument, { input }, token)).registerDockerHost;
  }

  it('writes no inventory row and publishes nothing when nothing changed', async () => {
    const token = await server.token();
    const host = await register(token);
    // Registration synced it; one more sync settles what may come late (disk usage has its own short deadline).
    expect(await server.app.sync.fullSync(host.id)).toMatchObject({ ok: true, written: 0 });
    const { result, statements } = await recordStatements(server.app.orm, () => server.app.sync.fullSync(host.id));
    expect(result).toMatchObject({ ok: true, written: 0, published: 0 });
    // Reads, and one bookkeeping update of the host (lastSyncedAt); no inventory table is written.
    expect(statements.filter((sql) => /^(insert|delete)/i.test(sql))).toEqual([]);
    expect(statements.filter((sql) => /^update/i.test(sql)).every((sql) => sql.startsWith('update "docker_hosts"'))).toBe(true);
  });

  it('maps a container identically from the list and from an inspect (or every sync would rewrite rows)', async () => {
    const docker = fleetDocker(fleet, 'tcp');
    const name = `same-${randomUUID().slice(0, 8)}`;
    const container = await docker.createContainer({
      Image: fleet.image,
      name,
      Cmd: ['sh', '-c', 'exit 2'],
      Labels: { b: '2', a: '1' },
      ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
      HostConfig: { NetworkMode: 'none', Binds: ['/tmp:/data:ro'] },
    });
    try {
      await container.start();
      await container.wait();
      const [row] = await docker.listContainers({ all: true, filters: { name: [name] } });
      const { detailed: _a, startedAt, finishedAt, ...fromInspect } = containerFromInspect(await container.inspect());
      const { detailed: _b, ...fromList } = containerFromList(row!);
      expect(fromList).toEqual(fromInspect);
      expect(fromInspect).toMatchObject({ state: 'exited', exitCode: 2, mounts: [{ type: 'bind', source: '/tmp', destination: '/data', readOnly: true }] });
      // Docker's own clocks: a quick container's FinishedAt can read a millisecond before its StartedAt.
      expect(Math.abs(finishedAt!.getTime() - startedAt!.getTime())).toBeLessThan(5000);
    } finally {
      await container.remove({ force: true });
    }
  });

  it('picks up what changed behind its back on the next full sync (no event stream here)', async () => {
    const token = await server.token();
    const host = await register(token);
    const docker = fleetDocker(fleet, 'tcp');
    const name = `behind-${randomUUID().slice(0, 8)}`;
    const container = await docker.createContainer({ Image: fleet.image, name, Cmd: ['sh', '-c', 'exit 3'], HostConfig: { NetworkMode: 'none' } });
    try {
      await container.start();
      await container.wait();
      const synced = await server.app.sync.fullSync(host.id);
      expect(synced.written).toBeGreaterThanOrEqual(1);
      // Stored from its list row at once; its start and finish times follow in the sync's second pass (list first).
      const listed = await server.ok(ContainersDocument, { filter: { hostId: host.id, name } }, token);
      expect(listed.containers.nodes[0]).toMatchObject({ state: 'EXITED', exitCode: 3, dockerId: container.id });
      await server.app.sync.idle();
      const { containers } = await server.ok(ContainersDocument, { filter: { hostId: host.id, name } }, token);
      expect(containers.nodes[0]).toMatchObject({ state: 'EXITED', exitCode: 3, dockerId: container.id });
      expect(containers.nodes[0]!.finishedAt).not.toBeNull();
      expect(Date.parse(containers.nodes[0]!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(containers.nodes[0]!.startedAt!) - 1000);

      await container.remove();
      expect((await server.app.sync.fullSync(host.id)).written).toBe(1);
      expect(codeOf(await server.request(ContainerDocument, { id: containers.nodes[0]!.id }, token))).toBe('NOT_FOUND');
    } finally {
      await container.remove({ force: true }).catch(() => undefined);
    }
  });

});
