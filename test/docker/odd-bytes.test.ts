import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import { DockerEventsDocument, DockerHostDocument, DockerHostStatus, OddInventoryDocument, SyncDockerHostDocument } from '../generated/graphql';
import { SKIPPED_ACTION } from '../../src/sync/sync-events.log';
import { fleetDocker, loadFleet } from '../support/fleet';
import { TestServer, registerFleetHost } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * Objects made outside the product (here straight through the Docker API) may carry bytes Docker accepts and
 * PostgreSQL refuses: Docker 20.10 takes a NUL in label keys and values of containers, images (by a commit), networks
 * and volumes, in a command and in a network's name (not in container or volume names; it turns unpaired surrogates
 * and invalid UTF-8 into U+FFFD itself), and container and network names longer than our columns. None of it may stop the sync of anything else: the odd text is stored with U+FFFD, an object whose row
 * cannot be stored at all is left out with one recorded warning, and the host stays CONNECTED with its syncs working.
 */
describe('objects on a daemon carrying bytes PostgreSQL refuses', () => {
  const fleet = loadFleet();
  const docker = fleetDocker(fleet, 'tcp');
  const prefix = `odd-${randomUUID().slice(0, 6)}`;
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.syncing();
  });
  afterAll(async () => {
    await server?.close();
    // Whatever the outcome, the shared host is left as it was: other tests (and other hosts' syncs) read it too.
    await removeEverythingNamed(docker, prefix);
  });

  const syncOk = async (token: string, hostId: string) => {
    const { syncDockerHost: host } = await server.ok(SyncDockerHostDocument, { id: hostId }, token);
    expect(host).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0, lastError: null, lastErrorCode: null });
    return host;
  };
  const skippedWarnings = async (token: string, hostId: string) =>
    (await server.ok(DockerEventsDocument, { filter: { hostId, type: 'fleet', action: SKIPPED_ACTION } }, token)).dockerEvents.nodes;

  it('are stored with U+FFFD, or left out with one warning, and every sync and event batch still succeeds', async () => {
    const logsFrom = server.logs.length;
    const token = await server.token();
    const hostId = await registerFleetHost(server, token, 'tcp', prefix);
    await waitFor(() => server.app.syncWorker.supervisor(hostId)?.streaming, { what: 'the event stream' });

    // Made while the stream is open: the event path meets them first (create, start, die of the odd container).
    const none = { NetworkMode: 'none' };
    await docker.createContainer({ Image: fleet.image, name: `${prefix}-plain`, Cmd: ['sleep', '60'], HostConfig: none });
    const odd = await docker.createContainer({ Image: fleet.image, name: `${prefix}-odd`, Cmd: ['echo', 'a\u0000b'], Labels: { 'odd\u0000key': 'x', tier: 'v\u0000alue' }, HostConfig: none });
    await odd.start();
    const tooLong = await docker.createContainer({ Image: fleet.image, name: `${prefix}-${'x'.repeat(280)}`, Cmd: ['true'], HostConfig: none });
    await docker.createNetwork({ Name: `${prefix}-net\u0000work`, Internal: true, Labels: { 'k\u0000': 'v\u0000' } });
    await docker.createVolume({ Name: `${prefix}-vol`, Labels: { 'k\u0000': 'v\u0000' } });
    // An image gets such labels by a commit (dockerode sends `_body` as the container config, `_query` as the query).
    const commit = { _query: { container: odd.id, repo: `${prefix}-img`, tag: 'odd' }, _body: { Labels: { 'img\u0000key': 'v\u0000' } } };
    await odd.commit(commit as unknown as Parameters<typeof odd.commit>[0]);

    const inventory = async () => (await server.ok(OddInventoryDocument, { hostId }, token));
    await waitFor(async () => {
      const { containers, images, networks, volumes } = await inventory();
      return (
        containers.nodes.find((c) => c.name === `${prefix}-odd`)?.state === 'EXITED' &&
        images.nodes.some((i) => i.repoTags.includes(`${prefix}-img:odd`)) &&
        networks.nodes.some((n) => n.name.startsWith(prefix)) &&
        volumes.nodes.some((v) => v.name === `${prefix}-vol`)
      );
    }, { what: 'the event batches to bring the odd objects in' });
    expect((await server.ok(DockerHostDocument, { id: hostId }, token)).dockerHost).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0, lastError: null });

    // The reconcile, twice: the second finds nothing new to warn about.
    const first = await syncOk(token, hostId);
    const second = await syncOk(token, hostId);
    expect(Date.parse(second.lastSyncedAt!)).toBeGreaterThan(Date.parse(first.lastSyncedAt!));

    const { containers, images, networks, volumes } = await inventory();
    const byName = new Map(containers.nodes.map((c) => [c.name, c]));
    expect(byName.get(`${prefix}-plain`)).toMatchObject({ state: 'CREATED', command: 'sleep 60' });
    expect(byName.get(`${prefix}-odd`)).toMatchObject({ state: 'EXITED', command: 'echo a\ufffdb', labels: { 'odd\ufffdkey': 'x', tier: 'v\ufffdalue' } });
    expect(containers.nodes.some((c) => c.dockerId === tooLong.id)).toBe(false);
    expect(networks.nodes.find((n) => n.name.startsWith(prefix))).toMatchObject({ name: `${prefix}-net\ufffdwork`, labels: { 'k\ufffd': 'v\ufffd' } });
    expect(volumes.nodes.find((v) => v.name === `${prefix}-vol`)).toMatchObject({ labels: { 'k\ufffd': 'v\ufffd' } });
    expect(images.nodes.find((i) => i.repoTags.includes(`${prefix}-img:odd`))?.labels).toMatchObject({ 'img\ufffdkey': 'v\ufffd', 'odd\ufffdkey': 'x' });

    // One warning for the container left out, whatever the number of syncs and batches that met it.
    const warnings = await skippedWarnings(token, hostId);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ actorId: tooLong.id, severity: 'WARNING', attributes: { kind: 'container', reason: 'name is longer than 256 characters' } });
    // The odd container's own events are stored too, their label attributes made storable.
    const { dockerEvents } = await server.ok(DockerEventsDocument, { filter: { hostId, type: 'container', action: 'die' } }, token);
    const exitCode = String((await odd.inspect()).State.ExitCode); // a NUL cannot reach execve: Docker reports the run failed
    expect(dockerEvents.nodes.find((e) => e.actorId === odd.id)?.attributes).toMatchObject({ 'odd\ufffdkey': 'x', name: `${prefix}-odd`, exitCode });

    const gaps = await server.ok(DockerEventsDocument, { filter: { hostId, type: 'fleet', action: 'events_gap' } }, token);
    expect(gaps.dockerEvents.totalCount).toBe(0);
    const levels = server.logs.slice(logsFrom).map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(levels.filter((l) => l.level >= 50)).toEqual([]);
    expect(levels.filter((l) => l.msg === 'docker object left out of the inventory')).toHaveLength(1);
  });

  it('counts a sync whose write the database refuses as a failed check, naming no values, and recovers with the next', async () => {
    const token = await server.token();
    const hostId = await registerFleetHost(server, token, 'tcp', `${prefix}-refused`);
    // Whatever the row check cannot foresee: here a trigger refuses one container's row (a stand-in for any refusal).
    const connection = server.app.orm.em.getConnection();
    await connection.execute(`create or replace function refuse_odd() returns trigger language plpgsql as $$ begin
      if new.name like '%-refused-row' then raise exception 'refused by test trigger'; end if; return new; end $$`);
    await connection.execute('create trigger refuse_odd before insert on containers for each row execute function refuse_odd()');
    try {
      const refused = await docker.createContainer({ Image: fleet.image, name: `${prefix}-refused-row`, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
      // The stream's batch for its create event fails first, and re-lists (a failed check too); then this sync.
      const { syncDockerHost: failed } = await server.ok(SyncDockerHostDocument, { id: hostId }, token);
      expect(failed).toMatchObject({ status: DockerHostStatus.Disconnected, lastErrorCode: 'SYNC_WRITE_FAILED' });
      expect(failed.consecutiveFailures).toBeGreaterThanOrEqual(1);
      expect(failed.lastError).toMatch(/the inventory could not be stored: .*SQLSTATE P0001/);
      expect(server.logs.join('')).not.toContain(`${prefix}-refused-row`);
      expect(server.logs.join('')).not.toContain('host sync cycle crashed');

      await refused.remove({ force: true });
      await syncOk(token, hostId);
    } finally {
      await connection.execute('drop trigger if exists refuse_odd on containers');
    }
  });
});

async function removeEverythingNamed(docker: Docker, prefix: string): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters: { name: [prefix] } });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  const networks = await docker.listNetworks({ filters: { name: [prefix] } });
  await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(() => undefined)));
  await docker.getVolume(`${prefix}-vol`).remove().catch(() => undefined);
  await docker.getImage(`${prefix}-img:odd`).remove({ force: true }).catch(() => undefined);
}
