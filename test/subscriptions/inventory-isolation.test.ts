import { randomUUID } from 'node:crypto';
import {
  ContainerDocument,
  ContainerStateChangedDocument,
  ContainersDocument,
  DockerEventReceivedDocument,
  DockerEventsDocument,
  DockerHostEnvironment,
  RegisterDockerHostDocument,
  type ContainerStateChangedSubscription,
  type DockerEventReceivedSubscription,
} from '../generated/graphql';
import { fleetDocker, loadFleet } from '../support/fleet';
import { TestServer, codeOf } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

/** Two accounts watching the same real Docker host through the API: neither ever sees the other's inventory. */
describe('inventory isolation between accounts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.syncing();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sends no cross-account subscription message and answers NOT_FOUND for foreign ids', async () => {
    const fleet = loadFleet();
    const docker = fleetDocker(fleet, 'tcp');
    const [alice, bob] = await Promise.all([server.token(), server.token()]);
    const input = { name: 'shared-engine', apiEndpoint: fleet.tcpEndpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 };
    const { registerDockerHost: aliceHost } = await server.ok(RegisterDockerHostDocument, { input }, alice);
    await waitFor(() => server.app.syncWorker.supervisor(aliceHost.id)?.streaming, { what: "alice's event stream" });

    const bobClient = server.wsClient({ authorization: `Bearer ${bob}` });
    const aliceClient = server.wsClient({ authorization: `Bearer ${alice}` });
    const bobChanges = new Collector<ContainerStateChangedSubscription>(subscribe(bobClient, ContainerStateChangedDocument, {}));
    const bobEvents = new Collector<DockerEventReceivedSubscription>(subscribe(bobClient, DockerEventReceivedDocument, {}));
    const aliceEvents = new Collector<DockerEventReceivedSubscription>(subscribe(aliceClient, DockerEventReceivedDocument, {}));
    // Bob subscribing to Alice's host is refused like a missing host.
    const foreign = subscribe(bobClient, ContainerStateChangedDocument, { hostId: aliceHost.id });
    const refused = await foreign.next();
    expect(refused.value?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Bob watches the same engine through a host of his own: his subscriptions are provably live once his own
    // messages arrive, so the absence of any message about Alice's host means something.
    const { registerDockerHost: bobHost } = await server.ok(RegisterDockerHostDocument, { input: { ...input, name: 'bobs-view' } }, bob);
    await waitFor(() => server.app.syncWorker.supervisor(bobHost.id)?.streaming, { what: "bob's event stream" });
    const kept = await docker.createContainer({ Image: fleet.image, name: `iso-kept-${randomUUID().slice(0, 8)}`, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
    try {
      // Containers come and go on the engine until both accounts' subscriptions have carried a few of their events.
      await waitFor(async () => {
        const name = `iso-${randomUUID().slice(0, 8)}`;
        const c = await docker.createContainer({ Image: fleet.image, name, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
        await c.remove();
        const destroyed = (events: Collector<DockerEventReceivedSubscription>, hostId: string) => events.messages.filter((m) => m.dockerEventReceived.action === 'destroy' && m.dockerEventReceived.hostId === hostId).length;
        return destroyed(aliceEvents, aliceHost.id) >= 3 && destroyed(bobEvents, bobHost.id) >= 3 && bobChanges.messages.length >= 3;
      }, { what: 'both accounts\' events' });
      expect(bobChanges.messages.every((m) => m.containerStateChanged.hostId === bobHost.id)).toBe(true);
      expect(bobEvents.messages.every((m) => m.dockerEventReceived.hostId === bobHost.id)).toBe(true);
      expect(aliceEvents.messages.every((m) => m.dockerEventReceived.hostId === aliceHost.id)).toBe(true);

      const { containers } = await waitFor(async () => {
        const result = await server.ok(ContainersDocument, { filter: { hostId: aliceHost.id } }, alice);
        return result.containers.nodes.length > 0 && result;
      }, { what: "alice's kept container" });
      const aliceContainer = containers.nodes[0]!;
      expect(codeOf(await server.request(ContainerDocument, { id: aliceContainer.id }, bob))).toBe('NOT_FOUND');
      expect((await server.ok(ContainersDocument, { filter: { hostId: aliceHost.id } }, bob)).containers.totalCount).toBe(0);
      const bobsOwn = (await server.ok(ContainersDocument, { first: 500 }, bob)).containers.nodes;
      expect(bobsOwn.every((c) => c.hostId === bobHost.id)).toBe(true);
      expect((await server.ok(DockerEventsDocument, { filter: { hostId: aliceHost.id } }, bob)).dockerEvents.totalCount).toBe(0);
      expect((await server.ok(DockerEventsDocument, { filter: { hostId: aliceHost.id } }, alice)).dockerEvents.totalCount).toBeGreaterThan(0);
    } finally {
      await kept.remove({ force: true });
      await Promise.all([bobClient.dispose(), aliceClient.dispose()]);
    }
  });
});
