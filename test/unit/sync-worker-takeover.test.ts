import type { LeasedScope, ScopeLeases } from '../../src/sync/sync-scope.types';
import { SyncWorker, type SyncWorkerOptions } from '../../src/sync/sync.worker';

/**
 * Hand-written fakes: leases that count claims and say when another instance's scopes become claimable, a pubsub
 * with no wakes, on jest's fake clock. The worker's tick is a minute, so a second claim before it is the takeover timer's.
 */
function worker(nextTakeover: Array<number | null>) {
  const claims: number[] = [];
  const leases: ScopeLeases = {
    renew: async () => [],
    releaseUnsyncable: async () => undefined,
    fairShare: async () => 10,
    claim: async (): Promise<LeasedScope[]> => {
      claims.push(Date.now());
      return [];
    },
    release: async () => [],
    releaseAll: async () => undefined,
    nextTakeoverMs: async () => (nextTakeover.length > 1 ? nextTakeover.shift()! : nextTakeover[0]!),
  };
  const never = { [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<unknown>>(() => undefined), return: async () => ({ done: true as const, value: undefined }) }) };
  const options = {
    orm: {} as never,
    sync: { scopes: { leases: () => leases, wakeTopic: 'wake' }, idle: async () => undefined } as never,
    inventory: {} as never,
    docker: { evict: () => undefined, sweepIdle: () => undefined },
    pubsub: { subscribe: () => never } as never,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as never,
    instanceId: 'me',
    tickMs: 60_000,
    leaseSeconds: 20,
    capacity: 10,
    probeMs: 1000,
    queueLimit: 10,
  } satisfies SyncWorkerOptions;
  return { worker: new SyncWorker(options), claims };
}

describe('SyncWorker takeover timing', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("ticks again when a dead instance's scopes become claimable, not a whole tick later", async () => {
    const { worker: w, claims } = worker([40, null]);
    w.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(claims).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(40 + 49);
    expect(claims).toHaveLength(1); // not before the moment (+ its margin)
    await jest.advanceTimersByTimeAsync(2);
    expect(claims).toHaveLength(2);
    expect(claims[1]! - claims[0]!).toBeLessThan(1000);
    await w.stop();
  });

  it('leaves a moment past the next tick to that tick, and adds none when nothing will come free', async () => {
    for (const next of [[90_000], [null]]) {
      const { worker: w, claims } = worker(next);
      w.start();
      await jest.advanceTimersByTimeAsync(59_999);
      expect(claims).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(claims).toHaveLength(2); // the regular tick
      await w.stop();
    }
  });
});
