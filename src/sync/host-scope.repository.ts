import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { fingerprint, type HostCredentials } from '../hosts/host-credentials';
import { isSyncable, SYNCABLE_SQL as SYNCABLE } from '../hosts/host-health';
import { DockerHost } from '../hosts/host.entity';
import type { LeasedScope, RowOwner, ScopeLeases, ScopeStore } from './sync-scope.types';

const RETURNING = 'returning id, sync_interval_seconds, api_endpoint, tls_verify, encrypted_tls_credentials';

/** Hosts as sync scopes: lease, lock, inventory version and event checkpoint are columns of docker_hosts. */
export class HostScopes implements ScopeStore<DockerHost> {
  constructor(private readonly orm: MikroORM, private readonly credentials: Pick<HostCredentials, 'target'>) {}

  find(em: EntityManager, id: string): Promise<DockerHost | null> {
    return em.findOne(DockerHost, id);
  }

  lock(tx: EntityManager, id: string): Promise<DockerHost | null> {
    return tx.findOne(DockerHost, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  syncable(host: DockerHost): boolean {
    return isSyncable(host);
  }

  fingerprint(host: DockerHost): string {
    return fingerprint(host);
  }

  target(host: DockerHost) {
    return this.credentials.target(host);
  }

  owner(host: DockerHost): RowOwner {
    return { accountId: host.accountId, hostId: host.id };
  }

  rows(host: DockerHost): Record<string, string> {
    return { hostId: host.id };
  }

  async advanceCheckpoint(em: EntityManager, id: string, timeNano: bigint): Promise<void> {
    await em.getConnection().execute('update docker_hosts set events_checkpoint = greatest(coalesce(events_checkpoint, 0), ?::bigint) where id = ?', [timeNano.toString(), id]);
  }

  leases(instanceId: string, leaseSeconds: number): ScopeLeases {
    return new HostLeases(this.orm, instanceId, leaseSeconds);
  }
}

/**
 * Sync ownership as leases on the host rows, in PostgreSQL itself: each host is synced by exactly one instance at a
 * time; an instance renews its leases every tick; a lease not renewed (the instance died, or lost the database) runs
 * out and the next claimer takes the host over. Claims use FOR UPDATE SKIP LOCKED so instances split the free hosts
 * instead of queueing on each other. All times are the database's, so instance clocks do not matter.
 */
class HostLeases implements ScopeLeases {
  constructor(private readonly orm: MikroORM, private readonly instanceId: string, private readonly leaseSeconds: number) {}

  renew(): Promise<LeasedScope[]> {
    return this.rows(
      `update docker_hosts set sync_lease_until = now() + make_interval(secs => ?) where sync_owner = ? and ${SYNCABLE} ${RETURNING}`,
      [this.leaseSeconds, this.instanceId],
    );
  }

  async releaseUnsyncable(): Promise<void> {
    await this.orm.em.getConnection().execute(`update docker_hosts set sync_owner = null, sync_lease_until = null where sync_owner = ? and not ${SYNCABLE}`, [this.instanceId]);
  }

  claim(limit: number): Promise<LeasedScope[]> {
    if (limit <= 0) return Promise.resolve([]);
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

  async releaseAll(): Promise<void> {
    await this.orm.em.getConnection().execute('update docker_hosts set sync_owner = null, sync_lease_until = null where sync_owner = ?', [this.instanceId]);
  }

  private async rows(sql: string, params: unknown[]): Promise<LeasedScope[]> {
    const rows: Array<{ id: string; sync_interval_seconds: number; api_endpoint: string; tls_verify: boolean; encrypted_tls_credentials: string | null }> = await this.orm.em.getConnection().execute(sql, params);
    return rows.map((r) => ({ id: r.id, intervalMs: r.sync_interval_seconds * 1000, connectionKey: fingerprint({ apiEndpoint: r.api_endpoint, tlsVerify: r.tls_verify, encryptedTlsCredentials: r.encrypted_tls_credentials }) }));
  }
}
