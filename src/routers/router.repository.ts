import { Gate } from '../common/concurrency';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isId } from '../common/ids';
import { TrafficRoute, TrafficRouter } from './router.entity';

/** What the RouterManager needs from storage (the unit tests give it an in-memory one). */
export interface RouterStore {
  findRouter(accountId: string, id: string): Promise<TrafficRouter | null>;
  listRouters(accountId: string): Promise<TrafficRouter[]>;
  /** False when the account already has a router of that name. */
  insertRouter(router: TrafficRouter): Promise<boolean>;
  deleteRouter(accountId: string, id: string): Promise<boolean>;
  findRoute(accountId: string, id: string): Promise<TrafficRoute | null>;
  findRouteFor(accountId: string, key: { routerId: string; clusterId: string; stack: string; service: string }): Promise<TrafficRoute | null>;
  routesOf(accountId: string, routerId: string): Promise<TrafficRoute[]>;
  /** Every route, on any router, of one stack of a cluster. */
  routesOfStack(accountId: string, clusterId: string, stack: string): Promise<TrafficRoute[]>;
  saveRoute(route: TrafficRoute): Promise<void>;
  /**
   * Runs `work` holding the router's lock across every API process on this database: a read-modify-write of the
   * router's config and routes by another instance waits for it.
   */
  locked<T>(routerId: string, work: () => Promise<T>): Promise<T>;
}

/** The routers' and routes' rows; every read is within one account (another account's id reads as missing). */
export class RouterRepository implements RouterStore {
  private readonly lockGate = new Gate(2);

  constructor(private readonly orm: MikroORM) {}

  findRouter(accountId: string, id: string): Promise<TrafficRouter | null> {
    return isId(id) ? this.orm.em.fork().findOne(TrafficRouter, { id, accountId }) : Promise.resolve(null);
  }

  listRouters(accountId: string): Promise<TrafficRouter[]> {
    return this.orm.em.fork().find(TrafficRouter, { accountId }, { orderBy: { name: 'asc' } });
  }

  async insertRouter(router: TrafficRouter): Promise<boolean> {
    try {
      await this.orm.em.fork().persist(router).flush();
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  async deleteRouter(accountId: string, id: string): Promise<boolean> {
    if (!isId(id)) return false;
    return (await this.orm.em.fork().nativeDelete(TrafficRouter, { id, accountId })) > 0;
  }

  findRoute(accountId: string, id: string): Promise<TrafficRoute | null> {
    return isId(id) ? this.orm.em.fork().findOne(TrafficRoute, { id, accountId }) : Promise.resolve(null);
  }

  findRouteFor(accountId: string, key: { routerId: string; clusterId: string; stack: string; service: string }): Promise<TrafficRoute | null> {
    return this.orm.em.fork().findOne(TrafficRoute, { accountId, ...key });
  }

  routesOf(accountId: string, routerId: string): Promise<TrafficRoute[]> {
    if (!isId(routerId)) return Promise.resolve([]);
    return this.orm.em.fork().find(TrafficRoute, { accountId, routerId }, { orderBy: { listenPort: 'asc' } });
  }

  routesOfStack(accountId: string, clusterId: string, stack: string): Promise<TrafficRoute[]> {
    if (!isId(clusterId)) return Promise.resolve([]);
    return this.orm.em.fork().find(TrafficRoute, { accountId, clusterId, stack }, { orderBy: { listenPort: 'asc' } });
  }

  /**
   * A transaction holding `pg_advisory_xact_lock` on the router, released at its end (also when a process dies).
   * The work's own queries run on other pooled connections and commit as they go (setBackends stores the wanted
   * servers before it drives HAProxy, so a retry converges): the lock costs one pooled connection per router being
   * changed, never more, since this process serialises a router's changes before it asks for the lock.
   */
  async locked<T>(routerId: string, work: () => Promise<T>): Promise<T> {
    // Gated: each holder (and each waiter blocked in the lock) keeps a pooled connection, and many routers changing
    // at once must not take the pool that lease renewals need.
    return this.lockGate.run(() =>
      this.orm.em.fork().transactional(async (tx) => {
        await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`router:${routerId}`]);
        return work();
      }),
    );
  }

  /** Inserts or updates the route as given (one row per route id). */
  async saveRoute(route: TrafficRoute): Promise<void> {
    route.updatedAt = new Date();
    await this.orm.em.fork().upsert(TrafficRoute, route);
  }
}
