import net from 'node:net';
import { Permission } from '../../src/auth/permissions';
import { DockerHostChangedDocument, DockerHostDocument, DockerHostEnvironment, RecoverDockerHostDocument, RegisterDockerHostDocument } from '../generated/graphql';
import { startFakeEndpoint, type FakeEndpoint } from '../support/fake-endpoints';
import { TestServer, newAccountId } from '../support/harness';
import { nextEvent, subscribe } from '../support/subscriptions';

const MANAGER = [Permission.DockerHostsManage];
const ADMIN = [Permission.DockerHostsManage, Permission.DockerHostsPrivileged];

/** A port on loopback that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Registering endpoints must not be a port and file scanner for a non-admin: in production the ways an endpoint fails
 * to be a Docker API (refused, not HTTP/Docker, no such socket, a file that is not one, silence) all read the same to
 * a caller without docker.hosts.privileged. The detail stays in the server log and for privileged callers.
 */
describe('endpoint errors at registration', () => {
  const endpoints: FakeEndpoint[] = [];
  let targets: Record<string, string>;
  beforeAll(async () => {
    const [http404, json] = [await startFakeEndpoint('http-404'), await startFakeEndpoint('http-json-error')];
    endpoints.push(http404, json);
    targets = {
      closed: `tcp://127.0.0.1:${await closedPort()}`,
      notDocker: http404.endpoint,
      jsonService: json.endpoint,
      noFile: 'unix:///nonexistent/docker.sock',
      notASocket: 'unix:///etc/hostname',
    };
  });
  afterAll(async () => {
    await Promise.all(endpoints.map((e) => e.close()));
  });

  async function registerAll(server: TestServer, token: string): Promise<Record<string, { id: string; lastError?: string | null; lastErrorCode?: string | null }>> {
    const hosts: Record<string, { id: string; lastError?: string | null; lastErrorCode?: string | null }> = {};
    for (const [name, apiEndpoint] of Object.entries(targets)) {
      hosts[name] = (await server.ok(RegisterDockerHostDocument, { input: { name, apiEndpoint, environment: DockerHostEnvironment.Development } }, token)).registerDockerHost;
    }
    return hosts;
  }

  describe('in production', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await TestServer.start({ NODE_ENV: 'production', ALLOW_UNIX_SOCKET_ENDPOINTS: 'true' });
    });
    afterAll(() => server?.close());

    it('gives a caller without docker.hosts.privileged one coarse answer for every failure, and the admin the detail', async () => {
      const accountId = newAccountId();
      const manager = await server.token({ accountId, permissions: MANAGER });
      const hosts = await registerAll(server, manager);
      for (const host of Object.values(hosts)) {
        expect(host).toMatchObject({ lastErrorCode: 'HOST_UNREACHABLE', lastError: 'could not reach a Docker API at this endpoint (details in the server log)' });
      }

      const admin = await server.token({ accountId, permissions: ADMIN });
      const exact = async (name: string) => (await server.ok(DockerHostDocument, { id: hosts[name]!.id }, admin)).dockerHost!;
      expect(await exact('closed')).toMatchObject({ lastErrorCode: 'HOST_UNREACHABLE', lastError: expect.stringContaining('ECONNREFUSED') });
      expect(await exact('notDocker')).toMatchObject({ lastErrorCode: 'NOT_DOCKER_API' });
      expect(await exact('noFile')).toMatchObject({ lastError: expect.stringContaining('no Docker socket at unix:///nonexistent/docker.sock') });
      expect((await exact('notASocket')).lastError).not.toBe((await exact('noFile')).lastError);
      // Reading it back again as the manager: still coarse (the stored row keeps the detail, the view hides it).
      expect((await server.ok(DockerHostDocument, { id: hosts.notDocker!.id }, manager)).dockerHost).toMatchObject({ lastErrorCode: 'HOST_UNREACHABLE' });

      const logs = server.logs.join('');
      expect(logs).toContain('ECONNREFUSED');
      expect(logs).toContain('no Docker socket at unix:///nonexistent/docker.sock');
      expect(logs).not.toContain('internal-service-secret'); // the JSON service's own words are not even logged as lastError
    });

    it('coarsens the same fields in dockerHostChanged', async () => {
      const accountId = newAccountId();
      const manager = await server.token({ accountId, permissions: MANAGER });
      const { id } = (await server.ok(RegisterDockerHostDocument, { input: { name: 'watched', apiEndpoint: targets.notDocker!, environment: DockerHostEnvironment.Development } }, manager)).registerDockerHost;
      const client = server.wsClient({ authorization: `Bearer ${manager}` });
      try {
        const changes = subscribe(client, DockerHostChangedDocument, { hostId: id });
        // Each recovery clears lastError and checks again, which fails again: a change to publish every time.
        const event = await nextEvent(changes, () => server.ok(RecoverDockerHostDocument, { id }, manager));
        expect(event.data?.dockerHostChanged).toMatchObject({ lastErrorCode: 'HOST_UNREACHABLE', lastError: 'could not reach a Docker API at this endpoint (details in the server log)' });
      } finally {
        await client.dispose();
      }
    });
  });

  describe('in development', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await TestServer.start();
    });
    afterAll(() => server?.close());

    it('keeps the precise error for every caller', async () => {
      const hosts = await registerAll(server, await server.token({ permissions: MANAGER }));
      expect(hosts.closed).toMatchObject({ lastErrorCode: 'HOST_UNREACHABLE', lastError: expect.stringContaining('ECONNREFUSED') });
      expect(hosts.notDocker).toMatchObject({ lastErrorCode: 'NOT_DOCKER_API' });
      expect(hosts.noFile!.lastError).toContain('no Docker socket');
    });
  });
});
