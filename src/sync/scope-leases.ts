import type { MikroORM } from '@mikro-orm/postgresql';
import { fingerprint } from '../hosts/host-credentials';
import { SYNCABLE_SQL as SYNCABLE } from '../hosts/host-health';
import type { LeasedScope, ScopeLeases } from './sync-scope.types';

const RETURNING = 'returning id, sync_interval_seconds, api_endpoint, tls_verify, encrypted_tls_credentials';

/**
 * Sync ownership as leases on the scope rows (docker_hosts, swarm_clusters: the same columns), in PostgreSQL itself:
 * each scope is synced by exactly one instance at a time; an instance renews its leases every tick; a lease not
 * renewed (the instance died, or lost the database) runs out and the next claimer takes the scope over. Claims use
 * FOR UPDATE SKIP LOCKED so instances split the free scopes instead of queueing on each other. All times are the
 * database's, so instance clocks do not matter.
 */
export class TableLeases implements ScopeLeases {
  constructor(
    private readonly orm: MikroORM,
    private readonly table: 'docker_hosts' | 'swarm_clusters',
    private readonly instanceId: string,
    private readonly leaseSeconds: number,
  ) {}

  renew(): Promise<LeasedScope[]> {
    return this.rows(
      `update ${this.table} set sync_lease_until = now() + make_interval(secs => ?) where sync_owner = ? and ${SYNCABLE} ${RETURNING}`,
      [this.leaseSeconds, this.instanceId],
    );
  }

  async releaseUnsyncable(): Promise<void> {
    await this.orm.em.getConnection().execute(`update ${this.table} set sync_owner = null, sync_lease_until = null where sync_owner = ? and not ${SYNCABLE}`, [this.instanceId]);
  }

  claim(limit: number): Promise<LeasedScope[]> {
    if (limit <= 0) return Promise.resolve([]);
    return this.rows(
      `update ${this.table} set sync_owner = ?, sync_lease_until = now() + make_interval(secs => ?)
        where id in (select id from ${this.table}
                      where ${SYNCABLE} and (sync_owner is null or sync_lease_until < now())
                      order by sync_lease_until asc nulls first, id
                      limit ? for update skip locked)
        ${RETURNING}`,
      [this.instanceId, this.leaseSeconds, limit],
    );
  }

  async fairShare(capacity: number): Promise<number> {
    const connection = this.orm.em.getConnection();
    await connection.execute(
      `insert into sync_instances (instance_id, alive_until, capacity) values (?, now() + make_interval(secs => ?), ?)
        on conflict (instance_id) do update set alive_until = excluded.alive_until, capacity = excluded.capacity`,
      [this.instanceId, this.leaseSeconds, capacity],
    );
    const [row] = await connection.execute<Array<{ scopes: string; capacities: string | null }>>(
      `select (select count(*) from ${this.table} where ${SYNCABLE}) as scopes,
              (select sum(capacity) from sync_instances where alive_until > now()) as capacities`,
    );
    return Math.ceil((Number(row!.scopes) * capacity) / Math.max(capacity, Number(row!.capacities ?? capacity)));
  }

  async release(count: number): Promise<string[]> {
    if (count <= 0) return [];
    const rows: Array<{ id: string }> = await this.orm.em.getConnection().execute(
      `update ${this.table} set sync_owner = null, sync_lease_until = null
        where id in (select id from ${this.table} where sync_owner = ? order by id desc limit ?) returning id`,
      [this.instanceId, count],
    );
    return rows.map((r) => r.id);
  }

  async releaseAll(): Promise<void> {
    const connection = this.orm.em.getConnection();
    await connection.execute(`update ${this.table} set sync_owner = null, sync_lease_until = null where sync_owner = ?`, [this.instanceId]);
    // Gone at once, not after its lease: the others' fair share grows at their next tick.
    await connection.execute('delete from sync_instances where instance_id = ?', [this.instanceId]);
  }

  async nextTakeoverMs(): Promise<number | null> {
    // Per other owner: its scopes are free once its earliest lease and its heartbeat have both run out. Only moments
    // still ahead: what is free now the tick that asks has claimed already, or left for its capacity.
    const [row] = await this.orm.em.getConnection().execute<Array<{ ms: string | null }>>(
      `select extract(epoch from min(free_at - now())) * 1000 as ms from (
         select greatest(min(h.sync_lease_until), coalesce(max(i.alive_until), min(h.sync_lease_until))) as free_at
           from ${this.table} h left join sync_instances i on i.instance_id = h.sync_owner
          where h.sync_owner is not null and h.sync_owner <> ? and ${SYNCABLE}
          group by h.sync_owner) owners
        where free_at > now()`,
      [this.instanceId],
    );
    return row?.ms == null ? null : Math.ceil(Number(row.ms));
  }

  private async rows(sql: string, params: unknown[]): Promise<LeasedScope[]> {
    const rows: Array<{ id: string; sync_interval_seconds: number; api_endpoint: string; tls_verify: boolean; encrypted_tls_credentials: string | null }> = await this.orm.em.getConnection().execute(sql, params);
    return rows.map((r) => ({ id: r.id, intervalMs: r.sync_interval_seconds * 1000, connectionKey: fingerprint({ apiEndpoint: r.api_endpoint, tlsVerify: r.tls_verify, encryptedTlsCredentials: r.encrypted_tls_credentials }) }));
  }
}
