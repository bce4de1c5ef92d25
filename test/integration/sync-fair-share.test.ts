import { Client as PgClient } from 'pg';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { SimulatedEngine } from '../sim/engine-sim';
import { TestServer, createIsolatedDatabase, newAccountId } from '../support/harness';
import { waitFor } from '../support/wait';

const HOSTS = 10;

/**
 * Two API instances on one database split the hosts between them (S2): the first one started holds them all until a
 * second says it is alive, then gives up its excess; an instance that leaves hands its part back at once.
 */
describe('sync leases shared by instances', () => {
  const sims: SimulatedEngine[] = [];
  const servers: TestServer[] = [];
  let db: { url: string; drop(): Promise<void> };
  let pg: PgClient;

  beforeAll(async () => {
    for (let i = 0; i < HOSTS; i++) sims.push(await SimulatedEngine.start({ containers: 2, seed: 900 + i }));
    db = await createIsolatedDatabase();
  });
  afterAll(async () => {
    for (const server of servers) await server.close().catch(() => undefined);
    await pg?.end();
    await Promise.all(sims.map((s) => s.close()));
    await db?.drop();
  });

  const start = async () => {
    const server = await TestServer.start({ DATABASE_URL: db.url, SYNC_WORKER_ENABLED: 'true', SYNC_TICK_SECONDS: '1', SYNC_LEASE_SECONDS: '5' }, { logLevel: 'warn' });
    servers.push(server);
    return server;
  };
  const owners = async () => {
    const { rows } = await pg.query<{ owner: string | null; n: string }>('select sync_owner as owner, count(*) as n from docker_hosts group by sync_owner');
    return new Map(rows.map((r) => [r.owner, Number(r.n)]));
  };

  it('gives the second instance its half, and everything back to the first when it leaves', async () => {
    const a = await start();
    pg = new PgClient({ connectionString: db.url });
    await pg.connect();
    const accountId = newAccountId();
    await a.app.orm.em.fork().persistAndFlush(sims.map((sim, i) => Object.assign(new DockerHost(), { accountId, name: `fair-${i}`, apiEndpoint: sim.endpoint, environment: HostEnvironment.DEVELOPMENT, status: HostStatus.CONNECTED })));
    await waitFor(async () => (await owners()).get(a.app.instanceId) === HOSTS, { what: 'the only instance to hold every host' });

    const b = await start();
    await waitFor(async () => {
      const now = await owners();
      return now.get(a.app.instanceId) === HOSTS / 2 && now.get(b.app.instanceId) === HOSTS / 2;
    }, { what: 'a 5/5 split' });
    // Each syncs only what it holds.
    await waitFor(() => a.app.syncWorker.hostIds.length === HOSTS / 2 && b.app.syncWorker.hostIds.length === HOSTS / 2, { what: 'each worker to run only its own supervisors' });
    expect(new Set([...a.app.syncWorker.hostIds, ...b.app.syncWorker.hostIds]).size).toBe(HOSTS);

    await b.close();
    servers.pop();
    // b said goodbye (its heartbeat row went with its leases): a takes everything at its next tick, not after a lease.
    const left = Date.now();
    await waitFor(async () => (await owners()).get(a.app.instanceId) === HOSTS, { what: 'the remaining instance to hold every host again' });
    expect(Date.now() - left).toBeLessThan(5_000);
  });
});
