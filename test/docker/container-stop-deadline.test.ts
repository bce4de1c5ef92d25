import { randomUUID } from 'node:crypto';
import { ContainersDocument, CreateContainerDocument, RemoveContainerDocument, RestartContainerDocument, StartContainerDocument, StopContainerDocument, SyncDockerHostDocument } from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { TestServer, newAccountId, registerFleetHost } from '../support/harness';

/** A stop waits as long as it asked Docker to: the Engine deadline is the grace period plus DOCKER_TIMEOUT_MS. */
describe('stop and restart deadlines on the real fleet', () => {
  let fleet: Fleet;
  let server: TestServer;
  let token: string;
  let hostId: string;
  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.start();
    token = await server.token({ accountId: newAccountId() });
    hostId = await registerFleetHost(server, token, 'tls', 'deadline-tls');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a stop of a container that ignores SIGTERM after its 7 s grace period, and a restart after the default 10 s, not HOST_TIMEOUT', async () => {
    expect(Number(process.env.DOCKER_TIMEOUT_MS)).toBeLessThan(7000); // else this would prove nothing
    // sh as PID 1 with TERM ignored: only the SIGKILL after the grace period ends it.
    const input = { image: fleet.image, name: `stubborn-${randomUUID().slice(0, 8)}`, network: 'none', command: ['sh', '-c', 'trap "" TERM; sleep 1000'] };
    const { createContainer } = await server.ok(CreateContainerDocument, { hostId, input }, token);
    const id = createContainer.id;
    try {
      await server.ok(StartContainerDocument, { id }, token);
      const stopping = Date.now();
      const { stopContainer } = await server.ok(StopContainerDocument, { id, timeoutSeconds: 7 }, token);
      expect(Date.now() - stopping).toBeGreaterThanOrEqual(7000);
      expect(stopContainer).toMatchObject({ state: 'EXITED', exitCode: 137 });

      await server.ok(StartContainerDocument, { id }, token);
      const restarting = Date.now();
      const { restartContainer } = await server.ok(RestartContainerDocument, { id }, token);
      expect(Date.now() - restarting).toBeGreaterThanOrEqual(10_000);
      expect(restartContainer.state).toBe('RUNNING');
    } finally {
      await server.request(RemoveContainerDocument, { id, force: true }, token);
    }
  });

  it('waits out the grace period a container was created with (--stop-timeout) when a stop names none', async () => {
    // Made outside the product, as `docker run --stop-timeout 14` would: past the 10 s default plus the deadline.
    const docker = fleetDocker(fleet, 'tls');
    const made = await docker.createContainer({ Image: fleet.image, name: `own-grace-${randomUUID().slice(0, 8)}`, Cmd: ['sh', '-c', 'trap "" TERM; sleep 1000'], StopTimeout: 14, HostConfig: { NetworkMode: 'none' } });
    try {
      await made.start();
      await server.ok(SyncDockerHostDocument, { id: hostId }, token);
      const { containers } = await server.ok(ContainersDocument, { filter: { hostId, name: (await made.inspect()).Name.slice(1) } }, token);
      const stopping = Date.now();
      const { stopContainer } = await server.ok(StopContainerDocument, { id: containers.nodes[0]!.id }, token);
      expect(Date.now() - stopping).toBeGreaterThanOrEqual(14_000);
      expect(stopContainer).toMatchObject({ state: 'EXITED', exitCode: 137 });
    } finally {
      await made.remove({ force: true });
    }
  });
});
