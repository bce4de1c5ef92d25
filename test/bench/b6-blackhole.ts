/**
 * B6: one unresponsive host must not slow the others. 50 hosts on 50 simulated Engines (20 containers each) are fully
 * synced concurrently, round after round, as their supervisors would; the per-host sync time of hosts 2..50 is
 * compared between rounds where host 1 answers and rounds where its Engine is blackholed (its sync then waits for the
 * Docker deadline, DOCKER_TIMEOUT_MS). The two kinds of round alternate, so both see the same machine.
 */
import '../support/setup-env';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { TestServer, newAccountId } from '../support/harness';
import { SimulatedEngine } from '../sim/engine-sim';
import { Cleanup, ms, progress, round, rounded, summarize, timed, type BenchOutcome, type Benchmark } from './bench.support';

const HOSTS = 50;
const CONTAINERS = 20;
const TIMEOUT_MS = 2000;
const WARMUP_PAIRS = 1;
const PAIRS = 5;
const TARGET_GROWTH = 0.1;

export const b6: Benchmark = {
  id: 'B6',
  title: `concurrent full syncs of ${HOSTS} hosts, one of them blackholed`,
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      progress(`B6: starting ${HOSTS} simulated engines of ${CONTAINERS} containers`);
      const sims: SimulatedEngine[] = [];
      cleanup.add('close the simulated engines', () => Promise.all(sims.map((s) => s.close())));
      for (let i = 0; i < HOSTS; i++) sims.push(await SimulatedEngine.start({ containers: CONTAINERS, seed: 600 + i }));
      const server = await TestServer.start({ DOCKER_TIMEOUT_MS: String(TIMEOUT_MS) }, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const { app } = server;

      const em = app.orm.em.fork();
      const accountId = newAccountId();
      const hosts = sims.map((sim, i) =>
        Object.assign(new DockerHost(), { accountId, name: `bench-b6-${String(i + 1).padStart(2, '0')}`, apiEndpoint: sim.endpoint, environment: HostEnvironment.DEVELOPMENT, status: HostStatus.CONNECTED }),
      );
      await em.persistAndFlush(hosts);
      const ids = hosts.map((h) => h.id);
      const connection = app.orm.em.getConnection();
      // A failed sync counts against the host (DISCONNECTED, then ERROR after 5, which is never synced): host 1 is put
      // back before each round, untimed, so every blackholed round really waits for its deadline.
      const resetFirst = () => connection.execute("update docker_hosts set status = 'connected', consecutive_failures = 0, last_error = null, last_error_code = null where id = ?", [ids[0]]);

      const round_ = async () => {
        await resetFirst();
        return Promise.all(
          ids.map(async (id) => {
            const { ms: took, value } = await timed(() => app.sync.fullSync(id));
            return { ms: took, ok: value.ok, code: value.error?.code ?? null, skipped: value.skipped };
          }),
        );
      };

      // The first (cold) syncs, a few hosts at a time: they inspect every container, and 50 at once can miss the
      // Docker deadline on this machine (recorded below), which is not what this benchmark is about.
      progress('B6: first syncs, 5 hosts at a time (inventory inserted, clients negotiated)');
      const coldAllAtOnce = await round_();
      const coldFailures = coldAllAtOnce.filter((r) => !r.ok).length;
      for (let i = 0; i < ids.length; i += 5) {
        const batch = await Promise.all(ids.slice(i, i + 5).map((id) => app.sync.fullSync(id)));
        const failed = batch.filter((r) => !r.ok);
        if (failed.length > 0) throw new Error(`B6: ${failed.length} hosts failed their first sync: ${failed.map((r) => r.error?.message).join('; ')}`);
      }

      progress(`B6: ${WARMUP_PAIRS} warm-up + ${PAIRS} pairs of rounds (normal, blackholed), alternating`);
      const others = { normal: [] as number[], blackholed: [] as number[] };
      const roundMs = { normal: [] as number[], blackholed: [] as number[] };
      const firstHost = { normal: [] as Array<{ ms: number; ok: boolean; code: string | null }>, blackholed: [] as Array<{ ms: number; ok: boolean; code: string | null }> };
      const failures: string[] = [];
      for (let pair = 0; pair < WARMUP_PAIRS + PAIRS; pair++) {
        const keep = pair >= WARMUP_PAIRS;
        const order: Array<'normal' | 'blackholed'> = pair % 2 === 0 ? ['normal', 'blackholed'] : ['blackholed', 'normal'];
        for (const kind of order) {
          sims[0]!.blackhole(kind === 'blackholed');
          const { ms: took, value: results } = await timed(round_);
          for (const [i, r] of results.slice(1).entries()) if (!r.ok) failures.push(`${kind} round ${pair}: host ${i + 2} ${r.code ?? (r.skipped ? 'skipped' : 'failed')}`);
          if (!keep) continue;
          others[kind].push(...results.slice(1).map((r) => r.ms));
          roundMs[kind].push(took);
          firstHost[kind].push({ ms: round(results[0]!.ms, 1), ok: results[0]!.ok, code: results[0]!.code });
        }
      }
      sims[0]!.blackhole(false);

      const normal = summarize(others.normal);
      const blackholed = summarize(others.blackholed);
      const growth = blackholed.p95 / normal.p95 - 1;
      const deadlineHonoured = firstHost.blackholed.every((r) => !r.ok && r.code === 'HOST_TIMEOUT');
      return {
        rows: [
          {
            id: 'B6',
            what: `p95 sync of hosts 2..${HOSTS}, host 1 blackholed vs not`,
            ours: `${ms(blackholed.p95)} (bh)`,
            baseline: `${ms(normal.p95)} (normal)`,
            ratio: blackholed.p95 / normal.p95,
            target: `growth <= ${TARGET_GROWTH * 100}%`,
            met: growth <= TARGET_GROWTH && failures.length === 0,
          },
        ],
        details: {
          hosts: HOSTS,
          containersPerHost: CONTAINERS,
          dockerTimeoutMs: TIMEOUT_MS,
          databasePoolMax: app.orm.config.get('pool')?.max,
          method: `each round: all ${HOSTS} fullSync(hostId) calls launched at once (as ${HOSTS} supervisors would), each timed from its launch to its result; nothing changes on the engines between rounds (periodic no-change syncs); ${WARMUP_PAIRS} warm-up pair(s) then ${PAIRS} pairs of rounds, normal and blackholed alternating which goes first; host 1 reset to CONNECTED before each round`,
          hostsTwoToN: { normal: rounded(normal), blackholed: rounded(blackholed), p95Growth: round(growth), p50Growth: round(blackholed.p50 / normal.p50 - 1) },
          roundMs: { normal: rounded(summarize(roundMs.normal)), blackholed: rounded(summarize(roundMs.blackholed)) },
          hostOne: { ...firstHost, blackholedRoundsEndedByTheDeadline: deadlineHonoured },
          failuresOfOtherHosts: failures,
          coldFirstRound: { note: `all ${HOSTS} cold first syncs (${CONTAINERS} inspects each) launched at once, before the measured rounds`, failed: coldFailures, failures: coldAllAtOnce.filter((r) => !r.ok).map((r) => `${r.code} after ${Math.round(r.ms)} ms`).slice(0, 5), slowestMs: round(Math.max(...coldAllAtOnce.map((r) => r.ms)), 1) },
        },
      };
    } finally {
      await cleanup.run();
    }
  },
};
