import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import { isId } from '../common/ids';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import type { DockerHost } from './host.entity';
import { HostStatus, type HostEnvironment } from './host.enums';

export interface HostFilter {
  status?: HostStatus | null;
  environment?: HostEnvironment | null;
  /** Case-insensitive substring of the name or the endpoint. */
  search?: string | null;
}

/** Every query is scoped by account: another account's host is indistinguishable from a missing one. */
export class HostRepository extends EntityRepository<DockerHost> {
  async findOneInAccount(accountId: string, id: string): Promise<DockerHost | null> {
    return isId(id) ? this.findOne({ id, accountId }) : null;
  }

  findManyInAccount(accountId: string, ids: readonly string[]): Promise<DockerHost[]> {
    return this.find({ accountId, id: { $in: ids.filter(isId) } });
  }

  async nameTaken(accountId: string, name: string, exceptId?: string): Promise<boolean> {
    const where: FilterQuery<DockerHost> = { accountId, name };
    if (exceptId) where.id = { $ne: exceptId };
    return (await this.count(where)) > 0;
  }

  page(accountId: string, filter: HostFilter, args: PageArgs): Promise<Page<DockerHost>> {
    const where: FilterQuery<DockerHost> = { accountId };
    if (filter.status) where.status = filter.status;
    if (filter.environment) where.environment = filter.environment;
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { apiEndpoint: { $ilike: pattern } }];
    }
    return findPage(this.em, this.entityName, { where, sortKey: 'name', sortType: 'string', direction: 'asc', args });
  }

  /** Hosts whose stored credentials were sealed with a key other than the active one. */
  findSealedWithOtherKey(activeKeyId: string): Promise<DockerHost[]> {
    return this.find({ encryptedTlsCredentials: { $ne: null }, $not: { encryptedTlsCredentials: { $like: `v1.${activeKeyId.replace(/_/g, '\\_')}.%` } } });
  }

  /**
   * Claims the hosts whose next health check is due and returns their ids. Claiming stamps last_checked_at, so neither
   * the next tick nor another instance picks a host again while its check runs; SKIP LOCKED lets concurrent claimers
   * split the work instead of waiting on each other. Hosts a user took offline (MAINTENANCE, or DISCONNECTED with no
   * failure outstanding) and hosts in ERROR (they wait for a manual recovery) are never claimed.
   */
  async claimDueForCheck(now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.em.getConnection().execute(
      `update docker_hosts set last_checked_at = ? where id in (
         select id from docker_hosts
          where (status in (?, ?) or (status = ? and consecutive_failures > 0))
            and (last_checked_at is null or last_checked_at <= cast(? as timestamptz) - make_interval(secs => sync_interval_seconds))
          order by last_checked_at asc nulls first
          limit ?
          for update skip locked)
       returning id`,
      [now, HostStatus.PENDING, HostStatus.CONNECTED, HostStatus.DISCONNECTED, now, limit],
    );
    return rows.map((row) => row.id);
  }
}
