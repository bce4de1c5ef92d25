import type { MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { Page, PageArgs } from '../db/pagination';
import type { Logger } from '../log/logger';
import { Activity } from './activity.entity';
import type { ActivityFilter, ActivityRepository } from './activity.repository';

export type ActivityRecord = Omit<Activity, 'id' | 'createdAt'>;

export class ActivityService {
  constructor(private readonly deps: { orm: MikroORM; logger: Logger }) {}

  /**
   * Written on its own EntityManager, outside the operation's unit of work, so a failed or denied operation still
   * leaves its row. Losing an audit row is logged loudly but never fails the user's operation after the fact.
   */
  async record(record: ActivityRecord): Promise<void> {
    try {
      const em = this.deps.orm.em.fork();
      await em.persist(Object.assign(new Activity(), record)).flush();
    } catch (error) {
      this.deps.logger.error({ err: error, action: record.action, requestId: record.requestId }, 'activity not recorded');
    }
  }

  list(principal: Principal, filter: ActivityFilter, args: PageArgs): Promise<Page<Activity>> {
    return this.repo().page(principal.accountId, filter, args);
  }

  private repo(): ActivityRepository {
    return this.deps.orm.em.fork().getRepository(Activity);
  }
}
