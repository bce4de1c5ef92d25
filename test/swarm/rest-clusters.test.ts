import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permissions';
import { DockerHostEnvironment, RegisterSwarmClusterDocument, SwarmClusterHealthDocument } from '../generated/graphql';
import { loadSwarmFleet, swarmDocker, type SwarmFleet } from '../support/fleet';
import { TestServer, newAccountId } from '../support/harness';
import { RestClient } from '../support/rest';

const CLUSTERS = '/api/v1/devops/swarm/clusters';

/** The runbook's swarm cluster reads (list, show, health) on the fleet's real three-manager swarm. */
describe('REST swarm clusters (/api/v1/devops/swarm/clusters)', () => {
  let swarm: SwarmFleet;
  let server: TestServer;
  let api: RestClient;
  let token: string;
  let clusterId: string;
  const accountId = newAccountId();

  beforeAll(async () => {
    swarm = loadSwarmFleet();
    server = await TestServer.start({ SYNC_WORKER_ENABLED: 'false' });
    api = new RestClient(server);
    token = await server.token({ accountId });
    const input = { name: 'rest-swarm', environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls };
    clusterId = (await server.ok(RegisterSwarmClusterDocument, { input }, token)).registerSwarmCluster.id;
  });
  afterAll(() => server?.close());

  it('lists and shows the cluster as registered, connected, with its managers and quorum', async () => {
    const list = await api.call('GET', `${CLUSTERS}?status=connected&environment=staging&search=rest`, { token });
    expect(list.status).toBe(200);
    expect(list.body.clusters.map((c: { id: string }) => c.id)).toEqual([clusterId]);
    expect(list.body.meta).toMatchObject({ page: 1, total_count: 1, has_next_page: false });

    const shown = await api.call('GET', `${CLUSTERS}/${clusterId}`, { token });
    const raw = await swarmDocker(swarm, 's1').swarmInspect();
    expect(shown.body.cluster).toMatchObject({ id: clusterId, name: 'rest-swarm', manager_endpoint: swarm.managerTlsEndpoint, status: 'connected', swarm_id: raw.ID, has_tls_credentials: true, has_quorum: true });
  });

  it("answers the runbook's health line (no failing nodes, no quorum loss) with what swarmClusterHealth says", async () => {
    const { body, status } = await api.call('GET', `${CLUSTERS}/${clusterId}/health`, { token });
    expect(status).toBe(200);
    const { swarmClusterHealth: graphql } = await server.ok(SwarmClusterHealthDocument, { id: clusterId }, token);
    expect(body.health).toMatchObject({
      status: 'connected',
      healthy: graphql.healthy,
      managers_total: graphql.managersTotal,
      managers_reachable: graphql.managersReachable,
      quorum_needed: graphql.quorumNeeded,
      has_quorum: true,
    });
    expect(body.health.leader?.hostname).toBe(graphql.leader?.hostname);
    expect(body.health.nodes_down.map((n: { hostname: string }) => n.hostname)).toEqual(graphql.nodesDown.map((n) => n.hostname));
    expect(body.health.nodes_down).toEqual([]);
    expect(body.health.services_not_converged.map((s: { service: { name: string } }) => s.service.name)).toEqual(graphql.servicesNotConverged.map((s) => s.service.name));
  });

  it('answers 404 for another account, 403 without swarm.clusters.read, 400 for a bad filter', async () => {
    const stranger = await server.token();
    for (const path of [`${CLUSTERS}/${clusterId}`, `${CLUSTERS}/${clusterId}/health`]) {
      const answer = await api.call('GET', path, { token: stranger });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    expect((await api.call('GET', CLUSTERS, { token: stranger })).body.clusters).toEqual([]);
    const hostsOnly = await server.token({ accountId, permissions: [Permission.DockerHostsManage] });
    for (const path of [CLUSTERS, `${CLUSTERS}/${clusterId}`, `${CLUSTERS}/${clusterId}/health`]) {
      const answer = await api.call('GET', path, { token: hostsOnly });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    const bad = await api.call('GET', `${CLUSTERS}?status=CONNECTED`, { token });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'status']);
  });

  it('answers every cluster route as openapi.json documents it (each call above is checked the same way)', async () => {
    const own = new RestClient(server);
    for (const path of [CLUSTERS, `${CLUSTERS}/${clusterId}`, `${CLUSTERS}/${clusterId}/health`, `${CLUSTERS}/${randomUUID()}/health`]) await own.call('GET', path, { token });
    expect([...own.checked].sort()).toEqual([`GET ${CLUSTERS} 200`, `GET ${CLUSTERS}/{id} 200`, `GET ${CLUSTERS}/{id}/health 200`, `GET ${CLUSTERS}/{id}/health 404`]);
  });
});
