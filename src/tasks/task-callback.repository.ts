import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import { TaskCallbackDelivery, TaskCallbackStatus } from './task-callback.entity';
import type { AttemptOutcome } from './task-callback.rules';

export interface NewDelivery {
  id: string;
  accountId: string;
  instanceId: string;
  taskId: string;
  callbackUrl: string;
  event: string;
  body: string;
  createdAt: Date;
}

export interface DeliveryFilter {
  instanceId?: string | null;
  taskId?: string | null;
  status?: TaskCallbackStatus | null;
}

/** What the worker needs of the outbox: claim due rows under a lease, and record how an attempt went. */
export interface DeliveryLedger {
  claimDue(options: { owner: string; leaseMs: number; limit: number; now?: Date }): Promise<TaskCallbackDelivery[]>;
  record(id: string, owner: string, outcome: AttemptOutcome, now?: Date): Promise<boolean>;
}

export class TaskCallbackRepository implements DeliveryLedger {
  constructor(private readonly orm: MikroORM) {}

  /**
   * Inside the caller's transaction (em.execute runs on its connection), and idempotent: the second enqueue of an
   * (instance, event) is `on conflict do nothing`, not a unique violation, which would abort the caller's transaction.
   */
  async insertOnce(em: EntityManager, row: NewDelivery): Promise<void> {
    await em.execute(
      `insert into task_callback_deliveries (id, account_id, instance_id, task_id, callback_url, event, body, status, attempts, next_attempt_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) on conflict (instance_id, event) do nothing`,
      [row.id, row.accountId, row.instanceId, row.taskId, row.callbackUrl, row.event, row.body, row.createdAt, row.createdAt],
    );
  }

  /**
   * Due rows (PENDING past nextAttemptAt, or DELIVERING under a lapsed lease: its sender died) taken under a lease in
   * one statement. `skip locked`: instances claiming at once take different rows and never wait on each other.
   * The attempt is counted here, so a send cut by a crash still counts toward the limit.
   */
  async claimDue(options: { owner: string; leaseMs: number; limit: number; now?: Date }): Promise<TaskCallbackDelivery[]> {
    const now = options.now ?? new Date();
    const em = this.orm.em.fork();
    const rows = await em.execute<Array<Record<string, unknown>>>(
      `with due as (
         select id from task_callback_deliveries
         where (status = 'PENDING' and next_attempt_at <= ?) or (status = 'DELIVERING' and lease_expires_at < ?)
         order by next_attempt_at nulls first limit ? for update skip locked)
       update task_callback_deliveries d
       set status = 'DELIVERING', lease_owner = ?, lease_expires_at = ?, attempts = d.attempts + 1, last_attempt_at = ?
       from due where d.id = due.id
       returning d.*`,
      [now, now, options.limit, options.owner, new Date(now.getTime() + options.leaseMs), now],
    );
    return rows.map((row) => em.map(TaskCallbackDelivery, row));
  }

  /** Written only while this owner still holds the lease: one that lapsed (and was taken over) records nothing. */
  async record(id: string, owner: string, outcome: AttemptOutcome, now: Date = new Date()): Promise<boolean> {
    const release = { leaseOwner: null, leaseExpiresAt: null, lastStatusCode: outcome.statusCode };
    const changes =
      outcome.status === 'DELIVERED'
        ? { ...release, status: TaskCallbackStatus.DELIVERED, deliveredAt: now, nextAttemptAt: null, lastError: null }
        : outcome.status === 'PENDING'
          ? { ...release, status: TaskCallbackStatus.PENDING, nextAttemptAt: new Date(now.getTime() + outcome.retryInMs), lastError: outcome.error }
          : { ...release, status: TaskCallbackStatus.FAILED, nextAttemptAt: null, lastError: outcome.error };
    const written = await this.orm.em.fork().nativeUpdate(TaskCallbackDelivery, { id, leaseOwner: owner, status: TaskCallbackStatus.DELIVERING }, changes);
    return written > 0;
  }

  page(accountId: string, filter: DeliveryFilter, args: PageArgs): Promise<Page<TaskCallbackDelivery>> {
    const where: FilterQuery<TaskCallbackDelivery> = { accountId };
    if (filter.instanceId) where.instanceId = filter.instanceId;
    if (filter.taskId) where.taskId = filter.taskId;
    if (filter.status) where.status = filter.status;
    return findPage(this.orm.em.fork(), TaskCallbackDelivery, { where, sortKey: 'createdAt', sortType: 'date', direction: 'desc', args });
  }
}
