import {
  ActivitiesDocument,
  ActivityOutcome,
  ConnectDockerHostDocument,
  SyncDockerHostDocument,
  DeleteDockerHostDocument,
  DisconnectDockerHostDocument,
  DockerHostChangedDocument,
  DockerHostDocument,
  DockerHostEnvironment,
  DockerHostStatus,
  RecoverDockerHostDocument,
  RegisterDockerHostDocument,
  SetDockerHostMaintenanceDocument,
  UpdateDockerHostDocument,
} from '../generated/graphql';
import { TestServer, codeOf } from '../support/harness';
import { loadFleet, type Fleet } from '../support/fleet';
import { nextEvent, subscribe } from '../support/subscriptions';

describe('host lifecycle on the real fleet', () => {
  let server: TestServer;
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.start();
  });
  afterAll(() => server?.close());

  async function registered(apiEndpoint: string, extra: Record<string, unknown> = {}) {
    const token = await server.token({ sub: 'operator' });
    const input = { name: 'lifecycle', apiEndpoint, environment: DockerHostEnvironment.Staging, ...extra };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    return { token, host };
  }

  it('moves through disconnect, connect, maintenance and recovery, auditing each step', async () => {
    const { token, host } = await registered(fleet.tcpEndpoint);
    const id = host.id;
    expect(host.status).toBe(DockerHostStatus.Connected);

    expect((await server.ok(DisconnectDockerHostDocument, { id }, token)).disconnectDockerHost.status).toBe(DockerHostStatus.Disconnected);
    expect((await server.ok(ConnectDockerHostDocument, { id }, token)).connectDockerHost.status).toBe(DockerHostStatus.Connected);
    expect((await server.ok(SetDockerHostMaintenanceDocument, { id, enabled: true }, token)).setDockerHostMaintenance.status).toBe(DockerHostStatus.Maintenance);

    const refused = await server.request(ConnectDockerHostDocument, { id }, token);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/maintenance/);

    const back = (await server.ok(SetDockerHostMaintenanceDocument, { id, enabled: false }, token)).setDockerHostMaintenance;
    expect(back).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0 });
    expect((await server.ok(RecoverDockerHostDocument, { id }, token)).recoverDockerHost.status).toBe(DockerHostStatus.Connected);
    expect(await server.ok(DeleteDockerHostDocument, { id }, token)).toEqual({ deleteDockerHost: id });
    expect(codeOf(await server.request(DockerHostDocument, { id }, token))).toBe('NOT_FOUND');

    const { activities } = await server.ok(ActivitiesDocument, { first: 20 }, token);
    const trail = activities.nodes.map((a) => `${a.action}:${a.outcome}`).reverse();
    expect(trail).toEqual([
      'registerDockerHost:SUCCESS',
      'disconnectDockerHost:SUCCESS',
      'connectDockerHost:SUCCESS',
      'setDockerHostMaintenance:SUCCESS',
      'connectDockerHost:FAILURE',
      'setDockerHostMaintenance:SUCCESS',
      'recoverDockerHost:SUCCESS',
      'deleteDockerHost:SUCCESS',
    ]);
    expect(activities.nodes.every((a) => a.targetId === id && a.targetType === 'DockerHost' && a.actor === 'operator')).toBe(true);
    expect(activities.nodes.find((a) => a.outcome === ActivityOutcome.Failure)?.errorCode).toBe('CONFLICT');
  });

  it('goes to ERROR after five consecutive failed syncs, is left alone there, and comes back with recoverDockerHost', async () => {
    const { token, host } = await registered(fleet.tcpEndpoint);
    const id = host.id;
    // Point the host at a closed port: the update re-checks it at once (failure 1, connection lost).
    const moved = (await server.ok(UpdateDockerHostDocument, { id, input: { apiEndpoint: 'tcp://127.0.0.1:1' } }, token)).updateDockerHost;
    expect(moved).toMatchObject({ status: DockerHostStatus.Disconnected, consecutiveFailures: 1, lastErrorCode: 'HOST_UNREACHABLE' });

    const seen: string[] = [];
    for (let attempt = 2; attempt <= 5; attempt++) {
      const { syncDockerHost } = await server.ok(SyncDockerHostDocument, { id }, token);
      expect(syncDockerHost.consecutiveFailures).toBe(attempt);
      seen.push(syncDockerHost.status);
    }
    expect(seen).toEqual(['DISCONNECTED', 'DISCONNECTED', 'DISCONNECTED', 'ERROR']);

    // ERROR waits for a person: a manual sync is refused, and no sync worker claims the host.
    expect(codeOf(await server.request(SyncDockerHostDocument, { id }, token))).toBe('CONFLICT');
    await server.app.syncWorker.tick();
    expect(server.app.syncWorker.hostIds).not.toContain(id);
    expect((await server.ok(DockerHostDocument, { id }, token)).dockerHost).toMatchObject({ consecutiveFailures: 5, syncOwner: null });

    await server.ok(UpdateDockerHostDocument, { id, input: { apiEndpoint: fleet.tcpEndpoint } }, token);
    const recovered = (await server.ok(RecoverDockerHostDocument, { id }, token)).recoverDockerHost;
    expect(recovered).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0, lastError: null });
  });

  it('rebuilds the client when TLS credentials change', async () => {
    const { token, host } = await registered(fleet.tlsEndpoint, { tlsCredentials: fleet.tls });
    const id = host.id;
    expect(host.status).toBe(DockerHostStatus.Connected);
    const wrong = (await server.ok(UpdateDockerHostDocument, { id, input: { tlsCredentials: { ca: fleet.tls.ca, cert: fleet.wrong.cert, key: fleet.wrong.key } } }, token)).updateDockerHost;
    expect(wrong).toMatchObject({ status: DockerHostStatus.Disconnected, lastErrorCode: 'TLS_ERROR' });
    const fixed = (await server.ok(UpdateDockerHostDocument, { id, input: { tlsCredentials: fleet.tls } }, token)).updateDockerHost;
    expect(fixed).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0, hasTlsCredentials: true });
  });

  it('publishes the health change of a real host to a subscriber', async () => {
    const { token, host } = await registered(fleet.socketEndpoint);
    await server.ok(DisconnectDockerHostDocument, { id: host.id }, token);
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const events = subscribe(client, DockerHostChangedDocument, { hostId: host.id });
    try {
      const event = await nextEvent(events, () => server.ok(ConnectDockerHostDocument, { id: host.id }, token));
      expect(event.errors).toBeUndefined();
      expect(event.data?.dockerHostChanged).toMatchObject({ id: host.id, status: DockerHostStatus.Connected });
    } finally {
      await events.return?.();
      await client.dispose();
    }
  });
});
