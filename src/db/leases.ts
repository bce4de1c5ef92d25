import type { EntityName, MikroORM } from '@mikro-orm/postgresql';

/**
 * Leases on rows of one table, for work any instance can take over: a row is driven by the instance whose lease
 * holds (lease_owner, lease_until), renewed every tick; a lapsed lease (its instance died) is claimed by another.
 * `active` is the SQL predicate of rows that still need a driver.
 */
export class LeaseTable<T extends object> {
  constructor(private readonly orm: MikroORM, private readonly options: { entity: EntityName<T>; table: string; active: string; order: string }) {}

  /** Takes up to `limit` active rows that have no lease or a lapsed one (their instance died); answers them. */
  async claim(owner: string, leaseSeconds: number, limit: number): Promise<T[]> {
    const { table, active, order } = this.options;
    const em = this.orm.em.fork();
    const rows: Array<Record<string, unknown>> = await em.getConnection().execute(
      `update ${table} set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
        where id in (select id from ${table} where (${active}) and (lease_owner is null or lease_until < now())
                      order by ${order} limit ? for update skip locked)
        returning *`,
      [owner, leaseSeconds, limit],
    );
    return rows.map((row) => em.map(this.options.entity, row as never));
  }

  /** Renews the leases `owner` holds; answers the ids it still holds (a lease it lost is gone from the answer). */
  async renew(owner: string, ids: readonly string[], leaseSeconds: number): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.orm.em.fork().getConnection().execute(
      `update ${this.options.table} set lease_until = now() + make_interval(secs => ?) where id = any(?::uuid[]) and lease_owner = ? returning id`,
      [leaseSeconds, `{${ids.join(',')}}`, owner],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Gives leases back (shutdown), so another instance resumes at once instead of after the lease. */
  async release(owner: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.orm.em.fork().getConnection().execute(`update ${this.options.table} set lease_owner = null, lease_until = null where id = any(?::uuid[]) and lease_owner = ?`, [`{${ids.join(',')}}`, owner]);
  }
}
