import { DomainError } from '../../src/common/errors';
import { DockerClientPool } from '../../src/docker/docker.pool';
import { DockerSwarm } from '../../src/docker/docker.swarm';
import type { HostTarget } from '../../src/docker/docker.types';
import type { SwarmTaskSnapshot } from '../../src/docker/swarm.types';
import { createLogger } from '../../src/log/logger';
import { loadFleet } from '../support/fleet';
import { PrivateDaemon } from '../support/private-daemon';
import { waitFor } from '../support/wait';

/**
 * The swarm adapter against a real single-node swarm: a private dockerd (its own netns, loopback only, no bridge)
 * that this test makes a swarm manager of. A missing fleet or private daemon fails the test (PrivateDaemon.start and
 * loadFleet throw); nothing here skips.
 */
describe(DockerSwarm.name, () => {
  jest.setTimeout(120_000);
  let daemon: PrivateDaemon;
  let pool: DockerClientPool;
  let swarm: DockerSwarm;
  let target: HostTarget;
  const image = () => loadFleet().image;

  beforeAll(async () => {
    daemon = await PrivateDaemon.start();
    pool = new DockerClientPool({ timeoutMs: 20_000, logger: createLogger({ level: 'silent' }) });
    swarm = new DockerSwarm(pool);
    target = { hostId: daemon.name, apiEndpoint: daemon.endpoint, tlsVerify: true, fingerprint: daemon.endpoint };
  }, 120_000);
  afterAll(async () => {
    pool?.close();
    await daemon?.stop();
  }, 120_000);

  const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof DomainError ? error.code : String(error)));

  it('reads a daemon in no swarm as inactive, and refuses manager reads with NOT_SWARM_MANAGER', async () => {
    const info = await swarm.swarmInfo(target);
    expect(info).toMatchObject({ localNodeState: 'inactive', controlAvailable: false, nodeId: null, clusterId: null, managers: 0, nodes: 0 });
    expect(await codeOf(swarm.listNodes(target))).toBe('NOT_SWARM_MANAGER');
    expect(await codeOf(swarm.listServices(target))).toBe('NOT_SWARM_MANAGER');
  });

  describe('on a single-node swarm', () => {
    let nodeId: string;
    beforeAll(async () => {
      const started = Date.now();
      nodeId = await swarm.initSwarm(target, { advertiseAddr: '127.0.0.1' });
      console.log(`swarm init: ${Date.now() - started} ms`);
    });

    it('reports the swarm active with one manager, the leader', async () => {
      const info = await swarm.swarmInfo(target);
      expect(info).toMatchObject({ localNodeState: 'active', controlAvailable: true, nodeId, managers: 1, nodes: 1, error: null });
      expect(info.clusterId).toBeTruthy();
      const inspect = await swarm.inspectSwarm(target);
      expect(inspect.id).toBe(info.clusterId);
      expect(JSON.stringify(inspect)).not.toMatch(/SWMTKN/);
      const nodes = await swarm.listNodes(target);
      expect(nodes).toHaveLength(1);
      expect(nodes[0]).toMatchObject({ dockerId: nodeId, role: 'manager', leader: true, managerReachability: 'reachable', state: 'ready', availability: 'active' });
      expect(nodes[0]!.nanoCpus).toBeGreaterThan(0);
      expect(await swarm.inspectNode(target, nodeId)).toEqual(nodes[0]);
      expect(await swarm.inspectNode(target, 'nosuchnode0000000000000000')).toBeNull();
      expect(await swarm.inspectService(target, 'nosuchservice00000000000000')).toBeNull();
      const networks = await swarm.listSwarmNetworks(target);
      console.log(JSON.stringify(networks));
    });
  });
});

export type { SwarmTaskSnapshot };
