import { DomainError, ErrorCode } from '../../src/common/errors';
import { HostStatus } from '../../src/hosts/host.enums';
import { ClusterScopes } from '../../src/swarm/cluster-scope.repository';
import type { SwarmCluster } from '../../src/swarm/cluster.entity';
import { InventorySync } from '../../src/sync/inventory.sync';
import { ScopeSupervisor, type SupervisorDeps } from '../../src/sync/scope.supervisor';
import type { ScopeStore, SyncScope, WatchVerdict } from '../../src/sync/sync-scope.types';

const target = { hostId: 'c1', apiEndpoint: 'tcp://fake:2375', tlsVerify: false, fingerprint: 'f' };
const silentLogger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

/** A supervisor on fakes whose full sync runs until the test lets it end, and whose watch says what the test tells it. */
function watched(verdict: () => Promise<WatchVerdict<SyncScope>>) {
  const state = { syncs: 0, looks: 0, lookingAtOnce: 0, maxAtOnce: 0, records: [] as Array<Record<string, unknown>>, endSync: () => undefined as void };
  const scope = { id: 'c1', status: HostStatus.CONNECTED, consecutiveFailures: 0, eventsCheckpoint: null };
  const deps = {
    instanceId: 'me',
    orm: { em: { fork: () => ({ findOne: async () => scope }) } },
    sync: {
      fullSync: async () => {
        state.syncs++;
        await new Promise<void>((resolve) => (state.endSync = resolve));
        return { scope, ok: true, skipped: false, written: 0, published: 0 };
      },
      applyEvents: async () => undefined,
      recordGap: async () => undefined,
      record: async (_id: string, fields: Record<string, unknown>, checked: Record<string, unknown>) => {
        state.records.push({ ...fields, ...checked });
        return true;
      },
      scopes: {
        label: 'swarm cluster',
        kinds: [],
        eventTypes: [],
        find: (em: { findOne(): Promise<unknown> }) => em.findOne(),
        syncable: () => true,
        fingerprint: () => 'fp',
        target: () => target,
        connect: async () => target,
        watch: {
          everyMs: 2000,
          look: async () => {
            state.looks++;
            state.maxAtOnce = Math.max(state.maxAtOnce, ++state.lookingAtOnce);
            try {
              return await verdict();
            } finally {
              state.lookingAtOnce--;
            }
          },
        },
      },
    },
    inventory: { openEvents: async () => ({ close: () => undefined }), ping: async () => undefined },
    logger: silentLogger,
    probeMs: 3_600_000,
    queueLimit: 100,
  } as unknown as SupervisorDeps;
  return { state, supervisor: new ScopeSupervisor('c1', 3_600_000, deps) };
}

describe(`${ScopeSupervisor.name} watch`, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('records what the watch saw while a full sync is still under way, fenced on its lease and connection', async () => {
    const { state, supervisor } = watched(async () => ({ due: true, record: { hasQuorum: false } as never }));
    supervisor.start();
    await jest.advanceTimersByTimeAsync(10);
    expect(state.syncs).toBe(1); // the first cycle, held open
    await jest.advanceTimersByTimeAsync(2_000);
    expect(state.records).toEqual([{ hasQuorum: false, owner: 'me', fingerprint: 'fp' }]);
    expect(state.syncs).toBe(1); // the sync it asks for comes after the one under way, not beside it
    state.endSync();
    await jest.advanceTimersByTimeAsync(10);
    expect(state.syncs).toBe(2);
    state.endSync();
    await supervisor.stop();
  });

  it('never runs two looks at once when one outlasts the watch period', async () => {
    const { state, supervisor } = watched(() => new Promise((resolve) => setTimeout(() => resolve({ due: false }), 5_000)));
    supervisor.start();
    await jest.advanceTimersByTimeAsync(20_000);
    expect(state.looks).toBeGreaterThanOrEqual(3);
    expect(state.maxAtOnce).toBe(1);
    state.endSync();
    await supervisor.stop();
  });
});

/** ClusterScopes on a fake swarm whose node list answers what the test sets (or never, like a follower without leader). */
function clusterScopes(nodes: () => Promise<unknown[]>) {
  const orm = { em: { fork: () => ({ getConnection: () => ({ execute: async () => [{ converging: false }] }) }) } };
  return new ClusterScopes({
    orm: orm as never,
    credentials: { open: () => undefined } as never,
    swarm: { swarmInfo: async () => ({}) as never, listNodes: nodes as never },
    inventory: { ping: async () => undefined },
    pubsub: { publish: () => undefined } as never,
    quorumProbeMs: 500,
  });
}

const manager = (id: string, reachable: boolean, leader = false) => ({ dockerId: id, role: 'manager', managerReachability: reachable ? 'reachable' : 'unreachable', managerAddr: null, leader });
const worker = { dockerId: 'w', role: 'worker' };
const whole = { status: HostStatus.CONNECTED, apiEndpoint: 'tcp://10.0.0.1:2375', nodeCount: 4, managerCount: 3, managersReachable: 3, hasQuorum: true, leaderNodeId: 'm1', lastErrorCode: null } as unknown as SwarmCluster;

describe(`${ClusterScopes.name} watch`, () => {
  it("records the leader's own view at once when managers stop answering: no quorum, the reachable count", async () => {
    const scopes = clusterScopes(async () => [manager('m1', false), manager('m2', false), manager('m3', true, true), worker]);
    expect(await scopes.watch.look(target, whole)).toEqual({ due: true, record: { hasQuorum: false, managersReachable: 1, leaderNodeId: 'm3', managerCount: 3, nodeCount: 4 } });
  });

  it('records quorum lost (no leader, fewer than quorum reachable, QUORUM_LOST) when a manager does not list its nodes in time', async () => {
    const scopes = clusterScopes(() => new Promise(() => undefined));
    const verdict = await scopes.watch.look(target, { ...whole, managersReachable: 2 } as SwarmCluster);
    expect(verdict).toMatchObject({ due: true, record: { hasQuorum: false, leaderNodeId: null, managersReachable: 1, lastErrorCode: ErrorCode.QUORUM_LOST } });
    // Told once: the next look during the same loss records nothing and asks for no sync.
    expect(await scopes.watch.look(target, { ...whole, ...verdict.record } as SwarmCluster)).toEqual({ due: false });
  });

  it('clears a recorded quorum loss as soon as a node list answers with quorum', async () => {
    const scopes = clusterScopes(async () => [manager('m1', true), manager('m2', true), manager('m3', true, true), worker]);
    const lost = { ...whole, hasQuorum: false, managersReachable: 1, leaderNodeId: null, lastError: 'no leader', lastErrorCode: ErrorCode.QUORUM_LOST } as unknown as SwarmCluster;
    expect(await scopes.watch.look(target, lost)).toEqual({ due: true, record: { hasQuorum: true, managersReachable: 3, leaderNodeId: 'm3', managerCount: 3, nodeCount: 4, lastError: null, lastErrorCode: null } });
  });

  it('records nothing when the node list shows what the row already says', async () => {
    const scopes = clusterScopes(async () => [manager('m1', true, true), manager('m2', true), manager('m3', true), worker]);
    expect(await scopes.watch.look(target, whole)).toEqual({ due: false });
  });

  it('leaves other failures of the node list to the check it brings forward (failover)', async () => {
    const scopes = clusterScopes(async () => Promise.reject(new DomainError(ErrorCode.HOST_UNREACHABLE, 'connect ECONNREFUSED')));
    await expect(scopes.watch.look(target, whole)).rejects.toMatchObject({ code: ErrorCode.HOST_UNREACHABLE });
  });
});

/** InventorySync.record on a fake database: one row, locked by the transaction, and a log of what was published. */
function recording(row: Record<string, unknown>) {
  const published: unknown[] = [];
  const tx = { getMetadata: () => ({ get: () => ({ props: [] }) }) };
  const orm = { em: { fork: () => ({ transactional: async (work: (t: typeof tx) => Promise<unknown>) => work(tx) }) } };
  const scopes = {
    label: 'swarm cluster',
    entityName: 'SwarmCluster',
    kinds: [],
    visible: ['hasQuorum', 'lastErrorCode'],
    lock: async () => row,
    syncable: () => true,
    fingerprint: () => 'fp',
    publishChange: (scope: unknown) => published.push({ ...(scope as object) }),
    events: {},
  } as unknown as ScopeStore<SyncScope>;
  const sync = new InventorySync({ orm: orm as never, scopes, inventory: {} as never, pubsub: {} as never, logger: silentLogger as never });
  return { sync, published };
}

describe(`${InventorySync.name} record`, () => {
  it('writes what changed, bumps the inventory version (a sync fetched before writes nothing stale) and publishes the scope', async () => {
    const row = { id: 'c1', hasQuorum: true, lastErrorCode: null, inventoryVersion: 7, syncOwner: 'me' };
    const { sync, published } = recording(row);
    expect(await sync.record('c1', { hasQuorum: false, lastErrorCode: 'QUORUM_LOST' } as never, { owner: 'me', fingerprint: 'fp' })).toBe(true);
    expect(row).toMatchObject({ hasQuorum: false, lastErrorCode: 'QUORUM_LOST', inventoryVersion: 8 });
    expect(published).toEqual([row]);
  });

  it('leaves the row (and its version) alone when nothing differs, or when the lease or the connection is another', async () => {
    const row = { id: 'c1', hasQuorum: false, lastErrorCode: null, inventoryVersion: 7, syncOwner: 'me' };
    const { sync, published } = recording(row);
    expect(await sync.record('c1', { hasQuorum: false } as never, { owner: 'me', fingerprint: 'fp' })).toBe(false);
    expect(await sync.record('c1', { hasQuorum: true } as never, { owner: 'someone-else', fingerprint: 'fp' })).toBe(false);
    expect(await sync.record('c1', { hasQuorum: true } as never, { owner: 'me', fingerprint: 'moved' })).toBe(false);
    expect(row).toMatchObject({ hasQuorum: false, inventoryVersion: 7 });
    expect(published).toEqual([]);
  });
});

describe(`${ClusterScopes.name} quorum loss as a check's failure`, () => {
  const scopes = clusterScopes(async () => []);
  const loss = new DomainError(ErrorCode.QUORUM_LOST, 'no leader');

  it('brings a cluster DISCONNECTED by an earlier failure back to CONNECTED: a manager answered', () => {
    expect(scopes.failed({ ...whole, status: HostStatus.DISCONNECTED, consecutiveFailures: 1 } as SwarmCluster, loss)).toMatchObject({ status: HostStatus.CONNECTED, consecutiveFailures: 0, hasQuorum: false, leaderNodeId: null, managersReachable: 1 });
  });

  it('leaves a cluster taken offline by its user (DISCONNECTED, no failures) and any other failure alone', () => {
    expect(scopes.failed({ ...whole, status: HostStatus.DISCONNECTED, consecutiveFailures: 0 } as SwarmCluster, loss)).not.toHaveProperty('status');
    expect(scopes.failed({ ...whole, status: HostStatus.DISCONNECTED, consecutiveFailures: 1 } as SwarmCluster, new DomainError(ErrorCode.HOST_TIMEOUT, 'late'))).toEqual({});
  });
});
