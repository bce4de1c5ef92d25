import { randomUUID } from 'node:crypto';
import {
  ConnectDockerHostDocument,
  ContainersDocument,
  DisconnectDockerHostDocument,
  DockerEventsDocument,
  DockerHostEnvironment,
  EventSeverity,
  RegisterDockerHostDocument,
} from '../generated/graphql';
import { DockerHost } from '../../src/hosts/host.entity';
import { dockerPsA, fleetDocker, loadFleet } from '../support/fleet';
import { TestServer, expectInventoryToMatch } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * Docker replays at most 256 events after a `since`: when more happened while our stream was down, some are lost.
 * The gap is detected and recorded, and the inventory is re-listed, so it equals Docker anyway.
 */
describe('an event gap', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.syncing();
  });
  const prefix = `gap-${randomUUID().slice(0, 6)}`;
  afterAll(async () => {
    await server?.close();
    // Whatever the outcome, leave the shared host as it was.
    const docker = fleetDocker(loadFleet(), 'tcp');
    const left = await docker.listContainers({ all: true, filters: { name: [prefix] } });
    await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  });

  it('is detected after more than 256 events while the stream was down, and the inventory is re-listed', async () => {
    const fleet = loadFleet();
    const docker = fleetDocker(fleet, 'tcp');
    const token = await server.token();
    const input = { name: 'gappy', apiEndpoint: fleet.tcpEndpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    await waitFor(() => server.app.syncWorker.supervisor(host.id)?.streaming, { what: 'the event stream' });
    const doomed = await docker.createContainer({ Image: fleet.image, name: `${prefix}-doomed`, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
    const checkpoint = async () => (await server.app.orm.em.fork().findOneOrFail(DockerHost, host.id)).eventsCheckpoint;
    await waitFor(async () => (await server.ok(ContainersDocument, { filter: { hostId: host.id, name: `${prefix}-doomed` } }, token)).containers.totalCount === 1, { what: 'the first container synced' });
    const before = await waitFor(checkpoint, { what: 'an event checkpoint' });

    // The stream goes down (the host is taken offline); meanwhile 300+ events happen on the engine.
    await server.ok(DisconnectDockerHostDocument, { id: host.id }, token);
    await waitFor(() => !server.app.syncWorker.supervisor(host.id), { what: 'the host to be let go' });
    for (let i = 0; i < 160; i++) {
      const c = await docker.createContainer({ Image: fleet.image, name: `${prefix}-${i}`, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
      if (i < 150) await c.remove(); // create + destroy: two events each
      else await c.start(); // create, network connect, start, die, network disconnect; these stay
    }
    await doomed.remove();

    await server.ok(ConnectDockerHostDocument, { id: host.id }, token);
    const gaps = await waitFor(async () => {
      const { dockerEvents } = await server.ok(DockerEventsDocument, { filter: { hostId: host.id, type: 'fleet', action: 'events_gap' } }, token);
      const reasons = dockerEvents.nodes.map((e) => reasonOf(e));
      return reasons.includes('replay_limit') && reasons.includes('checkpoint_not_replayed') && dockerEvents.nodes;
    }, { what: 'the gap to be recorded' });
    expect(gaps.find((e) => reasonOf(e) === 'replay_limit')).toMatchObject({ severity: EventSeverity.Warning, attributes: { replayed: '256' } });
    // The checkpoint itself had dropped out of Docker's 256 events: the replay did not start with it.
    expect(gaps.map(reasonOf)).toContain('checkpoint_not_replayed');
    await waitFor(async () => BigInt((await checkpoint())!) > BigInt(before!), { what: 'the checkpoint to move past the replay' });

    await expectInventoryToMatch(server, token, host.id, docker);
    const expected = await dockerPsA(docker);
    expect(Object.keys(expected).filter((n) => n.startsWith(prefix))).toHaveLength(10);
  });
});

function reasonOf(event: { attributes: unknown }): string | undefined {
  return (event.attributes as Record<string, string>).reason;
}
