import type { MikroORM } from '@mikro-orm/postgresql';
import { fingerprint } from '../hosts/host-credentials';
import { SYNCABLE_SQL as SYNCABLE } from '../hosts/host-health';

/** A host this instance holds the sync lease for, with what decides how it is synced. */
export interface LeasedHost {
  id: string;
  intervalMs: number;
  /** Changes when the endpoint, TLS settings or credentials change. */
  connectionKey: string;
}

const RETURNING = 'returning id, sync_interval_seconds, api_endpoint, tls_verify, encrypted_tls_credentials';

/**
 * Sync ownership as leases on the host rows, in PostgreSQL itself: each host is synced by exactly one instance at a
 * time; an instance renews its leases every tick; a lease not renewed (the instance died, or lost the database) runs
 * out and the next claimer takes the host over. Claims use FOR UPDATE SKIP LOCKED so instances split the free hosts
 * instead of queueing on each other. All times are the database's, so instance clocks do not matter.
 */
export class SyncLeases {
  constructor(private readonly orm: MikroORM, private readonly instanceId: string, private readonly leaseSeconds: number) {}

  /** Renews this instance's leases and returns the hosts it still holds. */
  async renew(): Promise<LeasedHost[]> {
    return this.rows(
      `update docker_hosts set sync_lease_until = now() + make_interval(secs => ?) where sync_owner = ? and ${SYNCABLE} ${RETURNING}`,
      [this.leaseSeconds, this.instanceId],
    );
  }

  /** Gives up hosts that are no longer syncable (taken offline, in ERROR), so their lease shows nobody syncs them. */
  async releaseUnsyncable(): Promise<void> {
    await this.orm.em.getConnection().execute(`update docker_hosts set sync_owner = null, sync_lease_until = null where sync_owner = ? and not ${SYNCABLE}`, [this.instanceId]);
  }

  /** Takes up to `limit` syncable hosts that nobody holds, or whose holder's lease ran out. */
  async claim(limit: number): Promise<LeasedHost[]> {
    if (limit <= 0) return [];
    return this.rows(
      `update docker_hosts set sync_owner = ?, sync_lease_until = now() + make_interval(secs => ?)
        where id in (select id from docker_hosts
                      where ${SYNCABLE} and (sync_owner is null or sync_lease_until < now())
                      order by sync_lease_until asc nulls first, id
                      limit ? for update skip locked)
        ${RETURNING}`,
      [this.instanceId, this.leaseSeconds, limit],
    );
  }

  /** On shutdown: let another instance take the hosts over at once instead of after the lease runs out. */
  async releaseAll(): Promise<void> {
    await this.orm.em.getConnection().execute('update docker_hosts set sync_owner = null, sync_lease_until = null where sync_owner = ?', [this.instanceId]);
  }

  private async rows(sql: string, params: unknown[]): Promise<LeasedHost[]> {
    const rows: Array<{ id: string; sync_interval_seconds: number; api_endpoint: string; tls_verify: boolean; encrypted_tls_credentials: string | null }> = await this.orm.em.getConnection().execute(sql, params);
    return rows.map((r) => ({ id: r.id, intervalMs: r.sync_interval_seconds * 1000, connectionKey: fingerprint({ apiEndpoint: r.api_endpoint, tlsVerify: r.tls_verify, encryptedTlsCredentials: r.encrypted_tls_credentials }) }));
  }
}
