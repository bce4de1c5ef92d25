import { DockerHostEnvironment, DockerHostStatus, HostSwarmNodeDocument, RegisterDockerHostDocument, RegisterSwarmClusterDocument, SwarmClusterDocument, SwarmClusterHealthDocument, SwarmClustersDocument, type RegisterSwarmClusterInput } from '../generated/graphql';
import { codeOf, TestServer } from '../support/harness';
import { loadFleet, loadSwarmFleet, swarmDocker, swarmNode, type SwarmFleet } from '../support/fleet';

/** registerSwarmCluster on the fleet's real three-manager swarm: what it discovers, what it refuses, hybrid links. */
describe('registerSwarmCluster on the fleet swarm', () => {
  let server: TestServer;
  let swarm: SwarmFleet;
  let token: string;
  let counter = 0;

  beforeAll(async () => {
    swarm = loadSwarmFleet();
    server = await TestServer.start({ SYNC_WORKER_ENABLED: 'false' });
    token = await server.token();
  });
  afterAll(() => server?.close());

  const register = (input: Omit<RegisterSwarmClusterInput, 'name' | 'environment'>, as = token) =>
    server.request(RegisterSwarmClusterDocument, { input: { name: `swarm-${++counter}`, environment: DockerHostEnvironment.Staging, ...input } }, as);

  it('discovers 3 managers (one leader, all reachable) and 1 worker through the mutual-TLS manager', async () => {
    const result = await register({ managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls });
    expect(result.errors).toBeUndefined();
    const cluster = result.data!.registerSwarmCluster;
    const raw = await swarmDocker(swarm, 's1').swarmInspect();
    expect(cluster).toMatchObject({
      status: DockerHostStatus.Connected,
      swarmId: raw.ID,
      nodeCount: 4,
      managerCount: 3,
      managersReachable: 3,
      hasQuorum: true,
      hasTlsCredentials: true,
      activeEndpoint: swarm.managerTlsEndpoint,
      lastError: null,
    });
    const { swarmCluster } = await server.ok(SwarmClusterDocument, { id: cluster.id }, token);
    const nodes = swarmCluster.nodes.nodes;
    expect(nodes.map((n) => [n.hostname, n.role, n.state]).sort()).toEqual([
      ...['s1', 's2', 's3'].map((name) => [expect.any(String), 'manager', 'ready']),
      [expect.any(String), 'worker', 'ready'],
    ].sort());
    expect(nodes.filter((n) => n.role === 'manager').every((n) => n.managerReachability === 'reachable')).toBe(true);
    expect(nodes.filter((n) => n.leader)).toHaveLength(1);
    expect(swarmCluster.leaderNodeId).toBe(nodes.find((n) => n.leader)!.dockerId);
    expect(nodes.find((n) => n.role === 'worker')!.labels).toMatchObject({ 'fleet.node': 's4' });
    expect(nodes.every((n) => (n.cpus ?? 0) > 0 && (n.memoryBytes ?? 0) > 0)).toBe(true);

    const health = (await server.ok(SwarmClusterHealthDocument, { id: cluster.id }, token)).swarmClusterHealth;
    expect(health).toMatchObject({ managersTotal: 3, managersReachable: 3, quorumNeeded: 2, hasQuorum: true, nodesDown: [] });
    expect(health.leader?.hostname).toBeTruthy();
  });

  it('refuses a worker and an engine in no swarm, naming the field and what the engine is', async () => {
    const worker = await register({ managerEndpoint: swarm.workerEndpoint, tlsVerify: false });
    expect(codeOf(worker)).toBe('BAD_USER_INPUT');
    expect(worker.errors![0]!.extensions!.field).toBe('managerEndpoint');
    expect(worker.errors![0]!.message).toMatch(/worker/);
    const standalone = await register({ managerEndpoint: loadFleet().tcpEndpoint, tlsVerify: false });
    expect(codeOf(standalone)).toBe('BAD_USER_INPUT');
    expect(standalone.errors![0]!.message).toMatch(/not part of a swarm/);
    const both = await register({ managerEndpoint: swarm.workerEndpoint, managerHostId: '00000000-0000-4000-8000-000000000000' });
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    // The same swarm twice in one account: refused, naming the cluster that has it.
    const twice = await register({ managerEndpoint: swarmNode(swarm, 's3').endpoint, tlsVerify: false });
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors![0]!.message).toMatch(/already registered in this account as cluster "swarm-1"/);
    // Nothing was stored for any of them.
    expect((await server.ok(SwarmClustersDocument, {}, token)).swarmClusters.totalCount).toBe(1);
  });

  it('registers by a registered host that is a manager, and links that host and its node both ways', async () => {
    const as = await server.token();
    const s2 = swarmNode(swarm, 's2');
    const host = (await server.ok(RegisterDockerHostDocument, { input: { name: 's2', apiEndpoint: s2.endpoint, environment: DockerHostEnvironment.Staging, tlsVerify: false } }, as)).registerDockerHost;
    const result = await register({ managerHostId: host.id }, as);
    expect(result.errors).toBeUndefined();
    const cluster = result.data!.registerSwarmCluster;
    expect(cluster).toMatchObject({ status: DockerHostStatus.Connected, managerEndpoint: s2.endpoint, managerCount: 3 });
    const s2NodeId = (await swarmDocker(swarm, 's2').info()).Swarm.NodeID as string;
    const { swarmCluster } = await server.ok(SwarmClusterDocument, { id: cluster.id }, as);
    const linked = swarmCluster.nodes.nodes.filter((n) => n.host);
    expect(linked.map((n) => [n.dockerId, n.host!.id])).toEqual([[s2NodeId, host.id]]);
    const { dockerHost } = await server.ok(HostSwarmNodeDocument, { id: host.id }, as);
    expect(dockerHost).toMatchObject({ swarmNodeId: s2NodeId, swarmNode: { dockerId: s2NodeId, role: 'manager', cluster: { id: cluster.id } } });
    // Another account sees neither.
    const other = await server.token();
    expect(codeOf(await server.request(SwarmClusterDocument, { id: cluster.id }, other))).toBe('NOT_FOUND');
    expect((await server.ok(SwarmClustersDocument, {}, other)).swarmClusters.totalCount).toBe(0);
  });
});
