import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { Permission } from '../../src/auth/permissions';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { TestServer, newAccountId } from '../support/harness';
import { RestClient } from '../support/rest';
import { waitFor } from '../support/wait';

const API = '/api/v1/devops/docker';

/** The runbook's inventory paths on the real mutual-TLS fleet host, synced by the server's own worker and event stream. */
describe('REST docker inventory (/api/v1/devops/docker/containers, images, networks, volumes, events, activities)', () => {
  let fleet: Fleet;
  let docker: Docker;
  let server: TestServer;
  let api: RestClient;
  let token: string;
  let hostId: string;
  const accountId = newAccountId();
  const name = `rest-${randomUUID().slice(0, 8)}`;
  const label = `rest-test=${name}`;

  beforeAll(async () => {
    fleet = loadFleet();
    docker = fleetDocker(fleet, 'tls');
    server = await TestServer.syncing();
    api = new RestClient(server);
    token = await server.token({ accountId, sub: 'inventory-user' });
    const created = await api.call('POST', `${API}/hosts`, { token, body: { host: { name: 'fleet-tls', api_endpoint: fleet.tlsEndpoint, environment: 'development', tls_credentials: fleet.tls, sync_interval_seconds: 3600 } } });
    expect(created.body.host?.status).toBe('connected');
    hostId = created.body.host.id;
    await waitFor(() => server.app.syncWorker.supervisor(hostId)?.streaming, { what: 'the event stream' });
    const container = await docker.createContainer({ name, Image: fleet.image, Cmd: ['sleep', '300'], Labels: { 'rest-test': name }, HostConfig: { NetworkMode: 'none' } });
    await container.start();
  });
  afterAll(async () => {
    await docker?.getContainer(name).remove({ force: true }).catch(() => undefined);
    await server?.close();
  });

  it('lists the containers Docker has on the host, and finds one started behind the API by name, state and label', async () => {
    const running = await waitFor(async () => {
      const answer = await api.call('GET', `${API}/containers?host_id=${hostId}&name=${name}&state=running`, { token });
      return answer.body.containers.length === 1 ? answer.body.containers[0] : undefined;
    }, { what: 'the started container in the REST list' });
    expect(running).toMatchObject({ name, host_id: hostId, state: 'running', image: fleet.image, labels: { 'rest-test': name }, started_at: expect.any(String) });
    const byLabel = await api.call('GET', `${API}/containers?label=${encodeURIComponent(label)}`, { token });
    expect(byLabel.body.containers.map((c: { name: string }) => c.name)).toEqual([name]);

    const all = await api.call('GET', `${API}/containers?host_id=${hostId}&per_page=500`, { token });
    const onDocker = (await docker.listContainers({ all: true })).map((c) => c.Names[0]!.replace(/^\//, ''));
    expect(all.body.containers.map((c: { name: string }) => c.name).sort()).toEqual(onDocker.sort());
    expect(all.body.meta.total_count).toBe(onDocker.length);
  });

  it('lists the images, networks and volumes synced from the host', async () => {
    const images = await api.call('GET', `${API}/images?host_id=${hostId}&per_page=500`, { token });
    expect(images.body.images.flatMap((i: { repo_tags: string[] }) => i.repo_tags)).toContain(fleet.image.includes(':') ? fleet.image : `${fleet.image}:latest`);
    expect(images.body.meta.total_count).toBe((await docker.listImages()).length);

    const networks = await api.call('GET', `${API}/networks?host_id=${hostId}&per_page=500`, { token });
    expect(networks.body.networks.map((n: { name: string }) => n.name).sort()).toEqual((await docker.listNetworks()).map((n) => n.Name).sort());

    const volumes = await api.call('GET', `${API}/volumes?host_id=${hostId}&per_page=500`, { token });
    const onDocker = ((await docker.listVolumes()).Volumes ?? []).map((v) => v.Name).sort();
    expect(volumes.body.volumes.map((v: { name: string }) => v.name).sort()).toEqual(onDocker);

    const firstImage = await api.call('GET', `${API}/images?host_id=${hostId}&per_page=1&page=2`, { token });
    expect(firstImage.body.meta).toMatchObject({ page: 2, per_page: 1 });
  });

  it('lists the Docker events the host sent, filtered by type, action, severity and time', async () => {
    const since = new Date(Date.now() - 10 * 60_000).toISOString();
    const start = await waitFor(async () => {
      const answer = await api.call('GET', `${API}/events?host_id=${hostId}&type=container&action=start&since=${encodeURIComponent(since)}&per_page=500`, { token });
      return answer.body.events.find((e: { actor_name: string }) => e.actor_name === name);
    }, { what: 'the start event of the container' });
    expect(start).toMatchObject({ host_id: hostId, type: 'container', action: 'start', severity: 'info' });
    const errors = await api.call('GET', `${API}/events?severity=error&since=${encodeURIComponent(since)}`, { token });
    expect(errors.body.events.every((e: { severity: string }) => e.severity === 'error')).toBe(true);
    const future = await api.call('GET', `${API}/events?until=2000-01-01T00:00:00Z`, { token });
    expect(future.body).toMatchObject({ events: [], meta: { total_count: 0 } });
  });

  it('lists the account audit trail, with the host registered through REST in it', async () => {
    const answer = await api.call('GET', `${API}/activities?action=registerDockerHost&outcome=success`, { token });
    expect(answer.body.activities).toEqual([expect.objectContaining({ action: 'registerDockerHost', outcome: 'success', target_type: 'DockerHost', target_id: hostId, actor: 'inventory-user' })]);
    const swarmReader = await server.token({ accountId, permissions: [Permission.SwarmClustersRead] });
    expect((await api.call('GET', `${API}/activities`, { token: swarmReader })).status).toBe(200);
    const stranger = await api.call('GET', `${API}/activities`, { token: await server.token() });
    expect(stranger.body.activities).toEqual([]);
  });

  it('refuses malformed filters with 400 naming the parameter, and callers without docker.hosts.read with 403', async () => {
    for (const [path, field] of [
      ['containers?host_id=not-an-id', 'host_id'],
      ['containers?state=RUNNING', 'state'],
      ['containers?label=%3Dx', 'label'],
      ['images?name=x', 'name'],
      ['networks?host_id=1', 'host_id'],
      ['volumes?per_page=0', 'per_page'],
      ['events?since=yesterday', 'since'],
      ['events?severity=fatal', 'severity'],
      ['activities?outcome=ok', 'outcome'],
    ]) {
      const answer = await api.call('GET', `${API}/${path}`, { token });
      expect([path, answer.status, answer.body.error.code, answer.body.error.field]).toEqual([path, 400, 'BAD_USER_INPUT', field]);
    }
    const quotaOnly = await server.token({ accountId, permissions: [Permission.AccountQuotasManage] });
    for (const kind of ['containers', 'images', 'networks', 'volumes', 'events', 'activities']) {
      const answer = await api.call('GET', `${API}/${kind}`, { token: quotaOnly });
      expect([kind, answer.status, answer.body.error.code]).toEqual([kind, 403, 'FORBIDDEN']);
    }
  });

  it('answers every inventory route as openapi.json documents it (each call above is checked the same way)', async () => {
    const own = new RestClient(server);
    const unread = await server.token({ accountId, permissions: [Permission.AccountQuotasManage] });
    const kinds = ['containers', 'images', 'networks', 'volumes', 'events', 'activities'];
    for (const kind of kinds) {
      await own.call('GET', `${API}/${kind}?per_page=2`, { token });
      await own.call('GET', `${API}/${kind}?per_page=x`, { token });
      await own.call('GET', `${API}/${kind}`, { token: unread });
    }
    expect([...own.checked].sort()).toEqual(kinds.flatMap((kind) => [200, 400, 403].map((status) => `GET ${API}/${kind} ${status}`)).sort());
  });
});
