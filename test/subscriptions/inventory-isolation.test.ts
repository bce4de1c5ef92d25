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

    const kept = await docker.createContainer({ Image: fleet.image, name: `iso-kept-${randomUUID().slice(0, 8)}`, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
    try {
      // Containers come and go on Alice's host until Alice's subscription has carried a few of their events.
      await waitFor(async () => {
        const name = `iso-${randomUUID().slice(0, 8)}`;
        const c = await docker.createContainer({ Image: fleet.image, name, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
        await c.remove();
        return aliceEvents.messages.filter((m) => m.dockerEventReceived.action === 'destroy').length >= 3;
      }, { what: "alice's events" });
      // Bob's subscriptions were registered before Alice's (same socket order), so silence is meaningful.
      expect(bobChanges.messages).toEqual([]);
      expect(bobEvents.messages).toEqual([]);

      const { containers } = await waitFor(async () => {
        const result = await server.ok(ContainersDocument, { filter: { hostId: aliceHost.id } }, alice);
        return result.containers.nodes.length > 0 && result;
      }, { what: "alice's kept container" });
      const aliceContainer = containers.nodes[0]!;
      expect(codeOf(await server.request(ContainerDocument, { id: aliceContainer.id }, bob))).toBe('NOT_FOUND');
      expect((await server.ok(ContainersDocument, { filter: { hostId: aliceHost.id } }, bob)).containers.totalCount).toBe(0);
      expect((await server.ok(ContainersDocument, {}, bob)).containers.totalCount).toBe(0);
      expect((await server.ok(DockerEventsDocument, {}, bob)).dockerEvents.totalCount).toBe(0);
      expect((await server.ok(DockerEventsDocument, { filter: { hostId: aliceHost.id } }, alice)).dockerEvents.totalCount).toBeGreaterThan(0);
    } finally {
      await kept.remove({ force: true });
      await Promise.all([bobClient.dispose(), aliceClient.dispose()]);
    }
  });
});
