import {
  DockerHostDocument,
  DockerHostEnvironment,
  DockerHostStatus,
  RecoverDockerHostDocument,
  RegisterDockerHostDocument,
  SyncDockerHostDocument,
} from '../generated/graphql';
import { dockerPsA, loadFleet } from '../support/fleet';
import { TestServer, codeOf, inventoryOf } from '../support/harness';
import { PrivateDaemon } from '../support/private-daemon';
import { waitFor } from '../support/wait';

/**
 * A dockerd this test owns is killed -9 while its host is being synced: nothing is half-written, failures are
 * counted up to ERROR, and after the daemon is back and the host recovered, the inventory equals `docker ps -a` —
 * including containers that died during the outage.
 */
describe('a Docker daemon that crashes', () => {
  let daemon: PrivateDaemon;
  let server: TestServer;
  beforeAll(async () => {
    daemon = await PrivateDaemon.start();
    server = await TestServer.syncing({ DOCKER_TIMEOUT_MS: '1500' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await daemon?.stop();
  }, 120_000);

  it('leaves no half-written host, goes to ERROR after the fifth failure, and matches docker ps -a after recovery', async () => {
    const fleet = loadFleet();
    const { docker } = daemon;
    // StopTimeout 1: the restarted dockerd stops leftover containers quickly (sleep as PID 1 ignores SIGTERM).
    const make = async (name: string, cmd: string[], start: boolean) => {
      const c = await docker.createContainer({ Image: fleet.image, name, Cmd: cmd, StopTimeout: 1, HostConfig: { NetworkMode: 'none' } });
      if (start) await c.start();
      return c;
    };
    await make('keeper', ['sleep', '300'], true);
    const doomed = await make('doomed', ['sleep', '300'], true);
    const finished = await make('finished', ['true'], true);
    await finished.wait();
    for (let i = 0; i < 20; i++) await make(`idle-${i}`, ['true'], false);

    const token = await server.token();
    const input = { name: 'crashy', apiEndpoint: daemon.endpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    expect(host.status).toBe(DockerHostStatus.Connected);
    await waitFor(() => server.app.syncWorker.supervisor(host.id)?.streaming, { what: 'the event stream' });
    const inventory = () => inventoryOf(server, token, host.id);
    const before = await inventory();
    expect(Object.keys(before)).toHaveLength(23);

    // dockerd dies while a full sync is under way.
    const doomedPid = await daemon.containerPid(doomed.id);
    const sync = server.app.sync.fullSync(host.id);
    await daemon.kill();
    const interrupted = await sync; // (measured: it fails with HOST_UNREACHABLE: its Engine calls find no daemon)
    if (!interrupted.ok) expect(interrupted.error?.code).toBe('HOST_UNREACHABLE');
    expect(await inventory()).toEqual(before); // nothing half-written: the sync committed whole, or not at all

    // Failures are counted: DISCONNECTED until the fifth, then ERROR, where manual syncs are refused.
    // (The host's own supervisor also counts: its stream broke and it re-synced once. Either may reach the fifth.)
    let failures = 0;
    while (failures < 5) {
      const attempt = await server.request(SyncDockerHostDocument, { id: host.id }, token);
      const synced = attempt.data?.syncDockerHost ?? (codeOf(attempt) === 'CONFLICT' ? (await server.ok(DockerHostDocument, { id: host.id }, token)).dockerHost! : undefined);
      expect(synced).toBeDefined();
      expect(synced!.consecutiveFailures).toBeGreaterThan(failures);
      failures = synced!.consecutiveFailures;
      expect(synced!.status).toBe(failures >= 5 ? DockerHostStatus.Error : DockerHostStatus.Disconnected);
      expect(synced!.lastErrorCode).toBe('HOST_UNREACHABLE');
    }
    expect(failures).toBe(5);
    expect(codeOf(await server.request(SyncDockerHostDocument, { id: host.id }, token))).toBe('CONFLICT');
    await waitFor(() => !server.app.syncWorker.supervisor(host.id), { what: 'the worker to let the ERROR host go' });
    expect(await inventory()).toEqual(before); // the failures wrote no inventory

    // A container dies during the outage; then the daemon comes back (and stops what was still running).
    process.kill(doomedPid, 'SIGKILL');
    await daemon.restart();
    const { recoverDockerHost } = await server.ok(RecoverDockerHostDocument, { id: host.id }, token);
    expect(recoverDockerHost).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0 });

    const truth = await dockerPsA(docker);
    expect(truth.doomed).toEqual({ state: 'EXITED', exitCode: 137 });
    expect(await inventory()).toEqual(truth);
    const { dockerHost } = await server.ok(DockerHostDocument, { id: host.id }, token);
    expect(dockerHost?.containerCount).toBe(23);
    await waitFor(() => server.app.syncWorker.supervisor(host.id)?.streaming, { what: 'the event stream to be back' });
  });
});
