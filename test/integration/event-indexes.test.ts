import { Client as PgClient } from 'pg';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { ActivitiesDocument, ActivityOutcome, ErrorEventsSinceDocument } from '../generated/graphql';
import { TestServer, newAccountId } from '../support/harness';
import { waitFor } from '../support/wait';
import { seedActivities, seedEvents } from '../support/event-seed';

const EVENTS = 200_000;
const INDEX = 'docker_events_account_severity_time_idx';
const ACTIVITIES = 200_000;
const OUTCOME_INDEX = 'activities_account_outcome_time_idx';
const TARGET_INDEX = 'activities_account_target_time_idx';

/** The plan of a statement, as one text. */
async function planOf(pg: PgClient, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pg.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** How often an index was scanned; PostgreSQL publishes a backend's counters when its transaction ends, not at once. */
async function scansOf(pg: PgClient, index: string): Promise<number> {
  return Number((await pg.query<{ n: string }>('select idx_scan as n from pg_stat_user_indexes where indexrelname = $1', [index])).rows[0]?.n ?? 0);
}

/**
 * The runbook's post-operation check, `dockerEvents(filter: { severity: ERROR, since })`, over many stored events: the
 * planner must reach the few ERROR rows of one account through an index, not walk every event since `since`.
 */
describe('stored event reads', () => {
  let server: TestServer;
  let pg: PgClient;
  const accountId = newAccountId();
  const anchor = new Date();

  beforeAll(async () => {
    server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
    pg = new PgClient({ connectionString: server.app.orm.config.get('clientUrl') });
    await pg.connect();
    const em = server.app.orm.em.fork();
    const hosts = ['a', 'b'].map((name) => Object.assign(new DockerHost(), { accountId: name === 'a' ? accountId : newAccountId(), name: `events-${name}`, apiEndpoint: 'tcp://127.0.0.1:1', environment: HostEnvironment.DEVELOPMENT, status: HostStatus.CONNECTED }));
    await em.persistAndFlush(hosts);
    await seedEvents(pg, { perHost: EVENTS / 2, anchor }); // 3.5 days on each of two accounts
    await seedActivities(pg, { accountIds: hosts.map((h) => h.accountId), perAccount: ACTIVITIES / 2, anchor });
  });
  afterAll(async () => {
    await pg?.end();
    await server?.close();
  });

  // Between two events (they are 3 s apart), so the count does not hang on a boundary.
  const since = () => new Date(anchor.getTime() - 2 * 24 * 3600 * 1000 - 1500);

  it('plans the ERROR-since page and its count on the (account, severity, time) index', async () => {
    const where = `account_id = $1 and severity = 'ERROR' and time >= $2`;
    for (const sql of [`select * from docker_events where ${where} order by time desc, id desc limit 26`, `select count(*) from docker_events where ${where}`]) {
      const plan = await planOf(pg, sql, [accountId, since()]);
      expect(plan).toContain(INDEX);
      expect(plan).not.toMatch(/Seq Scan/);
    }
  });

  it('serves the GraphQL check through that index', async () => {
    const scans = () => scansOf(pg, INDEX);
    const before = await scans();
    const token = await server.token({ accountId });
    const { dockerEvents } = await server.ok(ErrorEventsSinceDocument, { since: since().toISOString() }, token);
    // 2 days of 3-second steps on one host (the week starts 3.5 days back): every 200th event is an ERROR.
    expect(dockerEvents.totalCount).toBe(Math.floor((2 * 24 * 3600) / 3 / 200));
    expect(dockerEvents.nodes.every((node) => node.action === 'oom')).toBe(true);
    await waitFor(async () => (await scans()) > before, { what: `${INDEX} to be scanned`, timeoutMs: 10_000 });
  });

  it('plans the failures-since page and count, and one target\'s trail, on their activity indexes', async () => {
    const failures = `account_id = $1 and outcome = 'failure' and created_at >= $2`;
    for (const sql of [`select * from activities where ${failures} order by created_at desc, id desc limit 51`, `select count(*) from activities where ${failures}`]) {
      const plan = await planOf(pg, sql, [accountId, since()]);
      expect(plan).toContain(OUTCOME_INDEX);
      expect(plan).not.toMatch(/Seq Scan/);
    }
    const target = `account_id = $1 and target_id = $2`;
    for (const sql of [`select * from activities where ${target} order by created_at desc, id desc limit 51`, `select count(*) from activities where ${target}`]) {
      const plan = await planOf(pg, sql, [accountId, 'target-7']);
      expect(plan).toContain(TARGET_INDEX);
      expect(plan).not.toMatch(/Seq Scan/);
    }
  });

  it('serves the GraphQL activity reads through those indexes, counting beside the page', async () => {
    const before = { outcome: await scansOf(pg, OUTCOME_INDEX), target: await scansOf(pg, TARGET_INDEX) };
    const token = await server.token({ accountId });
    const failed = await server.ok(ActivitiesDocument, { filter: { outcome: ActivityOutcome.Failure, since: since().toISOString() }, first: 10 }, token);
    // 2 days of 3-second steps: every 100th is a FAILURE, newest first.
    expect(failed.activities.totalCount).toBe(Math.floor((2 * 24 * 3600) / 3 / 100));
    expect(failed.activities.nodes).toHaveLength(10);
    expect(failed.activities.nodes.every((n) => n.outcome === ActivityOutcome.Failure && n.errorCode === 'HOST_TIMEOUT')).toBe(true);
    const dates = failed.activities.nodes.map((n) => Date.parse(n.createdAt as string));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const one = await server.ok(ActivitiesDocument, { filter: { targetId: 'target-7' }, first: 5 }, token);
    expect(one.activities.totalCount).toBe(ACTIVITIES / 2 / 500);
    expect(one.activities.nodes.every((n) => n.targetId === 'target-7')).toBe(true);
    await waitFor(async () => (await scansOf(pg, OUTCOME_INDEX)) > before.outcome && (await scansOf(pg, TARGET_INDEX)) > before.target, { what: 'both activity indexes to be scanned', timeoutMs: 10_000 });
  });
});
