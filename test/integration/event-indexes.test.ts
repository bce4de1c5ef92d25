import { Client as PgClient } from 'pg';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { ErrorEventsSinceDocument } from '../generated/graphql';
import { TestServer, newAccountId } from '../support/harness';
import { waitFor } from '../support/wait';
import { seedEvents } from '../support/event-seed';

const EVENTS = 200_000;
const INDEX = 'docker_events_account_severity_time_idx';

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
      const { rows } = await pg.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, [accountId, since()]);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain(INDEX);
      expect(plan).not.toMatch(/Seq Scan/);
    }
  });

  it('serves the GraphQL check through that index', async () => {
    const scans = async () => Number((await pg.query<{ n: string }>('select idx_scan as n from pg_stat_user_indexes where indexrelname = $1', [INDEX])).rows[0]?.n ?? 0);
    const before = await scans();
    const token = await server.token({ accountId });
    const { dockerEvents } = await server.ok(ErrorEventsSinceDocument, { since: since().toISOString() }, token);
    // 2 days of 3-second steps on one host (the week starts 3.5 days back): every 200th event is an ERROR.
    expect(dockerEvents.totalCount).toBe(Math.floor((2 * 24 * 3600) / 3 / 200));
    expect(dockerEvents.nodes.every((node) => node.action === 'oom')).toBe(true);
    // PostgreSQL publishes a backend's index counters when its transaction ends, not at once.
    await waitFor(async () => (await scans()) > before, { what: `${INDEX} to be scanned`, timeoutMs: 10_000 });
  });
});
