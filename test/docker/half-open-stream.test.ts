import { randomUUID } from 'node:crypto';
import { ContainersDocument, DockerHostDocument, DockerHostEnvironment, DockerHostStatus, RegisterDockerHostDocument, SyncDockerHostDocument } from '../generated/graphql';
import { fleetDocker, loadFleet } from '../support/fleet';
import { TestServer } from '../support/harness';
import { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

/**
 * Docker's event stream has no heartbeat: when the network path dies without a FIN (a dropped route, a dead NAT
 * entry), the stream just goes quiet. A quiet stream is probed with /_ping; when that fails, the stream is dropped, the
 * failure counted, and the host re-listed once it answers again.
 */
describe('a half-open event stream', () => {
  let server: TestServer;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const fleet = loadFleet();
    const target = new URL(fleet.tcpEndpoint);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port) });
    server = await TestServer.syncing({ EVENT_PROBE_SECONDS: '1', DOCKER_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
  });

  it('is caught by the /_ping probe, counted as a failure, and replaced once the host answers again', async () => {
    const fleet = loadFleet();
    const token = await server.token();
    const input = { name: 'behind-proxy', apiEndpoint: proxy.endpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    // Settled: stream open and the first full sync done (a sync in flight would time out and end the stream itself).
    await waitFor(() => { const s = server.app.syncWorker.supervisor(host.id); return s?.streaming && !s.busy; }, { what: 'the event stream, idle' });

    proxy.freeze(); // every byte stops, no connection is closed
    const lost = await waitFor(async () => {
      const { dockerHost } = await server.ok(DockerHostDocument, { id: host.id }, token);
      return dockerHost?.status === DockerHostStatus.Disconnected && dockerHost;
    }, { what: 'the probe to notice', timeoutMs: 10_000 });
    expect(lost).toMatchObject({ consecutiveFailures: 1, lastErrorCode: 'HOST_TIMEOUT' });
    expect(server.app.syncWorker.supervisor(host.id)?.streaming).toBe(false);
    // Nothing but the probe could have ended it: a frozen path sends no FIN and no error.
    await waitFor(() => server.logs.join('').includes('stopped answering /_ping'), { what: 'the probe failure in the log', timeoutMs: 3000 });

    proxy.thaw();
    const { syncDockerHost } = await server.ok(SyncDockerHostDocument, { id: host.id }, token);
    expect(syncDockerHost).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0 });
    await waitFor(() => server.app.syncWorker.supervisor(host.id)?.streaming, { what: 'a new event stream' });

    // The new stream carries events again: a container made now shows up without waiting for the interval.
    const docker = fleetDocker(fleet, 'tcp');
    const name = `after-thaw-${randomUUID().slice(0, 8)}`;
    const container = await docker.createContainer({ Image: fleet.image, name, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
    try {
      await waitFor(async () => (await server.ok(ContainersDocument, { filter: { hostId: host.id, name } }, token)).containers.totalCount === 1, { what: 'the container via the new stream' });
    } finally {
      await container.remove({ force: true });
    }
  });
});
