import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { Permission } from '../../src/auth/permissions';
import { CreateSwarmServiceDocument, DeployStackDocument, UpdateSwarmServiceDocument } from '../generated/graphql';
import { loadSwarmFleet, swarmDocker, swarmNode, type SwarmFleet } from '../support/fleet';
import { TestServer, newAccountId } from '../support/harness';
import { RestClient, runCurl } from '../support/rest';
import { waitFor } from '../support/wait';

/**
 * /work/shared/docs/seed-runbook.txt, "Rollback Procedures" (lines 180-183), copied verbatim with their line breaks:
 * the API's origin, `<jwt>` and the `:id` / `:previous_id` placeholders are the only things the test changes.
 */
const RUNBOOK_ROLLBACK_SERVICE = `curl -X POST https://api.powernode.example.com/api/v1/devops/swarm/services/:id/rollback \\
-H "Authorization: Bearer <jwt>"`;
const RUNBOOK_REDEPLOY = `curl -X POST https://api.powernode.example.com/api/v1/devops/swarm/deployments/:previous_id/redeploy \\
-H "Authorization: Bearer <jwt>"`;

const SWARM = '/api/v1/devops/swarm';
const SETTLED = ['succeeded', 'failed', 'rolled_back', 'cancelled'];
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The runbook's swarm paths on the fleet's real swarm: clusters CRUD, every listing, and its rollback and redeploy lines. */
describe('REST swarm (/api/v1/devops/swarm/...)', () => {
  jest.setTimeout(120_000);
  const run = randomUUID().slice(0, 6);
  const stack = `rs${run}`;
  const accountId = newAccountId();
  let swarm: SwarmFleet;
  let s1: Docker;
  let server: TestServer;
  let api: RestClient;
  let token: string;
  let clusterId: string;
  let firstDeployment: Json;

  const compose = `services:
  app:
    image: fleet/busybox
    command: ["sleep", "3600"]
    stop_grace_period: 1s
    secrets: [token]
    configs: [settings]
    deploy:
      replicas: 1
secrets:
  token:
    environment: APP_TOKEN
configs:
  settings:
    content: "mode=test\\n"
`;
  const clusterBody = (name: string, more: Json = {}) => ({ cluster: { name, api_endpoint: swarm.managerTlsEndpoint, environment: 'staging', tls_credentials: swarm.tls, ...more } });
  const settled = (id: string) =>
    waitFor(async () => {
      const { body } = await api.call('GET', `${SWARM}/deployments/${id}`, { token });
      return SETTLED.includes(body.deployment.status) && body.deployment;
    }, { what: `deployment ${id} to settle`, timeoutMs: 90_000 });

  beforeAll(async () => {
    swarm = loadSwarmFleet();
    s1 = swarmDocker(swarm, 's1');
    server = await TestServer.syncing({}, { logLevel: 'warn' });
    api = new RestClient(server);
    token = await server.token({ accountId });
    const created = await api.call('POST', `${SWARM}/clusters`, { token, body: clusterBody('rest-swarm') });
    expect([created.status, created.body.cluster?.status]).toEqual([201, 'connected']);
    clusterId = created.body.cluster.id;
    const deployed = await server.request(DeployStackDocument, { clusterId, input: { name: stack, compose, variables: [{ name: 'APP_TOKEN', value: `secret-${run}` }] } }, token);
    if (deployed.errors) throw new Error(JSON.stringify(deployed.errors));
    firstDeployment = await settled(deployed.data!.deployStack.deployment.id);
    expect(firstDeployment.status).toBe('succeeded');
  }, 120_000);

  afterAll(async () => {
    if (s1) {
      for (const service of await s1.listServices({ filters: { label: [`com.docker.stack.namespace=${stack}`] } })) await s1.getService(service.ID!).remove().catch(() => undefined);
      for (const service of await s1.listServices({ filters: { label: [`rest-swarm=${run}`] } })) await s1.getService(service.ID!).remove().catch(() => undefined);
      for (const secret of await s1.listSecrets({ filters: { label: [`com.docker.stack.namespace=${stack}`] } })) await s1.getSecret(secret.ID).remove().catch(() => undefined);
      for (const config of await s1.listConfigs({ filters: { label: [`com.docker.stack.namespace=${stack}`] } })) await s1.getConfig(config.ID).remove().catch(() => undefined);
      await waitFor(async () => (await s1.listNetworks({ filters: { label: [`com.docker.stack.namespace=${stack}`] } })).length === 0 || (await s1.getNetwork(`${stack}_default`).remove().then(() => true, () => false)), { timeoutMs: 30_000, what: 'the stack network removed' }).catch(() => undefined);
    }
    await server?.close();
    await swarmDocker(swarm, 's4').getVolume(`rest-swarm-vol-${run}`).remove().catch(() => undefined);
  }, 90_000);

  it('registers a cluster with the runbook-shaped body (201, connected), changes it, refuses a second registration of the same swarm (409) and rule breaks (422)', async () => {
    const shown = await api.call('GET', `${SWARM}/clusters/${clusterId}`, { token });
    expect(shown.body.cluster).toMatchObject({ id: clusterId, name: 'rest-swarm', manager_endpoint: swarm.managerTlsEndpoint, environment: 'staging', status: 'connected', has_tls_credentials: true, has_quorum: true });
    expect(JSON.stringify(shown.body)).not.toContain(swarm.tls.key.split('\n')[1]);
    const listed = await api.call('GET', `${SWARM}/clusters?status=connected`, { token });
    expect(listed.body.clusters.map((c: Json) => c.id)).toEqual([clusterId]);
    const health = await api.call('GET', `${SWARM}/clusters/${clusterId}/health`, { token });
    expect(health.body.health).toMatchObject({ status: 'connected', has_quorum: true, nodes_down: [] });

    const twice = await api.call('POST', `${SWARM}/clusters`, { token, body: clusterBody('rest-swarm-again') });
    expect([twice.status, twice.body.error.code, twice.body.error.field]).toEqual([409, 'CONFLICT', 'cluster.api_endpoint']);
    const plain = await api.call('POST', `${SWARM}/clusters`, { token, body: clusterBody('prod', { environment: 'production', api_endpoint: swarm.managerEndpoints.find((e) => e.startsWith('tcp:')), tls_credentials: undefined }) });
    expect([plain.status, plain.body.error.code, plain.body.error.field]).toEqual([422, 'BAD_USER_INPUT', 'cluster.api_endpoint']);
    for (const [body, field] of [
      [{ cluster: { name: 'x', api_endpoint: 'tcp://127.0.0.1:1' } }, 'cluster.environment'],
      [{ cluster: { name: 'x', environment: 'staging', managerEndpoint: 'tcp://127.0.0.1:1' } }, 'cluster.managerEndpoint'],
      [{ cluster: { name: 'x', environment: 'staging', manager_host_id: 'h1' } }, 'cluster.manager_host_id'],
    ] as const) {
      const answer = await api.call('POST', `${SWARM}/clusters`, { token, body });
      expect([field, answer.status, answer.body.error.field]).toEqual([field, 400, field]);
    }

    const renamed = await api.call('PUT', `${SWARM}/clusters/${clusterId}`, { token, body: { cluster: { name: 'rest-swarm-renamed', sync_interval_seconds: 300 } } });
    expect(renamed.body.cluster).toMatchObject({ id: clusterId, name: 'rest-swarm-renamed', sync_interval_seconds: 300, status: 'connected' });
    const slow = await api.call('PUT', `${SWARM}/clusters/${clusterId}`, { token, body: { cluster: { sync_interval_seconds: 5 } } });
    expect([slow.status, slow.body.error.field]).toEqual([422, 'cluster.sync_interval_seconds']);
    const reader = await server.token({ accountId, permissions: [Permission.SwarmClustersRead] });
    expect((await api.call('PUT', `${SWARM}/clusters/${clusterId}`, { token: reader, body: { cluster: { name: 'mine' } } })).status).toBe(403);
  });

  it('registers a cluster by manager_host_id (a registered host that is a manager) and deletes it (nothing changes on the swarm); another account gets 404', async () => {
    const other = await server.token();
    const manager = await api.call('POST', '/api/v1/devops/docker/hosts', { token: other, body: { host: { name: 's1', api_endpoint: swarm.managerTlsEndpoint, environment: 'staging', tls_credentials: swarm.tls, sync_interval_seconds: 3600 } } });
    expect(manager.body.host?.status).toBe('connected');
    const { body } = await api.call('POST', `${SWARM}/clusters`, { token: other, body: { cluster: { name: 'to-forget', environment: 'staging', manager_host_id: manager.body.host.id } } });
    expect(body.cluster).toMatchObject({ status: 'connected', manager_endpoint: swarm.managerTlsEndpoint, has_tls_credentials: true });
    expect((await api.call('DELETE', `${SWARM}/clusters/${body.cluster.id}`, { token })).status).toBe(404);
    expect(await api.call('DELETE', `${SWARM}/clusters/${body.cluster.id}`, { token: other })).toEqual({ status: 200, body: { id: body.cluster.id } });
    expect((await api.call('GET', `${SWARM}/clusters/${body.cluster.id}`, { token: other })).status).toBe(404);
    expect((await s1.swarmInspect()).ID).toEqual(expect.any(String));
  });

  it('lists the swarm nodes, services, stacks, deployments, networks, secrets and configs of the cluster, and shows them by id', async () => {
    const nodes = await api.call('GET', `${SWARM}/nodes?cluster_id=${clusterId}`, { token });
    const onDocker = await s1.listNodes();
    expect(nodes.body.nodes.map((n: Json) => n.docker_id).sort()).toEqual(onDocker.map((n) => n.ID).sort());
    expect(nodes.body.meta.total_count).toBe(onDocker.length);
    const leader = nodes.body.nodes.find((n: Json) => n.leader);
    expect(leader).toMatchObject({ cluster_id: clusterId, role: 'manager', state: 'ready', manager_reachability: 'reachable' });
    expect((await api.call('GET', `${SWARM}/nodes/${leader.id}`, { token })).body.node).toEqual(leader);

    const services = await api.call('GET', `${SWARM}/services?cluster_id=${clusterId}&stack=${stack}`, { token });
    expect(services.body.services).toEqual([expect.objectContaining({ name: `${stack}_app`, stack, mode: 'replicated', replicas: 1, cluster_id: clusterId })]);
    const service = services.body.services[0];
    expect((await api.call('GET', `${SWARM}/services/${service.id}`, { token })).body.service.docker_id).toBe(service.docker_id);

    const stacks = await api.call('GET', `${SWARM}/stacks?cluster_id=${clusterId}`, { token });
    expect(stacks.body.stacks.map((s: Json) => s.name)).toContain(stack);
    const shown = await waitFor(async () => {
      const answer = await api.call('GET', `${SWARM}/stacks/${stack}?cluster_id=${clusterId}`, { token });
      return answer.body.stack?.status === 'converged' && answer.body.stack;
    }, { what: 'the stack converged' });
    expect(shown).toMatchObject({ cluster_id: clusterId, name: stack, secrets: [`${stack}_token`], configs: [`${stack}_settings`], hint: null });
    expect(shown.services).toEqual([expect.objectContaining({ name: `${stack}_app`, short_name: 'app', service_id: service.id, status: 'converged', running: 1, desired: 1 })]);

    const deployments = await api.call('GET', `${SWARM}/deployments?cluster_id=${clusterId}&stack=${stack}&status=succeeded`, { token });
    expect(deployments.body.deployments.map((d: Json) => d.id)).toContain(firstDeployment.id);
    expect(firstDeployment).toMatchObject({ cluster_id: clusterId, stack, revision: 1, strategy: 'rolling', source: 'api', compose });
    expect(JSON.stringify(firstDeployment)).not.toContain(`secret-${run}`);

    const networks = await api.call('GET', `${SWARM}/networks?cluster_id=${clusterId}&per_page=500`, { token });
    expect(networks.body.networks.map((n: Json) => n.name)).toContain(`${stack}_default`);
    for (const kind of ['secrets', 'configs'] as const) {
      const listed = await api.call('GET', `${SWARM}/${kind}?cluster_id=${clusterId}&per_page=500`, { token });
      const mine = listed.body[kind].find((o: Json) => o.name === `${stack}_${kind === 'secrets' ? 'token' : 'settings'}`);
      expect(mine).toMatchObject({ cluster_id: clusterId, labels: { 'com.docker.stack.namespace': stack } });
      expect(Object.keys(mine).sort()).toEqual(['cluster_id', 'created_at', 'docker_id', 'id', 'labels', 'name', 'updated_at']);
      expect((await api.call('GET', `${SWARM}/${kind}/${mine.id}`, { token })).body[kind.slice(0, -1)]).toEqual(mine);
    }
    expect(JSON.stringify(await api.call('GET', `${SWARM}/secrets?cluster_id=${clusterId}&per_page=500`, { token }))).not.toContain(`secret-${run}`);

    const events = await waitFor(async () => {
      const answer = await api.call('GET', `${SWARM}/events?cluster_id=${clusterId}&type=service&per_page=500`, { token });
      return answer.body.events.some((e: Json) => e.actor_id === service.docker_id) && answer.body.events;
    }, { what: "the service's swarm events" });
    expect(events.every((e: Json) => e.type === 'service' && e.cluster_id === clusterId)).toBe(true);
  });

  it("lists the volumes on the cluster's nodes that are registered as Docker hosts (Docker keeps volumes per node)", async () => {
    const s4 = swarmNode(swarm, 's4');
    const volume = `rest-swarm-vol-${run}`;
    await swarmDocker(swarm, 's4').createVolume({ Name: volume, Labels: { 'rest-swarm': run } });
    const host = await api.call('POST', '/api/v1/devops/docker/hosts', { token, body: { host: { name: 's4', api_endpoint: s4.endpoint, environment: 'development', sync_interval_seconds: 3600 } } });
    expect(host.body.host).toMatchObject({ status: 'connected', swarm_node_id: expect.any(String) });
    const volumes = await api.call('GET', `${SWARM}/volumes?cluster_id=${clusterId}&per_page=500`, { token });
    expect(volumes.body.volumes).toContainEqual(expect.objectContaining({ name: volume, host_id: host.body.host.id, labels: { 'rest-swarm': run } }));
    expect(volumes.body.volumes.every((v: Json) => v.host_id === host.body.host.id)).toBe(true);
    expect((await api.call('GET', `${SWARM}/volumes`, { token })).body.meta.total_count).toBe(volumes.body.meta.total_count);
    expect((await api.call('GET', `${SWARM}/volumes?cluster_id=${clusterId}`, { token: await server.token() })).body).toMatchObject({ volumes: [], meta: { total_count: 0 } });
    // Volume rows are host inventory: a swarm-only reader is refused them, as the GraphQL `volumes` query refuses it.
    const swarmOnly = await server.token({ accountId, permissions: [Permission.SwarmClustersRead] });
    const refused = await api.call('GET', `${SWARM}/volumes?cluster_id=${clusterId}`, { token: swarmOnly });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('docker.hosts.read') });
  });

  it("rolls a service back with the runbook's curl line as written: the Engine runs the previous spec again", async () => {
    const { createSwarmService: created } = await server.ok(CreateSwarmServiceDocument, { clusterId, spec: { name: `rest-rb-${run}`, image: 'fleet/busybox:latest', command: ['sleep', '600'], env: ['V=1'], replicas: 0, labels: { 'rest-swarm': run }, stopGracePeriodSeconds: 1 } }, token);
    const none = await runCurl(api, RUNBOOK_ROLLBACK_SERVICE, { token, replace: [[':id', created.id]] });
    expect([none.status, none.body.error.code]).toEqual([409, 'CONFLICT']);
    await server.ok(UpdateSwarmServiceDocument, { id: created.id, spec: { env: ['V=2'] } }, token);

    const rolled = await runCurl(api, RUNBOOK_ROLLBACK_SERVICE, { token, replace: [[':id', created.id]] });
    expect(rolled.status).toBe(200);
    expect(rolled.body.service).toMatchObject({ id: created.id, name: `rest-rb-${run}`, cluster_id: clusterId });
    expect(rolled.body.service.spec.TaskTemplate.ContainerSpec.Env).toEqual(['V=1']);
    const raw = (await s1.getService(created.dockerId).inspect()) as Json;
    expect(raw.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['V=1']);
    expect(raw.PreviousSpec.TaskTemplate.ContainerSpec.Env).toEqual(['V=2']);

    const activities = await api.call('GET', `/api/v1/devops/docker/activities?action=rollbackSwarmService&target_id=${created.id}`, { token });
    expect(activities.body.activities.map((a: Json) => [a.outcome, a.error_code, a.target_type])).toEqual([['success', null, 'SwarmService'], ['failure', 'CONFLICT', 'SwarmService']]);

    expect((await runCurl(api, RUNBOOK_ROLLBACK_SERVICE, { token: 'not.a.jwt', replace: [[':id', created.id]] })).status).toBe(401);
    const reader = await server.token({ accountId, permissions: [Permission.SwarmClustersRead] });
    expect((await runCurl(api, RUNBOOK_ROLLBACK_SERVICE, { token: reader, replace: [[':id', created.id]] })).status).toBe(403);
    expect((await runCurl(api, RUNBOOK_ROLLBACK_SERVICE, { token: await server.token(), replace: [[':id', created.id]] })).status).toBe(404);
  });

  it("redeploys a previous revision with the runbook's curl line as written: a new revision reproducing it, which succeeds", async () => {
    const answer = await runCurl(api, RUNBOOK_REDEPLOY, { token, replace: [[':previous_id', firstDeployment.id]] });
    expect(answer.status).toBe(201);
    expect(answer.body.deployment).toMatchObject({ cluster_id: clusterId, stack, source: 'redeploy', reproduces: firstDeployment.id, reproduces_revision: 1 });
    expect(answer.body.deployment.revision).toBeGreaterThan(1);
    expect(answer.body.stack.name).toBe(stack);
    const done = await settled(answer.body.deployment.id);
    expect(done.status).toBe('succeeded');
    const activities = await api.call('GET', `/api/v1/devops/docker/activities?action=redeployDeployment`, { token });
    expect(activities.body.activities[0]).toMatchObject({ outcome: 'success', target_type: 'Deployment', target_id: answer.body.deployment.id });

    const reader = await server.token({ accountId, permissions: [Permission.SwarmClustersRead] });
    expect((await runCurl(api, RUNBOOK_REDEPLOY, { token: reader, replace: [[':previous_id', firstDeployment.id]] })).status).toBe(403);
    const stranger = await runCurl(api, RUNBOOK_REDEPLOY, { token: await server.token(), replace: [[':previous_id', firstDeployment.id]] });
    expect([stranger.status, stranger.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses malformed filters with 400 naming the parameter, foreign objects with 404, and callers without swarm.clusters.read with 403', async () => {
    for (const [path, field] of [
      ['nodes?cluster_id=nope', 'cluster_id'],
      ['nodes?stack=x', 'stack'],
      ['services?per_page=0', 'per_page'],
      ['stacks', 'cluster_id'],
      ['deployments?status=SUCCEEDED', 'status'],
      ['events?since=yesterday', 'since'],
      ['secrets?data=1', 'data'],
      ['volumes?cluster_id=1', 'cluster_id'],
    ]) {
      const answer = await api.call('GET', `${SWARM}/${path}`, { token });
      expect([path, answer.status, answer.body.error.code, answer.body.error.field]).toEqual([path, 400, 'BAD_USER_INPUT', field]);
    }
    const stranger = await server.token();
    for (const path of [`nodes/${randomUUID()}`, `services/${randomUUID()}`, `secrets/${randomUUID()}`, `configs/x`, `deployments/${firstDeployment.id}`, `stacks?cluster_id=${clusterId}`, `stacks/${stack}?cluster_id=${clusterId}`]) {
      const answer = await api.call('GET', `${SWARM}/${path}`, { token: stranger });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    expect((await api.call('GET', `${SWARM}/services?cluster_id=${clusterId}`, { token: stranger })).body.services).toEqual([]);
    const hostsOnly = await server.token({ accountId, permissions: [Permission.DockerHostsManage] });
    for (const kind of ['nodes', 'services', 'networks', 'volumes', 'secrets', 'configs', 'events', 'deployments', `stacks?cluster_id=${clusterId}`]) {
      const answer = await api.call('GET', `${SWARM}/${kind}`, { token: hostsOnly });
      expect([kind, answer.status, answer.body.error.code]).toEqual([kind, 403, 'FORBIDDEN']);
    }
  });

  // The whole document (these routes included) is validated by test/integration/rest-hosts.test.ts.
  it('answers every swarm route of openapi.json, each as it documents', async () => {
    // The diagnosis routes are provoked for real in cluster-quorum and stack-diagnosis; here, a healthy cluster and stack.
    for (const path of [`clusters/${clusterId}/diagnosis`, `clusters/${clusterId}/stacks/${stack}/diagnosis`]) {
      const answer = await api.call('GET', `${SWARM}/${path}`, { token });
      expect([path, answer.status]).toEqual([path, 200]);
    }
    const document = await api.openApi();
    const swarmPaths = Object.entries(document.paths).filter(([path]) => path.startsWith(SWARM)).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const answered = new Set([...api.checked].map((key) => key.split(' ').slice(0, 2).join(' ')));
    expect(swarmPaths.filter((route) => !answered.has(route))).toEqual([]);
  });
});
