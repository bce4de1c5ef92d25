import type { EventStreamOptions } from '../../src/docker/docker.inventory';
import { HostStatus } from '../../src/hosts/host.enums';
import { ScopeSupervisor, type SupervisorDeps } from '../../src/sync/scope.supervisor';
import { HOST_KINDS } from '../../src/sync/sync.kinds';

/** The scope store as the supervisor sees it: rows come from the fake database's findOne. */
function fakeScopes() {
  const target = { hostId: 'h1', apiEndpoint: 'tcp://fake:2375', tlsVerify: false, fingerprint: 'f' };
  return {
    label: 'docker host',
    kinds: HOST_KINDS,
    eventTypes: ['container'],
    find: (em: { findOne(): Promise<unknown> }) => em.findOne(),
    syncable: () => true,
    fingerprint: () => 'f',
    connect: async () => target,
  };
}

/**
 * Hand-written fakes of the database, the sync and the Engine: a database that can be down, and event streams the
 * test can end. Time is jest's fake clock.
 */
function world(options: { intervalMs?: number; syncMs?: number } = {}) {
  const state = { databaseDown: false, syncs: 0, attempts: 0, streams: [] as EventStreamOptions[], syncStarts: [] as number[] };
  const down = () => {
    if (state.databaseDown) throw new Error('connect ECONNREFUSED (database)');
  };
  const host = { id: 'h1', status: HostStatus.CONNECTED, eventsCheckpoint: null };
  const deps = {
    instanceId: 'test',
    orm: {
      em: {
        fork: () => ({
          findOne: async () => {
            state.attempts++;
            // A database that is away takes its connect timeout to say so (and real retries are never exactly on time).
            if (state.databaseDown) await new Promise((resolve) => setTimeout(resolve, 50));
            down();
            return host;
          },
        }),
      },
    },
    sync: {
      fullSync: async () => {
        state.syncStarts.push(Date.now());
        // A sync that takes a while (waiting for the database or the Engine).
        if (options.syncMs) await new Promise((resolve) => setTimeout(resolve, options.syncMs));
        down();
        state.syncs++;
        return { scope: host, ok: true, skipped: false, written: 0, published: 0 };
      },
      applyEvents: async () => down(),
      recordGap: async () => undefined,
      scopes: fakeScopes(),
    },
    inventory: {
      openEvents: async (_target: unknown, options: EventStreamOptions) => {
        state.streams.push(options);
        return { close: () => undefined };
      },
      ping: async () => undefined,
    },
    logger: { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined },
    probeMs: 3_600_000,
    queueLimit: 100,
  } as unknown as SupervisorDeps;
  /**
   * A database outage of `ms`, found by the next Docker event: writing it fails, so the supervisor drops its stream
   * and re-lists, which fails too until the database is back.
   */
  const outage = async (ms: number) => {
    state.databaseDown = true;
    state.streams.at(-1)!.onEvent({ type: 'container', action: 'die', actorId: 'c1', attributes: {}, timeNano: String(Date.now() * 1e6) });
    await jest.advanceTimersByTimeAsync(ms);
    state.databaseDown = false;
  };
  return { state, supervisor: new ScopeSupervisor('h1', options.intervalMs ?? 3_600_000, deps), outage };
}

describe(ScopeSupervisor.name, () => {
  beforeEach(() => jest.useFakeTimers());

  it('keeps its periodic syncs an interval apart from start to start however long each takes, and pauses a quarter interval after one that overran', async () => {
    const { state, supervisor } = world({ intervalMs: 30_000, syncMs: 4_000 });
    const t0 = Date.now();
    supervisor.start(500);
    await jest.advanceTimersByTimeAsync(500 + 3 * 30_000 + 4_000 + 100); // the fourth sync has ended
    // At 0.5 s (the first sync put off by the worker), then every 30 s: not every 34 s.
    expect(state.syncStarts.map((t) => t - t0)).toEqual([500, 30_500, 60_500, 90_500]);
    await supervisor.stop();

    const slow = world({ intervalMs: 30_000, syncMs: 40_000 });
    const t1 = Date.now();
    slow.supervisor.start();
    await jest.advanceTimersByTimeAsync(2 * 47_500 + 40_000 + 100); // the third sync has ended
    // Each sync takes 40 s, longer than its interval: the next begins 7.5 s after it ends.
    expect(slow.state.syncStarts.map((t) => t - t1)).toEqual([0, 47_500, 95_000]);
    await slow.supervisor.stop();
  });
  afterEach(() => jest.useRealTimers());

  it('re-lists within seconds of a database outage long after earlier ones, not after the backoff they built up', async () => {
    const { state, supervisor, outage } = world();
    supervisor.start();
    await jest.advanceTimersByTimeAsync(10);
    expect(state.syncs).toBe(1);
    // A long outage: retries back off to the 30 s cap.
    await outage(120_000);
    await jest.advanceTimersByTimeAsync(31_000);
    expect(state.syncs).toBe(2);
    // Forty minutes of quiet, then a short blip: the retry comes a second or two after it, as for the very first one.
    await jest.advanceTimersByTimeAsync(40 * 60_000);
    const before = state.syncs;
    await outage(500);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(state.syncs).toBe(before + 1);
    await supervisor.stop();
  });

  it('keeps backing off while the database keeps failing', async () => {
    const { state, supervisor, outage } = world();
    supervisor.start();
    await jest.advanceTimersByTimeAsync(10);
    await outage(20_000); // retries at about 0, 1, 2, 4, 8 s: the next one is 16 s away
    await jest.advanceTimersByTimeAsync(2_000);
    expect(state.syncs).toBe(1);
    await jest.advanceTimersByTimeAsync(30_000);
    expect(state.syncs).toBe(2);
    await supervisor.stop();
  });

  it('holds the backoff at its 30 s cap while the trouble lasts, instead of starting over at every cap', async () => {
    const { state, supervisor, outage } = world();
    supervisor.start();
    await jest.advanceTimersByTimeAsync(10);
    const before = state.attempts;
    await outage(10 * 60_000);
    // 0, 1, 2, 4, 8, 16 s, then one every 30 s: about 25 tries in ten minutes (starting over would be about 70).
    expect(state.attempts - before).toBeLessThanOrEqual(27);
    expect(state.attempts - before).toBeGreaterThanOrEqual(20);
    await supervisor.stop();
  });

  describe('a host that failed its check', () => {
    /** A daemon that can be away: while it is, checks fail (DISCONNECTED) and pings are refused. */
    function away(intervalMs = 3_600_000) {
      const state = { away: true, pingsAnswered: false, syncs: 0, pings: 0, early: [] as boolean[] };
      const host = { id: 'h1', status: HostStatus.CONNECTED, consecutiveFailures: 1, eventsCheckpoint: null };
      const deps = {
        instanceId: 'test',
        orm: { em: { fork: () => ({ findOne: async () => host }) } },
        sync: {
          fullSync: async (_id: string, options: { early?: boolean }) => {
            state.syncs++;
            state.early.push(Boolean(options.early));
            host.status = state.away ? HostStatus.DISCONNECTED : HostStatus.CONNECTED;
            return { scope: host, ok: !state.away, skipped: false, written: 0, published: 0 };
          },
          applyEvents: async () => undefined,
          recordGap: async () => undefined,
          scopes: fakeScopes(),
        },
        inventory: {
          openEvents: async () => {
            if (state.away) throw new Error('connect ECONNREFUSED');
            return { close: () => undefined };
          },
          ping: async () => {
            state.pings++;
            if (state.away && !state.pingsAnswered) throw new Error('connect ECONNREFUSED');
          },
        },
        logger: { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined },
        probeMs: 3_600_000,
        queueLimit: 100,
      } as unknown as SupervisorDeps;
      return { state, supervisor: new ScopeSupervisor('h1', intervalMs, deps) };
    }

    it('is checked again within seconds of answering a ping, not at its hourly interval, and pings alone count for nothing', async () => {
      const { state, supervisor } = away();
      supervisor.start();
      await jest.advanceTimersByTimeAsync(10);
      expect(state.syncs).toBe(1); // failed: DISCONNECTED
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect(state.pings).toBeGreaterThan(10); // 1, 2, 4, ... 30 s apart
      expect(state.syncs).toBe(1); // no failed check counted toward ERROR meanwhile
      state.away = false;
      await jest.advanceTimersByTimeAsync(31_000);
      expect(state.syncs).toBe(2); // the ping answered and brought the check forward
      const pings = state.pings;
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect(state.pings).toBe(pings); // CONNECTED again: no more watching
      await supervisor.stop();
    });
  
    it('still makes its counted checks at the interval when pings are answered and checks fail (so it can reach ERROR)', async () => {
      const { state, supervisor } = away(60_000);
      state.pingsAnswered = true;
      supervisor.start();
      await jest.advanceTimersByTimeAsync(30 * 60_000);
      const counted = state.early.filter((early) => !early).length;
      expect(counted).toBeGreaterThanOrEqual(29); // one a minute, however many early checks came between
      expect(counted).toBeLessThanOrEqual(31);
      await supervisor.stop();
    });

    it('does not count a check brought forward by an answered ping, and pings no faster than every 30 s after one fails', async () => {
      const { state, supervisor } = away();
      state.pingsAnswered = true; // the API answers /_ping, but its checks fail
      supervisor.start();
      await jest.advanceTimersByTimeAsync(1_100);
      expect(state.early).toEqual([false, true]); // the interval's check, then one brought forward (not counted)
      await jest.advanceTimersByTimeAsync(5 * 60_000);
      expect(state.early.slice(2).every((early) => early)).toBe(true);
      expect(state.syncs).toBeLessThanOrEqual(2 + 11); // at most one early check per 30 s
      await supervisor.stop();
      const after = { syncs: state.syncs, pings: state.pings };
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect({ syncs: state.syncs, pings: state.pings }).toEqual(after); // nothing fires after stop()
    });
  });
});
