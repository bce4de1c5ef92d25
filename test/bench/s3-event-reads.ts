/**
 * S3: the runbook's post-operation check, `dockerEvents(filter: { severity: ERROR, since })` with its totalCount, over
 * 1,000,000 stored events (10 hosts of 10 accounts), through the API, against the same page and count in raw SQL.
 * The target is absolute (p95 ≤ 20 ms) with the ratio printed beside it.
 */
import '../support/setup-env';
import { Client as PgClient } from 'pg';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { ErrorEventsSinceDocument } from '../generated/graphql';
import { seedEvents } from '../support/event-seed';
import { TestServer, newAccountId } from '../support/harness';
import { Cleanup, alternate, ms, progress, round, rounded, summarize, type BenchOutcome, type Benchmark } from './bench.support';

const HOSTS = 10;
const EVENTS = 1_000_000;
const TARGET_P95_MS = 20;

export const s3: Benchmark = {
  id: 'S3',
  title: `dockerEvents(severity: ERROR, since) over ${EVENTS.toLocaleString('en')} stored events`,
  async run(): Promise<BenchOutcome> {
    const cleanup = new Cleanup();
    try {
      const server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
      cleanup.add('close the server and drop its database', () => server.close());
      const pg = new PgClient({ connectionString: server.app.orm.config.get('clientUrl') });
      await pg.connect();
      cleanup.add('close the raw client', () => pg.end());
      const hosts = Array.from({ length: HOSTS }, (_, i) => Object.assign(new DockerHost(), { accountId: newAccountId(), name: `bench-s3-${i}`, apiEndpoint: 'tcp://127.0.0.1:1', environment: HostEnvironment.DEVELOPMENT, status: HostStatus.CONNECTED }));
      await server.app.orm.em.fork().persistAndFlush(hosts);
      const anchor = new Date();
      progress(`S3: seeding ${EVENTS} events`);
      await seedEvents(pg, { perHost: EVENTS / HOSTS, anchor });
      const accountId = hosts[0]!.accountId;
      const token = await server.token({ accountId });
      const since = new Date(anchor.getTime() - 24 * 3600 * 1000 - 1500).toISOString();
      const where = `account_id = $1 and severity = 'ERROR' and time >= $2`;
      const samples = await alternate({
        warmup: 5,
        rounds: 60,
        ours: () => server.ok(ErrorEventsSinceDocument, { since }, token),
        baseline: () => Promise.all([pg.query(`select * from docker_events where ${where} order by time desc, id desc limit 25`, [accountId, since]), pg.query(`select count(*) from docker_events where ${where}`, [accountId, since])]),
      });
      const ours = summarize(samples.ours);
      const baseline = summarize(samples.baseline);
      return {
        rows: [{ id: 'S3', what: `ERROR-since page + count, ${EVENTS / 1e6}M events (p95)`, ours: ms(ours.p95), baseline: ms(baseline.p95), ratio: round(ours.p95 / baseline.p95, 2), target: `p95 ≤ ${TARGET_P95_MS} ms`, met: ours.p95 <= TARGET_P95_MS }],
        details: { events: EVENTS, hosts: HOSTS, ours: rounded(ours), baseline: rounded(baseline), note: 'retention deletes under concurrent writers are not measured here' },
      };
    } finally {
      await cleanup.run();
    }
  },
};
