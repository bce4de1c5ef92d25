import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import {
  ContainerDocument,
  ContainerState,
  ContainerStateChangedDocument,
  ContainersDocument,
  DockerEventsDocument,
  DockerHostEnvironment,
  DockerHostHealthChangedDocument,
  ErrorEventsSinceDocument,
  EventSeverity,
  FleetInventoryDocument,
  HostHealthDocument,
  ImagesDocument,
  NetworksDocument,
  RegisterDockerHostDocument,
  VolumesDocument,
  type ContainerStateChangedSubscription,
  type DockerHostHealthChangedSubscription,
} from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { TestServer, expectInventoryToMatch } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

type Change = ContainerStateChangedSubscription['containerStateChanged'];

/**
 * The live inventory against real fleet hosts: the sync worker holds the host, its event stream is open, and what is
 * done to containers directly on Docker shows up in the inventory and in subscriptions long before the (hour-long)
 * sync interval could have brought it.
 */
describe('live inventory on the real fleet', () => {
  let fleet: Fleet;
  let server: TestServer;
  const created: Array<{ docker: Docker; id: string }> = [];

  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.syncing();
  });
  afterAll(async () => {
    await Promise.all(created.map(({ docker, id }) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
    await server?.close();
  });

  async function registerStreaming(which: 'tcp' | 'tls') {
    const token = await server.token();
    const input = {
      name: `live-${which}`,
      apiEndpoint: which === 'tcp' ? fleet.tcpEndpoint : fleet.tlsEndpoint,
      environment: DockerHostEnvironment.Development,
      syncIntervalSeconds: 3600,
      ...(which === 'tls' ? { tlsCredentials: fleet.tls } : {}),
    };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    expect(host.status).toBe('CONNECTED');
    await waitFor(() => server.app.syncWorker.supervisor(host.id)?.streaming, { what: 'the event stream of the host' });
    return { token, host, docker: fleetDocker(fleet, which) };
  }

  /**
   * Subscribes, then proves the subscription is registered on the server: creates probe containers until the CREATED
   * message of one arrives (the server registers a subscription some time after the client sends it).
   */
  async function liveChanges(token: string, hostId: string, docker: Docker) {
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const changes = new Collector<{ containerStateChanged: Change }>(subscribe(client, ContainerStateChangedDocument, { hostId }));
    for (let attempt = 0; ; attempt++) {
      const probe = `probe-${randomUUID().slice(0, 8)}`;
      const container = await docker.createContainer({ Image: fleet.image, name: probe, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
      created.push({ docker, id: container.id });
      try {
        await changes.waitFor((m) => m.containerStateChanged.container.name.startsWith('probe-'), { timeoutMs: 2000 });
        return { client, changes };
      } catch (error) {
        if (attempt > 20) throw error;
      }
    }
  }

  it.each(['tls', 'tcp'] as const)('follows a container through create, start, stop, start, kill and remove on the %s host', async (which) => {
    const { token, host, docker } = await registerStreaming(which);
    const { client, changes } = await liveChanges(token, host.id, docker);
    const name = `life-${randomUUID().slice(0, 8)}`;
    const seen = (state: ContainerState, extra: (c: Change) => boolean = () => true) =>
      changes.waitFor((m) => m.containerStateChanged.container.name === name && m.containerStateChanged.state === state && extra(m.containerStateChanged), { what: `${name} ${state}`, timeoutMs: 10_000 });
    const inInventory = async () => (await server.ok(ContainersDocument, { filter: { hostId: host.id, name } }, token)).containers.nodes[0];
    try {
      const container = await docker.createContainer({ Image: fleet.image, name, Cmd: ['sleep', '300'], Labels: { 'test.run': name }, HostConfig: { NetworkMode: 'none' } });
      created.push({ docker, id: container.id });
      const createdMsg = await seen(ContainerState.Created);
      expect(createdMsg.containerStateChanged.previousState).toBeNull();
      expect(await inInventory()).toMatchObject({ dockerId: container.id, state: 'CREATED', labels: { 'test.run': name }, image: fleet.image, command: 'sleep 300' });

      await container.start();
      const running = await seen(ContainerState.Running);
      expect(running.containerStateChanged).toMatchObject({ previousState: 'CREATED', container: { state: 'RUNNING' } });
      expect(running.containerStateChanged.container.startedAt).not.toBeNull();
      const fromList = await inInventory();
      expect(fromList).toMatchObject({ state: 'RUNNING', exitCode: null, host: { id: host.id } });
      expect(fromList!.status).toMatch(/^Up /);

      await container.stop({ t: 1 }); // busybox sleep as PID 1 ignores SIGTERM: killed after the timeout
      const stopped = await seen(ContainerState.Exited);
      expect(stopped.containerStateChanged).toMatchObject({ previousState: 'RUNNING', container: { exitCode: 137 } });

      await container.start();
      await seen(ContainerState.Running, (c) => c.previousState === 'EXITED');
      await container.kill();
      await seen(ContainerState.Exited, (c) => c.container.exitCode === 137 && changes.messages.filter((m) => m.containerStateChanged.container.name === name && m.containerStateChanged.state === 'EXITED').length === 2);
      const { container: exited } = await server.ok(ContainerDocument, { id: fromList!.id }, token);
      expect(exited).toMatchObject({ state: 'EXITED', exitCode: 137 });
      expect(new Date(exited!.finishedAt!).getTime()).toBeGreaterThan(new Date(exited!.startedAt!).getTime() - 5); // Docker's clocks, ms-rounded
      expect(exited!.status).toMatch(/^Exited \(137\)/);

      await container.remove();
      const removed = await seen(ContainerState.Removing, (c) => c.removed);
      // Docker marks it REMOVING while it deletes it; that is no step of its own: the removal follows the exit.
      expect(removed.containerStateChanged.previousState).toBe('EXITED');
      expect(await inInventory()).toBeUndefined();

      // The die with a signal exit code was stored, as a warning, and nothing of it is an ERROR.
      const { dockerEvents } = await server.ok(DockerEventsDocument, { filter: { hostId: host.id, action: 'die' }, first: 10 }, token);
      expect(dockerEvents.nodes.filter((e) => e.actorName === name).map((e) => e.severity)).toEqual([EventSeverity.Warning, EventSeverity.Warning]);
    } finally {
      await client.dispose();
    }
  });

  it('publishes container health changes on dockerHostChanged, and answers the runbook check "no new error events since"', async () => {
    const { token, host, docker } = await registerStreaming('tcp');
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const changes = new Collector<DockerHostHealthChangedSubscription>(subscribe(client, DockerHostHealthChangedDocument, { hostId: host.id }));
    const since = new Date().toISOString();
    const noErrors = await server.ok(ErrorEventsSinceDocument, { hostId: host.id, since }, token);
    expect(noErrors.dockerEvents.totalCount).toBe(0);
    try {
      // fleet/web:v1 has a HEALTHCHECK every 2 s: starting, then healthy. (Re-created until the subscription is live.)
      await waitFor(async () => {
        const web = await docker.createContainer({ Image: 'fleet/web:v1', name: `web-${randomUUID().slice(0, 8)}`, HostConfig: { NetworkMode: 'none' } });
        created.push({ docker, id: web.id });
        await web.start();
        await changes.waitFor((m) => m.dockerHostChanged.health.containers.starting > 0, { timeoutMs: 1000 }).catch(() => undefined);
        return changes.messages.length > 0;
      }, { what: 'a health change on the subscription' });
      await changes.waitFor((m) => m.dockerHostChanged.health.containers.healthy >= 1, { what: 'the web container healthy', timeoutMs: 15_000 });

      const crash = await docker.createContainer({ Image: fleet.image, name: `crash-${randomUUID().slice(0, 8)}`, Cmd: ['sh', '-c', 'exit 1'], HostConfig: { NetworkMode: 'none' } });
      created.push({ docker, id: crash.id });
      await crash.start();
      const { dockerEvents } = await waitFor(async () => {
        const result = await server.ok(ErrorEventsSinceDocument, { hostId: host.id, since }, token);
        return result.dockerEvents.nodes.length > 0 && result;
      }, { what: 'the crash as an ERROR event' });
      expect(dockerEvents.nodes).toEqual([expect.objectContaining({ action: 'die', attributes: expect.objectContaining({ exitCode: '1' }) })]);
    } finally {
      await client.dispose();
    }
  });

  it('lists images, networks and volumes, and nests them under the host', async () => {
    const { token, host, docker } = await registerStreaming('tcp');
    const volume = `vol-${randomUUID().slice(0, 8)}`;
    await docker.createVolume({ Name: volume, Labels: { 'test.run': volume } });
    try {
      const { volumes } = await waitFor(async () => {
        const result = await server.ok(VolumesDocument, { filter: { hostId: host.id }, first: 500 }, token);
        return result.volumes.nodes.some((v) => v.name === volume) && result;
      }, { what: 'the new volume (from the volume create event)' });
      expect(volumes.nodes.every((v) => v.host.id === host.id)).toBe(true);
      const { images } = await server.ok(ImagesDocument, { filter: { hostId: host.id } }, token);
      expect(images.nodes.flatMap((i) => i.repoTags)).toContain(fleet.image);
      const { networks } = await server.ok(NetworksDocument, { filter: { hostId: host.id } }, token);
      expect(networks.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['host', 'none']));

      const { dockerHosts } = await server.ok(FleetInventoryDocument, { first: 10, containers: 5 }, token);
      const nested = dockerHosts.nodes.find((h) => h.id === host.id)!;
      expect(nested.images.totalCount).toBe(images.totalCount);
      expect(nested.volumes.totalCount).toBe(volumes.totalCount);
      expect(nested.containers.nodes.every((c) => c.host.id === host.id)).toBe(true);
    } finally {
      await docker.getVolume(volume).remove().catch(() => undefined);
    }
  });

  it('keeps the inventory equal to docker ps -a, and answers health with live usage', async () => {
    const { token, host, docker } = await registerStreaming('tcp');
    const name = `usage-${randomUUID().slice(0, 8)}`;
    const container = await docker.createContainer({ Image: fleet.image, name, Cmd: ['sh', '-c', 'while true; do :; done'], HostConfig: { NetworkMode: 'none' } });
    created.push({ docker, id: container.id });
    await container.start();
    await waitFor(async () => (await server.ok(ContainersDocument, { filter: { hostId: host.id, name, state: ContainerState.Running } }, token)).containers.totalCount === 1, { what: 'the busy container running' });

    const { dockerHost } = await server.ok(HostHealthDocument, { id: host.id }, token);
    expect(dockerHost?.health).toMatchObject({ status: 'CONNECTED', reachable: true });
    expect(dockerHost!.health.containers.running).toBeGreaterThanOrEqual(1);
    expect(dockerHost!.health.usage!.sampledContainers).toBeGreaterThanOrEqual(1);
    expect(dockerHost!.health.usage!.cpuPercent).toBeGreaterThan(10); // a busy loop uses most of a CPU
    expect(dockerHost!.health.usage!.memoryBytes).toBeGreaterThan(0);
    await container.remove({ force: true });

    await expectInventoryToMatch(server, token, host.id, docker);
  });
});
