import { ConnectDockerHostDocument, DockerHostDocument, DockerHostEnvironment, DockerHostStatus, RegisterDockerHostDocument, SetDockerHostMaintenanceDocument, UpdateDockerHostDocument } from '../generated/graphql';
import { startFakeEndpoint, type FakeEndpoint } from '../support/fake-endpoints';
import { TestServer } from '../support/harness';

/** A check waits seconds on the Engine; what users do meanwhile must not be overwritten by its result. */
describe('a health check racing a user action', () => {
  let server: TestServer;
  let silent: FakeEndpoint;
  beforeAll(async () => {
    server = await TestServer.start({ DOCKER_TIMEOUT_MS: '1500' });
    silent = await startFakeEndpoint('silent');
  });
  afterAll(async () => {
    await silent?.close();
    await server?.close();
  });

  it('keeps a host in maintenance when a check started before it finishes after it', async () => {
    const token = await server.token();
    const input = { name: 'slow', apiEndpoint: silent.endpoint, environment: DockerHostEnvironment.Development };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    expect(host).toMatchObject({ status: DockerHostStatus.Pending, consecutiveFailures: 1, lastErrorCode: 'HOST_TIMEOUT' });

    const connected = silent.nextConnection();
    const check = server.ok(ConnectDockerHostDocument, { id: host.id }, token);
    await connected; // the check is now waiting on the Engine
    const { setDockerHostMaintenance } = await server.ok(SetDockerHostMaintenanceDocument, { id: host.id, enabled: true }, token);
    expect(setDockerHostMaintenance.status).toBe(DockerHostStatus.Maintenance);

    const { connectDockerHost } = await check;
    expect(connectDockerHost).toMatchObject({ status: DockerHostStatus.Maintenance, consecutiveFailures: 0 });
  });

  it('discards an in-flight check of the old endpoint once the host was re-pointed', async () => {
    const token = await server.token();
    const other = await startFakeEndpoint('http-json');
    try {
      const input = { name: 'moving', apiEndpoint: silent.endpoint, environment: DockerHostEnvironment.Development };
      const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
      const connected = silent.nextConnection();
      const staleCheck = server.ok(ConnectDockerHostDocument, { id: host.id }, token);
      await connected;
      const { updateDockerHost } = await server.ok(UpdateDockerHostDocument, { id: host.id, input: { apiEndpoint: other.endpoint } }, token);
      // Checks of one host run one after another: the update's check waited for the stale one, which was discarded
      // (its timeout against the old endpoint is not counted); the update's own check counts.
      expect(updateDockerHost).toMatchObject({ apiEndpoint: other.endpoint, consecutiveFailures: 2, lastErrorCode: 'NOT_DOCKER_API' });
      const { connectDockerHost } = await staleCheck;
      expect(connectDockerHost).toMatchObject({ apiEndpoint: other.endpoint, consecutiveFailures: 1, lastErrorCode: 'HOST_TIMEOUT' });
    } finally {
      await other.close();
    }
  });

  it('counts both failures of two checks that overlap', async () => {
    const token = await server.token();
    const input = { name: 'twice', apiEndpoint: silent.endpoint, environment: DockerHostEnvironment.Development };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    // The first check is in flight once its connection is open, and cannot end before the deadline: the second starts
    // inside it. (Both wait on the same client negotiation, so only one connection opens.)
    const connected = silent.nextConnection();
    const first = server.ok(ConnectDockerHostDocument, { id: host.id }, token);
    await connected;
    await Promise.all([first, server.ok(ConnectDockerHostDocument, { id: host.id }, token)]);
    const { dockerHost } = await server.ok(DockerHostDocument, { id: host.id }, token);
    expect(dockerHost?.consecutiveFailures).toBe(3);
  });

  it('gives a host to exactly one of two instances that tick at the same time', async () => {
    const token = await server.token();
    const input = { name: 'claimed', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    const other = await TestServer.start({ DOCKER_TIMEOUT_MS: '1500' });
    try {
      await Promise.all([server.app.syncWorker.tick(), other.app.syncWorker.tick()]);
      const owners = [server.app, other.app].filter((app) => app.syncWorker.hostIds.includes(host.id)).map((app) => app.instanceId);
      expect(owners).toHaveLength(1);
      const { dockerHost } = await server.ok(DockerHostDocument, { id: host.id }, token);
      expect(dockerHost?.syncOwner).toBe(owners[0]);
    } finally {
      await Promise.all([server.app.syncWorker.stop(), other.close()]);
    }
  });
});
