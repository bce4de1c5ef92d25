import { DomainError } from '../../src/common/errors';
import { NodeManager } from '../../src/swarm/node.manager';
import { assertKeepsQuorum, failoverEndpoints, quorumNeeded, quorumOf } from '../../src/swarm/quorum';
import type { SwarmNode } from '../../src/swarm/node.entity';

const manager = (id: string, reachability: string, leader = false, addr = `10.0.0.${id}:2377`) => ({ dockerId: id, role: 'manager', managerReachability: reachability, managerAddr: addr, leader });
const worker = (id: string) => ({ dockerId: id, role: 'worker', managerReachability: null, managerAddr: null, leader: false });

describe('swarm quorum rules', () => {
  it('needs a majority of managers', () => {
    expect([1, 2, 3, 4, 5, 7].map(quorumNeeded)).toEqual([1, 2, 2, 3, 3, 4]);
  });

  it('reads quorum, the leader and the failover endpoints from one node listing', () => {
    const nodes = [manager('1', 'reachable', true), manager('2', 'unreachable'), manager('3', 'unreachable'), worker('4')];
    expect(quorumOf(nodes, 'tcp://10.0.0.1:2375')).toEqual({ nodeCount: 4, managerCount: 3, managersReachable: 1, hasQuorum: false, leaderNodeId: '1', failoverEndpoints: ['tcp://10.0.0.2:2375', 'tcp://10.0.0.3:2375'] });
    expect(quorumOf(nodes.map((n) => (n.role === 'manager' ? { ...n, managerReachability: 'reachable' } : n)), 'tcp://10.0.0.1:2375').hasQuorum).toBe(true);
  });

  it('derives failover endpoints only where the registered endpoint has a network twin', () => {
    expect(failoverEndpoints(['10.0.0.2:2377', '[fd00::3]:2377'], 'https://10.0.0.1:2376')).toEqual(['https://10.0.0.2:2376', 'https://[fd00::3]:2376']);
    expect(failoverEndpoints(['10.0.0.2:2377'], 'unix:///var/run/docker.sock')).toEqual([]);
  });

  it('refuses a demote that leaves too few reachable managers, naming the numbers, and lets a safe one through', () => {
    const refuse = () => assertKeepsQuorum({ managerCount: 3, managersReachable: 2 }, { managerLeaving: true, leavingReachable: true, action: 'demoting s2' });
    expect(refuse).toThrow(DomainError);
    expect(refuse).toThrow('demoting s2 refused: it would leave 1 reachable of 2 managers, and quorum needs 2 (now 2 of 3 reachable)');
    expect(() => assertKeepsQuorum({ managerCount: 3, managersReachable: 3 }, { managerLeaving: true, leavingReachable: true, action: 'x' })).not.toThrow();
    // Demoting the manager that is already unreachable costs no reachable vote.
    expect(() => assertKeepsQuorum({ managerCount: 3, managersReachable: 2 }, { managerLeaving: true, leavingReachable: false, action: 'x' })).not.toThrow();
    // A manager that leaves stays a raft member: 2 managers, one leaving, leaves 1 of 2.
    expect(() => assertKeepsQuorum({ managerCount: 2, managersReachable: 2 }, { managerLeaving: true, leavingReachable: true, staysMember: true, action: 'leaving' })).toThrow(/1 reachable of 2 managers/);
    expect(() => assertKeepsQuorum({ managerCount: 1, managersReachable: 1 }, { managerLeaving: true, leavingReachable: true, action: 'demoting the last manager' })).toThrow(/0 managers/);
  });
});

describe(NodeManager.name, () => {
  /** Hand-written fakes: a cluster that is operable, stored node rows, and a swarm adapter that records updates. */
  function world(live: ReturnType<typeof manager | typeof worker>[]) {
    const updates: Array<{ id: string; spec: Record<string, unknown> }> = [];
    const refreshes: string[][] = [];
    const row = (dockerId: string) => ({ id: `row-${dockerId}`, clusterId: 'c1', dockerId, hostname: 'vm' }) as SwarmNode;
    const manager = new NodeManager({
      clusters: { operable: async () => ({ cluster: { id: 'c1', apiEndpoint: 'tcp://10.0.0.1:2375' } as never, target: {} as never }) },
      queries: { one: async (_p: unknown, _kind: unknown, id: string) => row(id.replace('row-', '')) as never },
      swarm: {
        listNodes: async () => live as never,
        updateNode: async (_t, id, mutate) => void updates.push({ id, spec: mutate({ Role: 'manager', Availability: 'active', Labels: {} }) }),
        removeNode: async () => undefined,
      },
      sync: { refresh: async (_id, what) => void refreshes.push(what.kinds ?? []) as never },
    });
    return { manager, updates, refreshes };
  }
  const principal = { accountId: 'a1' } as never;

  it('demotes when quorum holds, judged on the live node list, and reads the nodes back', async () => {
    const { manager: nodes, updates, refreshes } = world([manager('1', 'reachable', true), manager('2', 'reachable'), manager('3', 'reachable')]);
    await nodes.demote(principal, 'row-2');
    expect(updates).toEqual([{ id: '2', spec: { Role: 'worker', Availability: 'active', Labels: {} } }]);
    expect(refreshes).toEqual([['node', 'task']]);
  });

  it('refuses a demote that breaks quorum without touching the swarm', async () => {
    const { manager: nodes, updates } = world([manager('1', 'reachable', true), manager('2', 'reachable'), manager('3', 'unreachable')]);
    await expect(nodes.demote(principal, 'row-2')).rejects.toMatchObject({ code: 'QUORUM_RISK' });
    expect(updates).toEqual([]);
  });

  it('drains with a lower-case availability and refuses an unknown one naming the field', async () => {
    const { manager: nodes, updates } = world([worker('4')]);
    await nodes.update(principal, 'row-4', { availability: 'DRAIN' });
    expect(updates[0]!.spec.Availability).toBe('drain');
    await expect(nodes.update(principal, 'row-4', { availability: 'sleep' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'availability' } });
  });
});
