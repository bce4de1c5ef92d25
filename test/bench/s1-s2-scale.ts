/**
 * S1 and S2: how far the sync engine goes. 1,000 hosts, each a simulated Engine (test/sim, 5 containers) on its own
 * port in this process, registered CONNECTED with a sync interval of 30 s (the shortest a host may have), synced by real API processes (`node dist/src/main.js`, what `npm start` runs) on one PostgreSQL.
 *
 * A host's periodic sync is seen where it lands: its Engine's GET /containers/json (one per full sync). After a
 * warm-up interval, for S_INTERVALS intervals:
 *  - every host synced each interval: every host's gaps between syncs stay within interval + 1 s;
 *  - scheduler drift: gap − interval for every consecutive pair of a host's syncs, p99 < 1 s;
 *  - event streams all open: the Engines' open /events streams, once a second, each must be 1,000;
 *  - the API processes' RSS (/proc/<pid>/status) per host, over the RSS of the same process before any host, and
 *    their CPU share (/proc/<pid>/stat utime + stime over wall time, of one core and of the machine's cores).
 * S2 runs two API processes with REDIS_URL: the hosts' sync_owner split (within 60/40), each host owned by exactly one
 * process at every sample, no host synced twice within one interval; then one process is killed (SIGKILL) and every
 * one of its hosts must be claimed by the survivor as soon as they are free (their leases and the victim's heartbeat
 * run out: within one lease, SYNC_LEASE_SECONDS, of the kill); when each is synced again (its first syncs spread) is reported.
 */
import '../support/setup-env';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { Client as PgClient } from 'pg';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { createIsolatedDatabase, newAccountId } from '../support/harness';
import { runNode, type RunningProcess } from '../support/process';
import { SimulatedEngine } from '../sim/engine-sim';
import { waitFor } from '../support/wait';
import { Cleanup, progress, round, rounded, summarize, type BenchOutcome, type BenchRow, type Benchmark } from './bench.support';
import { openDatabase } from '../../src/db/orm';
import { FIRST_SYNC_SPREAD_MS } from '../../src/sync/sync.worker';
import { createLogger } from '../../src/log/logger';

/** S_HOSTS and S_INTERVALS override the size and length, for trying the bench out. */
const HOSTS = Number(process.env.S_HOSTS ?? 1000);
const INTERVAL_S = 30;
const INTERVALS = Number(process.env.S_INTERVALS ?? 4);
const LEASE_S = 20;
const TICK_S = 5;
const DRIFT_TARGET_MS = 1000;
/** The takeover's measuring error and its own moment: the claim sampler's 250 ms, the timer's margin, the claim. */
const TAKEOVER_SLACK_MS = 1000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** RSS (bytes) and CPU seconds (user + system) of a process, from /proc. */
function usage(pid: number): { rss: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields after the command name (which may hold spaces): utime and stime are the 14th and 15th fields overall.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]);
  return { rss: rssKb * 1024, cpuSeconds: ticks / 100 };
}

interface Api {
  name: string;
  instanceId: string;
  proc: RunningProcess;
  idleRss: number;
}

async function startApi(name: string, databaseUrl: string, extra: Record<string, string>, cleanup: Cleanup): Promise<Api> {
  const port = await freePort();
  const instanceId = `bench-${name}`;
  const proc = runNode('dist/src/main.js', {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: process.env.JWT_SECRET,
    ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
    ENCRYPTION_ACTIVE_KEY_ID: process.env.ENCRYPTION_ACTIVE_KEY_ID,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SYNC_WORKER_ENABLED: 'true',
    SYNC_TICK_SECONDS: String(TICK_S),
    SYNC_LEASE_SECONDS: String(LEASE_S),
    INSTANCE_ID: instanceId,
    // S_POOL_MAX: a larger connection pool, to see whether the syncs wait for connections.
    ...(process.env.S_POOL_MAX ? { DATABASE_POOL_MAX: process.env.S_POOL_MAX } : {}),
    ...extra,
  });
  cleanup.add(`stop API ${name}`, async () => {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    proc.child.kill('SIGTERM');
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), 20_000);
    await proc.exited;
    clearTimeout(timer);
  });
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok, { what: `API ${name} to be ready`, timeoutMs: 60_000 });
  return { name, instanceId, proc, idleRss: usage(proc.child.pid!).rss };
}

interface Fleet {
  sims: SimulatedEngine[];
  /** Times (performance.now) of each host's full syncs (GET /containers/json), by host index. */
  syncs: number[][];
  hostIds: string[];
  databaseUrl: string;
  pg: PgClient;
}

async function startFleet(cleanup: Cleanup, tag: string): Promise<Fleet> {
  progress(`${tag}: starting ${HOSTS} simulated engines`);
  const sims: SimulatedEngine[] = [];
  cleanup.add('close the simulated engines', () => Promise.all(sims.map((s) => s.close())));
  const syncs: number[][] = [];
  for (let i = 0; i < HOSTS; i++) {
    const sim = await SimulatedEngine.start({ containers: 5, images: 2, networks: 1, volumes: 1, seed: 7000 + i });
    const times: number[] = [];
    syncs.push(times);
    sim.requested = (key) => {
      if (key === 'GET /containers/json') times.push(performance.now());
    };
    sims.push(sim);
  }
  const db = await createIsolatedDatabase();
  cleanup.add('drop the database', () => db.drop());
  // Migrated here, once, so the API processes start on a ready schema (and race for nothing).
  const orm = await openDatabase({ clientUrl: db.url, poolMax: 2, logger: createLogger({ level: 'warn' }), migrate: true });
  const accountId = newAccountId();
  const hosts = sims.map((sim, i) => Object.assign(new DockerHost(), { accountId, name: `bench-${tag.toLowerCase()}-${i}`, apiEndpoint: sim.endpoint, environment: HostEnvironment.DEVELOPMENT, status: HostStatus.CONNECTED, syncIntervalSeconds: INTERVAL_S }));
  const em = orm.em.fork();
  for (let i = 0; i < hosts.length; i += 200) await em.persistAndFlush(hosts.slice(i, i + 200));
  await orm.close();
  const pg = new PgClient({ connectionString: db.url });
  await pg.connect();
  cleanup.add('close the raw client', () => pg.end());
  return { sims, syncs, hostIds: hosts.map((h) => h.id), databaseUrl: db.url, pg };
}

/** For each host, the gap before each of its syncs in [from, to) since the sync before it. */
function gapsIn(fleet: Fleet, from: number, to: number): number[][] {
  return fleet.syncs.map((times) => times.flatMap((t, i) => (i > 0 && t >= from && t < to ? [t - times[i - 1]!] : [])));
}

function percentileOf(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Samples, once a second until `until`: open event streams, and the owners of every host. */
async function sample(fleet: Fleet, until: number, onOwners?: (owners: Array<{ id: string; sync_owner: string | null }>) => void): Promise<{ streamsMin: number; streamsMax: number; samples: number }> {
  let streamsMin = Infinity;
  let streamsMax = 0;
  let samples = 0;
  while (performance.now() < until) {
    const streams = fleet.sims.reduce((n, s) => n + s.eventStreams, 0);
    streamsMin = Math.min(streamsMin, streams);
    streamsMax = Math.max(streamsMax, streams);
    if (onOwners) onOwners((await fleet.pg.query<{ id: string; sync_owner: string | null }>('select id, sync_owner from docker_hosts')).rows);
    samples++;
    // Pacing the sampler (once a second), not waiting for a condition.
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(0, until - performance.now()))));
  }
  return { streamsMin, streamsMax, samples };
}

/** The measured window's figures shared by S1 and S2. */
function syncFigures(fleet: Fleet, from: number, to: number) {
  const gaps = gapsIn(fleet, from, to);
  const intervalMs = INTERVAL_S * 1000;
  const drift = gaps.flat().map((g) => g - intervalMs);
  const late = gaps.filter((g) => g.some((x) => x > intervalMs + DRIFT_TARGET_MS)).length;
  // A host synced in every interval: its syncs inside the window leave no gap longer than the interval + the drift target,
  // and it has about as many syncs as intervals (the first and last may fall either side of the window's edges).
  const windowIntervals = Math.round((to - from) / intervalMs);
  const syncCounts = fleet.syncs.map((times) => times.filter((t) => t >= from && t < to).length);
  const missed = syncCounts.filter((n) => n < windowIntervals).length;
  // Twice within one interval: two syncs closer than half an interval (a stream re-open re-lists, which is not periodic).
  const doubled = gaps.filter((g) => g.some((x) => x < intervalMs / 2)).length;
  return {
    drift: { p50: round(percentileOf(drift, 50), 1), p99: round(percentileOf(drift, 99), 1), max: round(Math.max(...drift), 1), min: round(Math.min(...drift), 1), n: drift.length },
    hostsWithALateSync: late,
    hostsMissingAnInterval: missed,
    hostsSyncedTwiceInAnInterval: doubled,
    syncsPerHost: rounded(summarize(syncCounts), 1),
    windowIntervals,
  };
}

function cpuAndMemory(apis: Api[], before: Map<string, { cpuSeconds: number; at: number }>, hosts: Map<string, number>) {
  return Object.fromEntries(
    apis.map((api) => {
      const now = usage(api.proc.child.pid!);
      const start = before.get(api.name)!;
      const wallS = (performance.now() - start.at) / 1000;
      const share = (now.cpuSeconds - start.cpuSeconds) / wallS;
      const held = hosts.get(api.name) ?? 0;
      return [api.name, { hosts: held, rssMb: round(now.rss / 2 ** 20, 1), idleRssMb: round(api.idleRss / 2 ** 20, 1), rssPerHostKb: held ? round((now.rss - api.idleRss) / 1024 / held, 1) : null, cpuOfOneCore: round(share, 3), cpuOfMachine: round(share / cpus().length, 3) }];
    }),
  );
}

export const s1: Benchmark = {
  id: 'S1',
  title: `${HOSTS} simulated hosts, ${INTERVAL_S} s interval, one API process`,
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const fleet = await startFleet(cleanup, 'S1');
      progress('S1: starting the API process');
      const api = await startApi('a', fleet.databaseUrl, {}, cleanup);
      await waitFor(() => fleet.syncs.every((t) => t.length > 0), { what: `every host's first sync`, timeoutMs: 180_000 });
      progress(`S1: every host synced once; warm-up interval of ${INTERVAL_S} s, then ${INTERVALS} measured`);
      const warm = performance.now() + INTERVAL_S * 1000;
      await sample(fleet, warm);
      const from = performance.now();
      const before = new Map([[api.name, { cpuSeconds: usage(api.proc.child.pid!).cpuSeconds, at: from }]]);
      const to = from + INTERVALS * INTERVAL_S * 1000;
      const streams = await sample(fleet, to);
      const figures = syncFigures(fleet, from, to);
      const processes = cpuAndMemory([api], before, new Map([[api.name, HOSTS]]));
      const a = processes[api.name]!;
      const rows: BenchRow[] = [
        { id: 'S1', what: `hosts synced every ${INTERVAL_S} s interval`, ours: `${HOSTS - figures.hostsMissingAnInterval}/${HOSTS}`, baseline: '—', ratio: null, target: 'all', met: figures.hostsMissingAnInterval === 0 && figures.hostsWithALateSync === 0 },
        { id: 'S1', what: 'scheduler drift p99 (gap − interval)', ours: `${figures.drift.p99} ms`, baseline: '—', ratio: null, target: `< ${round(DRIFT_TARGET_MS, 0)} ms`, met: figures.drift.p99 < DRIFT_TARGET_MS },
        { id: 'S1', what: 'event streams open (min over samples)', ours: `${streams.streamsMin}/${HOSTS}`, baseline: '—', ratio: null, target: 'all', met: streams.streamsMin === HOSTS },
        { id: 'S1', what: 'RSS per host, CPU share', ours: `${a.rssPerHostKb} KiB, ${round(a.cpuOfOneCore * 100, 1)}% of a core`, baseline: `idle ${a.idleRssMb} MiB`, ratio: null, target: 'reported', met: null },
      ];
      return { rows, details: { hosts: HOSTS, intervalSeconds: INTERVAL_S, measuredIntervals: INTERVALS, driftTargetMs: DRIFT_TARGET_MS, leaseSeconds: LEASE_S, tickSeconds: TICK_S, ...figures, streams, processes, cpus: cpus().length, note: 'the 1,000 simulated Engines run in the bench process on the same 2 cores' } };
    } finally {
      await cleanup.run();
    }
  },
};

export const s2: Benchmark = {
  id: 'S2',
  title: `${HOSTS} simulated hosts on two API processes sharing PostgreSQL and Redis; one killed`,
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const fleet = await startFleet(cleanup, 'S2');
      progress('S2: starting two API processes');
      const apis = await Promise.all(['a', 'b'].map((name) => startApi(name, fleet.databaseUrl, { REDIS_URL }, cleanup)));
      await waitFor(() => fleet.syncs.every((t) => t.length > 0), { what: `every host's first sync`, timeoutMs: 180_000 });
      // The first process up holds every host until the second says it is alive; the measured window starts once the
      // hosts are split (each process at its fair part) and every host was synced since.
      const split = async () => {
        const { rows } = await fleet.pg.query<{ owner: string | null; n: string }>('select sync_owner as owner, count(*) as n from docker_hosts group by sync_owner');
        return rows.length === apis.length && rows.every((r) => r.owner !== null && Number(r.n) <= Math.ceil(HOSTS / apis.length));
      };
      const splitWaitBegan = performance.now();
      // Not settled within 4 minutes: measured anyway (the split row says so), rather than nothing measured.
      const settled = await waitFor(split, { what: 'the hosts to be split between the processes', timeoutMs: 240_000 }).then(() => true, () => false);
      const splitAt = performance.now();
      const splitSettledAfterMs = settled ? round(splitAt - splitWaitBegan, 0) : null;
      await waitFor(() => fleet.syncs.every((t) => t.some((x) => x > splitAt)), { what: 'every host synced since the split', timeoutMs: 180_000 });
      progress(`S2: split, every host synced since; warm-up interval of ${INTERVAL_S} s, then ${INTERVALS} measured`);
      await sample(fleet, performance.now() + INTERVAL_S * 1000);
      const from = performance.now();
      const before = new Map(apis.map((api) => [api.name, { cpuSeconds: usage(api.proc.child.pid!).cpuSeconds, at: from }]));
      const to = from + INTERVALS * INTERVAL_S * 1000;
      const owners = new Map<string, Set<string | null>>();
      let lastOwners: Array<{ id: string; sync_owner: string | null }> = [];
      const streams = await sample(fleet, to, (rows) => {
        lastOwners = rows;
        for (const row of rows) owners.set(row.id, (owners.get(row.id) ?? new Set()).add(row.sync_owner));
      });
      const figures = syncFigures(fleet, from, to);
      const counts = new Map(apis.map((api) => [api.name, lastOwners.filter((r) => r.sync_owner === api.instanceId).length]));
      const processes = cpuAndMemory(apis, before, counts);
      const unowned = lastOwners.filter((r) => r.sync_owner === null).length;
      const ownerChanged = [...owners.values()].filter((set) => set.size > 1).length;
      const share = Math.max(...counts.values()) / HOSTS;

      // Kill one: its hosts must be synced by the other within one lease.
      const victim = apis[0]!;
      const victimHosts = new Set(lastOwners.filter((r) => r.sync_owner === victim.instanceId).map((r) => r.id));
      const indexOf = new Map(fleet.hostIds.map((id, i) => [id, i]));
      progress(`S2: SIGKILL API ${victim.name} (${victimHosts.size} hosts); waiting for the takeover`);
      const killedAt = performance.now();
      victim.proc.child.kill('SIGKILL');
      await victim.proc.exited;
      // When its hosts become free, by the database's clock: the last of its leases and its heartbeat run out (read
      // after its death, so no renewal can come between; at most one lease after its last renewal).
      const { rows: [left] } = await fleet.pg.query<{ ms: string }>(
        `select extract(epoch from greatest(max(h.sync_lease_until), (select alive_until from sync_instances where instance_id = $1)) - now()) * 1000 as ms
           from docker_hosts h where h.sync_owner = $1`, [victim.instanceId]);
      const freeAfterMs = performance.now() - killedAt + Number(left!.ms);
      progress(`S2: the victim's hosts are free ${round(freeAfterMs / 1000, 1)} s after the kill`);
      // Taken over: the survivor owns every one of the victim's hosts (sampled once a second).
      let claimedAfterMs = Number.POSITIVE_INFINITY;
      const claimWatch = (async () => {
        while (performance.now() - killedAt < (LEASE_S + INTERVAL_S) * 1000 + 30_000) {
          const { rows } = await fleet.pg.query<{ n: string }>('select count(*) as n from docker_hosts where id = any($1) and sync_owner = $2', [[...victimHosts], apis[1]!.instanceId]);
          if (Number(rows[0]!.n) === victimHosts.size) return void (claimedAfterMs = performance.now() - killedAt);
          // Pacing the sampler, not waiting for a condition.
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      const takenOver = await waitFor(
        () => [...victimHosts].every((id) => fleet.syncs[indexOf.get(id)!]!.some((t) => t > killedAt)),
        { what: 'every host of the killed process to be synced again', timeoutMs: (LEASE_S + INTERVAL_S) * 1000 + 30_000 },
      ).then(() => true, () => false);
      await claimWatch;
      const resyncedAfterMs = [...victimHosts].map((id) => (fleet.syncs[indexOf.get(id)!]!.find((t) => t > killedAt) ?? Number.POSITIVE_INFINITY) - killedAt);
      const lastTakeoverMs = Math.max(...resyncedAfterMs);
      const rows: BenchRow[] = [
        { id: 'S2', what: `split of ${HOSTS} hosts (a/b)`, ours: apis.map((api) => counts.get(api.name)).join('/'), baseline: '—', ratio: null, target: 'within 60/40', met: share <= 0.6 && unowned === 0 },
        { id: 'S2', what: 'hosts owned by two processes or synced twice in an interval', ours: `${ownerChanged} owner changes, ${figures.hostsSyncedTwiceInAnInterval} doubled`, baseline: '—', ratio: null, target: '0', met: ownerChanged === 0 && figures.hostsSyncedTwiceInAnInterval === 0 },
        { id: 'S2', what: `hosts synced every ${INTERVAL_S} s interval, drift p99`, ours: `${HOSTS - figures.hostsMissingAnInterval}/${HOSTS}, ${figures.drift.p99} ms`, baseline: '—', ratio: null, target: `all, < ${round(DRIFT_TARGET_MS, 0)} ms`, met: figures.hostsMissingAnInterval === 0 && figures.drift.p99 < DRIFT_TARGET_MS },
        // The kill may come just after a renewal: then its hosts are free a whole lease later. Taken over within one
        // lease means claimed once they are free (TAKEOVER_SLACK_MS: the sampler's 250 ms, the timer's margin, the claim).
        { id: 'S2', what: `one killed: its ${victimHosts.size} hosts all claimed by the other after`, ours: `${round(claimedAfterMs / 1000, 1)} s (free after ${round(freeAfterMs / 1000, 1)} s)`, baseline: '—', ratio: null, target: `<= free + ${TAKEOVER_SLACK_MS / 1000} s (free within one lease, ${LEASE_S} s)`, met: Number.isFinite(claimedAfterMs) && claimedAfterMs <= freeAfterMs + TAKEOVER_SLACK_MS },
        // Their first syncs are spread like any newcomers' (FIRST_SYNC_SPREAD_MS a host): reported, not a target.
        { id: 'S2', what: `one killed: its ${victimHosts.size} hosts synced again after`, ours: `${round(lastTakeoverMs / 1000, 1)} s (last; ${round((lastTakeoverMs - claimedAfterMs) / 1000, 1)} s after the claim)`, baseline: '—', ratio: null, target: `reported (first syncs spread ${round((victimHosts.size * FIRST_SYNC_SPREAD_MS) / 1000, 1)} s)`, met: takenOver ? null : false },
      ];
      return {
        rows,
        details: { hosts: HOSTS, intervalSeconds: INTERVAL_S, measuredIntervals: INTERVALS, leaseSeconds: LEASE_S, tickSeconds: TICK_S, split: Object.fromEntries(counts), splitSettledAfterMs, unowned, hostsWhoseOwnerChanged: ownerChanged, ...figures, streams, processes, takeover: { victimHosts: victimHosts.size, allTakenOver: takenOver, freeAfterMs: round(freeAfterMs, 0), claimedAfterMs: round(claimedAfterMs, 0), afterKillMs: rounded(summarize(resyncedAfterMs.filter(Number.isFinite))) } },
      };
    } finally {
      await cleanup.run();
    }
  },
};
