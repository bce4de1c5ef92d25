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

  // A lease far longer than the waits below: a host changing hands in time was handed over, not left to run out.
  const start = async (env: Record<string, string> = {}) => {
    const server = await TestServer.start({ DATABASE_URL: db.url, SYNC_WORKER_ENABLED: 'true', SYNC_TICK_SECONDS: '1', SYNC_LEASE_SECONDS: '30', ...env }, { logLevel: 'warn' });
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

  it('shares by capacity: a small instance beside a large one leaves no host without an owner', async () => {
    const a = servers[0]!;
    const small = await start({ SYNC_CAPACITY: '3' });
    await a.close();
    servers.splice(0, 1);
    await waitFor(async () => (await owners()).get(small.app.instanceId) === 3, { what: 'the small instance alone to hold its capacity' });
    // Shared equally, the small one would keep 3 of its 5 and the large one take 5: two hosts nobody syncs.
    const large = await start();
    await waitFor(async () => {
      const now = await owners();
      return !now.has(null) && (now.get(large.app.instanceId) ?? 0) + (now.get(small.app.instanceId) ?? 0) === HOSTS;
    }, { what: 'every host held by one of the two' });
    expect((await owners()).get(small.app.instanceId) ?? 0).toBeLessThanOrEqual(3);
  });
});
