/**
 * S3: reads over 1,000,000 stored events and 1,000,000 audit rows (10 hosts of 10 accounts), through the API, each
 * against the same page and count in raw SQL (the same rows: the page the API reads, count beside it on a second
 * connection, as the API now does):
 *  - the runbook's post-operation check, `dockerEvents(filter: { severity: ERROR, since })` with its totalCount;
 *  - `activities(filter: { outcome: FAILURE, since })` with its totalCount (failures since an operation);
 *  - `activities(filter: { targetId })` with its totalCount (everything done to one object).
 * The target is absolute (p95 ≤ 20 ms) with the ratio printed beside it. Then retention: events older than two days
 * (about 4 in 7) are deleted in the worker's batches while a writer keeps inserting events one statement at a time;
 * the writer's latency during the deletes is compared with its latency just before.
 */
import '../support/setup-env';
import { Client as PgClient } from 'pg';
import { EventRepository } from '../../src/events/event.repository';
import { DockerEvent } from '../../src/events/event.entity';
import { EventSeverity } from '../../src/events/event.enums';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { ActivitiesDocument, ActivityOutcome, ErrorEventsSinceDocument } from '../generated/graphql';
import { seedActivities, seedEvents } from '../support/event-seed';
import { TestServer, newAccountId } from '../support/harness';
import { Cleanup, alternate, ms, progress, rawPool, round, rounded, summarize, timed, type BenchOutcome, type BenchRow, type Benchmark } from './bench.support';

const HOSTS = 10;
const EVENTS = 1_000_000;
const ACTIVITIES = 1_000_000;
const TARGET_P95_MS = 20;
/** The worker's batch (sync.worker.ts RETENTION_BATCH). */
const RETENTION_BATCH = 10_000;
/** The API's default page, plus the one row that says whether there is a next page. */
const PAGE_ROWS = 51;

export const s3: Benchmark = {
  id: 'S3',
  title: `event and activity reads over ${EVENTS.toLocaleString('en')} stored events and ${ACTIVITIES.toLocaleString('en')} activities`,
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const url = server.app.orm.config.get('clientUrl')!;
      const pg = new PgClient({ connectionString: url });
      await pg.connect();
      cleanup.add('close the raw client', () => pg.end());
      const raw = rawPool(url, cleanup, 2);
      const hosts = Array.from({ length: HOSTS }, (_, i) => Object.assign(new DockerHost(), { accountId: newAccountId(), name: `bench-s3-${i}`, apiEndpoint: 'tcp://127.0.0.1:1', environment: HostEnvironment.DEVELOPMENT, status: HostStatus.CONNECTED }));
      await server.app.orm.em.fork().persistAndFlush(hosts);
      const anchor = new Date();
      progress(`S3: seeding ${EVENTS} events and ${ACTIVITIES} activities`);
      await seedEvents(pg, { perHost: EVENTS / HOSTS, anchor });
      await seedActivities(pg, { accountIds: hosts.map((h) => h.accountId), perAccount: ACTIVITIES / HOSTS, anchor });
      const accountId = hosts[0]!.accountId;
      const token = await server.token({ accountId });
      const since = new Date(anchor.getTime() - 24 * 3600 * 1000 - 1500).toISOString();
      const pageAndCount = (table: string, where: string, params: unknown[]) =>
        Promise.all([raw.query(`select * from ${table} where ${where} order by ${table === 'activities' ? 'created_at' : 'time'} desc, id desc limit ${PAGE_ROWS}`, params), raw.query(`select count(*) from ${table} where ${where}`, params)]);

      const reads = [
        {
          what: 'ERROR-since events page + count',
          ours: () => server.ok(ErrorEventsSinceDocument, { since }, token),
          baseline: () => pageAndCount('docker_events', `account_id = $1 and severity = 'ERROR' and time >= $2`, [accountId, since]),
        },
        {
          what: 'FAILURE-since activities page + count',
          ours: () => server.ok(ActivitiesDocument, { filter: { outcome: ActivityOutcome.Failure, since } }, token),
          baseline: () => pageAndCount('activities', `account_id = $1 and outcome = 'failure' and created_at >= $2`, [accountId, since]),
        },
        {
          what: "one target's activities page + count",
          ours: () => server.ok(ActivitiesDocument, { filter: { targetId: 'target-7' } }, token),
          baseline: () => pageAndCount('activities', `account_id = $1 and target_id = $2`, [accountId, 'target-7']),
        },
      ];
      const rows: BenchRow[] = [];
      const details: Record<string, unknown> = { events: EVENTS, activities: ACTIVITIES, hosts: HOSTS, pageRows: PAGE_ROWS };
      for (const read of reads) {
        progress(`S3: ${read.what}`);
        const samples = await alternate({ warmup: 5, rounds: 60, ours: read.ours, baseline: read.baseline });
        const ours = summarize(samples.ours);
        const baseline = summarize(samples.baseline);
        rows.push({ id: 'S3', what: `${read.what} (p95)`, ours: ms(ours.p95), baseline: ms(baseline.p95), ratio: round(ours.p95 / baseline.p95, 2), target: `p95 ≤ ${TARGET_P95_MS} ms`, met: ours.p95 <= TARGET_P95_MS });
        details[read.what] = { ours: rounded(ours), baseline: rounded(baseline) };
      }

      // Retention under a writer: the writer inserts one event at a time, as a host's stream does.
      progress('S3: retention (events older than 2 days) under a concurrent writer');
      const events = () => server.app.orm.em.fork().getRepository(DockerEvent) as EventRepository;
      let written = 0;
      const write = () =>
        timed(() => events().insertNew([{ accountId, hostId: hosts[0]!.id, type: 'container', action: 'start', actorId: `writer-${written}`, actorName: null, attributes: {}, severity: EventSeverity.INFO, time: new Date(), timeNano: String(BigInt(Date.now()) * 1_000_000n + BigInt(written++)) }]));
      const writerWhile = async (busy: () => boolean) => {
        const samples: number[] = [];
        while (busy()) samples.push((await write()).ms);
        return samples;
      };
      const quietUntil = performance.now() + 3000;
      const quiet = await writerWhile(() => performance.now() < quietUntil);
      let deleting = true;
      const batches: number[] = [];
      const retention = (async () => {
        const before = new Date(anchor.getTime() - 2 * 24 * 3600 * 1000);
        for (let n = RETENTION_BATCH; n === RETENTION_BATCH; ) {
          const took = await timed(() => events().deleteOlderThan(before, RETENTION_BATCH));
          n = took.value;
          batches.push(took.ms);
        }
      })().finally(() => (deleting = false));
      const during = await writerWhile(() => deleting);
      await retention;
      const quietSummary = summarize(quiet);
      const duringSummary = summarize(during);
      const worstWriteMs = Math.max(...during);
      const worstBatchMs = Math.max(...batches);
      rows.push({
        id: 'S3',
        what: `insert p95 during ${batches.length} retention batches`,
        ours: ms(duringSummary.p95),
        baseline: `${ms(quietSummary.p95)} (before)`,
        ratio: round(duringSummary.p95 / quietSummary.p95, 2),
        // Not blocked: no write waits for a whole batch.
        target: 'no write waits for a batch',
        met: worstWriteMs < worstBatchMs,
      });
      details.retention = {
        method: `deleteOlderThan(anchor - 2 days, ${RETENTION_BATCH}) repeated until a batch is short (the worker's loop), while one writer inserts one event per statement (insertNew) back to back; the writer's latency before (3 s) and during`,
        batches: batches.length,
        eventsLeft: Number((await pg.query<{ n: string }>('select count(*) as n from docker_events')).rows[0]!.n),
        batchMs: rounded(summarize(batches)),
        writerBefore: rounded(quietSummary),
        writerDuring: { ...rounded(duringSummary), worstMs: round(worstWriteMs, 1) },
      };
      return { rows, details };
    } finally {
      await cleanup.run();
    }
  },
};
