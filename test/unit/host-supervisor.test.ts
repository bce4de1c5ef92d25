import type { EventStreamOptions } from '../../src/docker/docker.inventory';
import { HostStatus } from '../../src/hosts/host.enums';
import { HostSupervisor, type SupervisorDeps } from '../../src/sync/host.supervisor';

/**
 * Hand-written fakes of the database, the sync and the Engine: a database that can be down, and event streams the
 * test can end. Time is jest's fake clock.
 */
function world() {
  const state = { databaseDown: false, syncs: 0, streams: [] as EventStreamOptions[] };
  const down = () => {
    if (state.databaseDown) throw new Error('connect ECONNREFUSED (database)');
  };
  const host = { id: 'h1', status: HostStatus.CONNECTED, eventsCheckpoint: null };
  const deps = {
    instanceId: 'test',
    orm: { em: { fork: () => ({ findOne: async () => (down(), host) }) } },
    sync: {
      fullSync: async () => {
        down();
        state.syncs++;
        return { host, ok: true, skipped: false, written: 0, published: 0 };
      },
      applyEvents: async () => down(),
      recordGap: async () => undefined,
    },
    inventory: {
      openEvents: async (_target: unknown, options: EventStreamOptions) => {
        state.streams.push(options);
        return { close: () => undefined };
      },
      ping: async () => undefined,
    },
    credentials: { target: () => ({ hostId: 'h1', apiEndpoint: 'tcp://fake:2375', tlsVerify: false, fingerprint: 'f' }) },
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
  return { state, supervisor: new HostSupervisor('h1', 3_600_000, deps), outage };
}

describe(HostSupervisor.name, () => {
  beforeEach(() => jest.useFakeTimers());
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
});
