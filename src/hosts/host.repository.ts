import { EntityRepository, raw, type FilterQuery } from '@mikro-orm/postgresql';
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
   * Hosts whose next health check is due. Hosts a user took offline (MAINTENANCE, or DISCONNECTED with no failure
   * outstanding) and hosts in ERROR (they wait for a manual recovery) are not checked.
   */
  findDueForCheck(now: Date, limit: number): Promise<DockerHost[]> {
    return this.find(
      {
        $and: [
          {
            $or: [
              { status: { $in: [HostStatus.PENDING, HostStatus.CONNECTED] } },
              { status: HostStatus.DISCONNECTED, consecutiveFailures: { $gt: 0 } },
            ],
          },
          {
            $or: [
              { lastCheckedAt: null },
              { lastCheckedAt: { $lte: raw(`cast(? as timestamptz) - make_interval(secs => sync_interval_seconds)`, [now]) } },
            ],
          },
        ],
      },
      { orderBy: { lastCheckedAt: 'asc' }, limit },
    );
  }
}
