import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import type { Activity, ActivityOutcome } from './activity.entity';

export interface ActivityFilter {
  action?: string | null;
  outcome?: ActivityOutcome | null;
  targetId?: string | null;
  since?: Date | null;
}

export class ActivityRepository extends EntityRepository<Activity> {
  /** Newest first, always within one account. */
  page(accountId: string, filter: ActivityFilter, args: PageArgs): Promise<Page<Activity>> {
    const where: FilterQuery<Activity> = { accountId };
    if (filter.action) where.action = filter.action;
    if (filter.outcome) where.outcome = filter.outcome;
    if (filter.targetId) where.targetId = filter.targetId;
    if (filter.since) where.createdAt = { $gte: filter.since };
    return findPage(this.em, this.entityName, { where, sortKey: 'createdAt', sortType: 'date', direction: 'desc', args });
  }
}
