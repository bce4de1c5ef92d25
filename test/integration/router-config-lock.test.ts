import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/db/orm';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { createLogger } from '../../src/log/logger';
import { frontendOf } from '../../src/routers/router.config';
import { TrafficRoute } from '../../src/routers/router.entity';
import { RouterManager } from '../../src/routers/router.manager';
import { RouterRepository } from '../../src/routers/router.repository';
import { SwarmCluster } from '../../src/swarm/cluster.entity';
import { createIsolatedDatabase, newAccountId } from '../support/harness';
import { waitFor } from '../support/wait';

/** Every route read of both instances, counted: the race needs both to have read before either writes. */
class CountingRepository extends RouterRepository {
  constructor(orm: MikroORM, private readonly reads: { count: number }) {
    super(orm);
  }
  override async routesOf(accountId: string, routerId: string): Promise<TrafficRoute[]> {
    this.reads.count++;
    return super.routesOf(accountId, routerId);
  }
}

/**
 * Two API instances (each its own pool and RouterManager) on one database and one router config file: changes of the
 * same router at the same moment are serialised by the database, so the file and the rows end with both.
 */
describe('router config writes from two API instances', () => {
  let drop: () => Promise<void>;
  const orms: MikroORM[] = [];

  beforeAll(async () => {
    const database = await createIsolatedDatabase();
    drop = database.drop;
    for (let i = 0; i < 2; i++) orms.push(await openDatabase({ clientUrl: database.url, poolMax: 3, logger: createLogger({ level: 'silent' }), migrate: i === 0 }));
  });
  afterAll(async () => {
    for (const orm of orms) await orm.close();
    await drop?.();
  });

  it('keeps both new routes in the config and the rows when two instances add one each at once, and a route change made meanwhile when servers are set', async () => {
    const owner = { accountId: newAccountId() };
    const cluster = Object.assign(new SwarmCluster(), { accountId: owner.accountId, name: `lock-${randomUUID().slice(0, 6)}`, apiEndpoint: 'tcp://127.0.0.1:1', environment: HostEnvironment.DEVELOPMENT, status: HostStatus.MAINTENANCE });
    await orms[0]!.em.fork().persist(cluster).flush();

    let file: string | null = null;
    const files = { read: async () => file, write: async (_path: string, text: string) => void (file = text) };
    const reads = { count: 0 };
    // Postgres's view of this database: somebody waits for an advisory lock.
    const waiting = async () => Number((await orms[0]!.em.getConnection().execute(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`))[0].n);
    let firstReload = true;
    const haproxy = {
      info: async () => ({ name: 'HAProxy', version: '2.6', pid: 1, uptimeSeconds: 1 }),
      processes: async () => ({ reloads: 0, failed: 0, workers: [] }),
      // The first writer reloads only once the other instance has read the routes too (what interleaves without a
      // shared lock) or waits for the lock (what the lock does): either way both changes overlap.
      reload: async () => {
        if (firstReload) {
          firstReload = false;
          await waitFor(async () => reads.count >= 2 || (await waiting()) > 0, { what: 'the other instance to read the routes or wait for the lock' });
        }
        return { reloads: 1, failed: 0, workers: [] };
      },
      frontendOpen: async (_endpoint: string, frontend: string) => (file ?? '').includes(`frontend ${frontend}`),
      servers: async () => [],
      addServer: async () => undefined,
      setWeight: async () => undefined,
      setState: async () => undefined,
      setAddress: async () => undefined,
      delServer: async () => undefined,
    };
    const instances = orms.map((orm) => new RouterManager({ repository: new CountingRepository(orm, reads), haproxy, clusters: { get: async () => ({ id: cluster.id }) }, files, probe: async () => true, policy: { allowUnixSockets: true } }));
    const router = await instances[0]!.registerTrafficRouter(owner, { name: 'edge', runtimeEndpoint: 'tcp://127.0.0.1:9999', masterEndpoint: 'tcp://127.0.0.1:9998', configPath: '/etc/haproxy/fleet.cfg' });

    const [web, api] = await Promise.all([
      instances[0]!.ensureRoute(owner, { routerId: router.id, clusterId: cluster.id, stack: 'shop', service: 'web', listenPort: 18081 }),
      instances[1]!.ensureRoute(owner, { routerId: router.id, clusterId: cluster.id, stack: 'shop', service: 'api', listenPort: 18082 }),
    ]);
    expect(file).toContain(`frontend ${frontendOf(web.backend)}`);
    expect(file).toContain(`frontend ${frontendOf(api.backend)}`);
    expect((await instances[1]!.routes(owner, router.id)).map((r) => r.service).sort()).toEqual(['api', 'web']);

    // setBackends writes the whole row back: what it writes is read under the lock, not before it. Here the other
    // instance changes the route (a health check) between setBackends's first read and its turn for the lock.
    const racing = new RouterManager({ repository: new (class extends RouterRepository {
      override async locked<T>(routerId: string, work: () => Promise<T>): Promise<T> {
        await instances[1]!.ensureRoute(owner, { routerId: router.id, clusterId: cluster.id, stack: 'shop', service: 'web', listenPort: 18081, healthCheckPath: '/health' });
        return super.locked(routerId, work);
      }
    })(orms[0]!), haproxy, clusters: { get: async () => ({ id: cluster.id }) }, files, probe: async () => true, policy: { allowUnixSockets: true } });
    await racing.setBackends(owner, web.id, [{ name: 'blue-t1', address: '10.0.0.1', port: 8080, weight: 1, version: 'blue' }]);
    expect(await instances[0]!.route(owner, web.id)).toMatchObject({ healthCheckPath: '/health', servers: [{ name: 'blue-t1', address: '10.0.0.1', port: 8080, weight: 1, version: 'blue' }] });
  });
});
