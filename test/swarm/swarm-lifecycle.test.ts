import { DockerHostEnvironment, DockerHostStatus, DemoteSwarmNodeDocument, InitSwarmDocument, JoinSwarmDocument, LeaveSwarmDocument, RegisterDockerHostDocument, RemoveSwarmNodeDocument, SwarmClusterDocument, SwarmNodeRole, UpdateSwarmDocument } from '../generated/graphql';
import { codeOf, TestServer } from '../support/harness';
import { run } from '../support/private-daemon.cleanup';
import { PrivateDaemon } from '../support/private-daemon';

/**
 * initSwarm, joinSwarm, leaveSwarm and updateSwarm through the API, on three private dockerds a test owns (the fleet's
 * swarm is shared): linked by a bridge inside the first one's network namespace (10.214.0.0/24 exists only there).
 */
describe('swarm lifecycle through the API', () => {
  jest.setTimeout(180_000);
  let daemons: PrivateDaemon[] = [];
  let server: TestServer;
  let token: string;
  const address = (i: number) => `10.214.0.${i + 1}`;

  beforeAll(async () => {
    daemons = await Promise.all([0, 1, 2].map(() => PrivateDaemon.start()));
    const hub = daemons[0]!.netns;
    await run('ip', ['-n', hub, 'link', 'add', 'swl0', 'type', 'bridge']);
    await run('ip', ['-n', hub, 'addr', 'add', `${address(0)}/24`, 'dev', 'swl0']);
    await run('ip', ['-n', hub, 'link', 'set', 'swl0', 'up']);
    for (const i of [1, 2]) {
      const other = daemons[i]!.netns;
      await run('ip', ['-n', hub, 'link', 'add', `swl-${i}`, 'type', 'veth', 'peer', 'name', 'swl0', 'netns', other]);
      await run('ip', ['-n', hub, 'link', 'set', `swl-${i}`, 'master', 'swl0', 'up']);
      await run('ip', ['-n', other, 'addr', 'add', `${address(i)}/24`, 'dev', 'swl0']);
      await run('ip', ['-n', other, 'link', 'set', 'swl0', 'up']);
    }
    server = await TestServer.start();
    token = await server.token();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await Promise.all(daemons.map((d) => d.stop()));
  }, 120_000);

  it('inits a swarm on a host, joins a manager and a worker, refuses a leave that breaks quorum, and leaves cleanly', async () => {
    const hosts = [];
    for (const [i, d] of daemons.entries()) {
      hosts.push((await server.ok(RegisterDockerHostDocument, { input: { name: `pd-${i}`, apiEndpoint: d.endpoint, environment: DockerHostEnvironment.Development } }, token)).registerDockerHost);
    }
    const [first, second, third] = hosts as [(typeof hosts)[0], (typeof hosts)[0], (typeof hosts)[0]];
    const cluster = (await server.ok(InitSwarmDocument, { hostId: first.id, input: { advertiseAddr: address(0), listenAddr: `${address(0)}:2377`, clusterName: 'made-here' } }, token)).initSwarm;
    expect(cluster).toMatchObject({ name: 'made-here', status: DockerHostStatus.Connected, managerCount: 1, nodeCount: 1, hasQuorum: true, managerEndpoint: daemons[0]!.endpoint });

    const asManager = (await server.ok(JoinSwarmDocument, { hostId: second.id, clusterId: cluster.id, role: SwarmNodeRole.Manager, advertiseAddr: address(1) }, token)).joinSwarm;
    expect(asManager).toMatchObject({ managerCount: 2, nodeCount: 2 });
    const asWorker = (await server.ok(JoinSwarmDocument, { hostId: third.id, clusterId: cluster.id, role: SwarmNodeRole.Worker, advertiseAddr: address(2) }, token)).joinSwarm;
    expect(asWorker).toMatchObject({ managerCount: 2, nodeCount: 3 });
    // The join tokens were fetched and used, never shown: not in any answer, not in the server log.
    expect(server.logs.join('')).not.toMatch(/SWMTKN-/);

    const again = await server.request(JoinSwarmDocument, { hostId: third.id, clusterId: cluster.id, role: SwarmNodeRole.Worker }, token);
    expect(codeOf(again)).toBe('CONFLICT');

    // Two managers, both reachable: one leaving (it stays a raft member, unreachable) leaves 1 of 2, and quorum needs 2.
    const refused = await server.request(LeaveSwarmDocument, { hostId: second.id, force: true }, token);
    expect(codeOf(refused)).toBe('QUORUM_RISK');
    expect(refused.errors![0]!.message).toMatch(/1 reachable of 2 managers, and quorum needs 2/);

    // Demoted first (raft shrinks to one manager), it may leave.
    const { swarmCluster } = await server.ok(SwarmClusterDocument, { id: cluster.id }, token);
    const secondNode = swarmCluster.nodes.nodes.find((n) => n.address === address(1) || n.hostname === second.name) ?? swarmCluster.nodes.nodes.find((n) => n.role === 'manager' && !n.leader)!;
    expect((await server.ok(DemoteSwarmNodeDocument, { id: secondNode.id }, token)).demoteSwarmNode.role).toBe('worker');
    const left = (await server.ok(LeaveSwarmDocument, { hostId: second.id, force: false }, token)).leaveSwarm;
    expect(left.swarmNodeId).toBeNull();
    // A node that left stays listed (down, once its heartbeats stop) until removed; force removes it now.
    expect((await server.ok(RemoveSwarmNodeDocument, { id: secondNode.id, force: true }, token)).removeSwarmNode).toBe(secondNode.id);
    const { swarmCluster: after } = await server.ok(SwarmClusterDocument, { id: cluster.id }, token);
    expect(after.nodes.nodes.map((n) => n.id)).not.toContain(secondNode.id);
    expect(after).toMatchObject({ nodeCount: 2, managerCount: 1, managersReachable: 1, hasQuorum: true });

    const updated = (await server.ok(UpdateSwarmDocument, { clusterId: cluster.id, input: { taskHistoryLimit: 3, rotateWorkerToken: true } }, token)).updateSwarm;
    expect((updated.swarm!.spec as { Orchestration: { TaskHistoryRetentionLimit: number } }).Orchestration.TaskHistoryRetentionLimit).toBe(3);
    const bad = await server.request(UpdateSwarmDocument, { clusterId: cluster.id, input: { heartbeatTick: 5, electionTick: 3 } }, token);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });
});
