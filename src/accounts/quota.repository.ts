import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ConflictError, DomainError, ErrorCode } from '../common/errors';
import { AccountQuota, QuotaCharge } from './quota.entity';
import type { QuotaLimitName, QuotaRequest, QuotaUse } from './quota.types';

type Limits = Pick<AccountQuota, QuotaLimitName>;

/**
 * Admission is one transaction holding the account's quota row (`select … for update`): concurrent admissions of one
 * account queue on that row, each sees the charges the ones before it committed, so no race lets them exceed a limit.
 * Accounts do not wait on each other.
 */
export class QuotaRepository {
  constructor(private readonly orm: MikroORM) {}

  async admit(accountId: string, holderId: string, request: QuotaRequest): Promise<QuotaCharge> {
    try {
      return await this.charge(accountId, holderId, request);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`${holderId} is already charged against the quota (released at its terminal state)`, 'holderId');
      throw error;
    }
  }

  private charge(accountId: string, holderId: string, request: QuotaRequest): Promise<QuotaCharge> {
    return this.orm.em.fork().transactional(async (em) => {
      // em.execute runs in this transaction (a bare connection.execute would not, and the lock would hold nothing).
      await em.execute('insert into account_quotas (account_id, updated_at) values (?, now()) on conflict do nothing', [accountId]);
      const [limits] = await em.execute<Array<Record<string, number | null>>>('select concurrent_instances, cpu_millicores, memory_mb, storage_mb from account_quotas where account_id = ? for update', [accountId]);
      const use = await this.useIn(em, accountId);
      const asked: QuotaUse = { concurrentInstances: 1, ...request };
      for (const name of ['concurrentInstances', 'cpuMillicores', 'memoryMb', 'storageMb'] as const) {
        const limit = limits?.[snake(name)] ?? null;
        if (limit != null && use[name] + asked[name] > limit) {
          throw new DomainError(ErrorCode.QUOTA_EXCEEDED, `quota ${name} exceeded: limit ${limit}, in use ${use[name]}, requested ${asked[name]}`, { field: name, limit: name, max: limit, use: use[name], requested: asked[name] });
        }
      }
      const charge = em.create(QuotaCharge, { accountId, holderId, ...request, chargedAt: new Date() });
      await em.persistAndFlush(charge);
      return charge;
    });
  }

  /** Idempotent: a second release (a terminal state and the reconciler both) changes nothing. */
  async release(holderId: string): Promise<boolean> {
    const changed = await this.orm.em.fork().nativeUpdate(QuotaCharge, { holderId, releasedAt: null }, { releasedAt: new Date() });
    return changed > 0;
  }

  async limits(accountId: string): Promise<Limits | null> {
    return this.orm.em.fork().findOne(AccountQuota, { accountId });
  }

  async setLimits(accountId: string, limits: Limits): Promise<void> {
    await this.orm.em.fork().upsert(AccountQuota, { accountId, ...limits, updatedAt: new Date() });
  }

  async use(accountId: string): Promise<QuotaUse> {
    return this.useIn(this.orm.em.fork(), accountId);
  }

  private async useIn(em: EntityManager, accountId: string): Promise<QuotaUse> {
    const [row] = await em.execute<Array<Record<string, string>>>(
      'select count(*) as n, coalesce(sum(cpu_millicores), 0) as cpu, coalesce(sum(memory_mb), 0) as mem, coalesce(sum(storage_mb), 0) as sto from quota_charges where account_id = ? and released_at is null',
      [accountId],
    );
    return { concurrentInstances: Number(row?.n ?? 0), cpuMillicores: Number(row?.cpu ?? 0), memoryMb: Number(row?.mem ?? 0), storageMb: Number(row?.sto ?? 0) };
  }
}

function snake(name: QuotaLimitName): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
