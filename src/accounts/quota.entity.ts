import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** An account's limits (the seed's QuotaService). A null limit is no limit; an account without a row has none. */
@Entity({ tableName: 'account_quotas' })
export class AccountQuota {
  @PrimaryKey({ type: 'string', length: 128 })
  accountId!: string;

  @Property({ type: 'integer', nullable: true })
  concurrentInstances?: number | null;

  @Property({ type: 'integer', nullable: true })
  cpuMillicores?: number | null;

  @Property({ type: 'integer', nullable: true })
  memoryMb?: number | null;

  @Property({ type: 'integer', nullable: true })
  storageMb?: number | null;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/**
 * What one holder (a container instance) is charged against its account's quota, from admission until release. Use
 * is the sum of the unreleased charges: a holder that never releases (a crashed process) is found by the reconciler
 * through its holder, and the release is idempotent.
 */
@Entity({ tableName: 'quota_charges' })
@Index({ name: 'quota_charges_open_idx', properties: ['accountId'], expression: 'create index "quota_charges_open_idx" on "quota_charges" ("account_id") where "released_at" is null' })
@Index({ name: 'quota_charges_open_holder_unique', properties: ['holderId'], expression: 'create unique index "quota_charges_open_holder_unique" on "quota_charges" ("holder_id") where "released_at" is null' })
export class QuotaCharge {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  /** The instance (or other holder) charged; one open charge each (a retried run is charged again once released). */
  @Property({ type: 'uuid' })
  holderId!: string;

  @Property({ type: 'integer' })
  cpuMillicores!: number;

  @Property({ type: 'integer' })
  memoryMb!: number;

  @Property({ type: 'integer' })
  storageMb!: number;

  @Property({ type: 'datetime' })
  chargedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  releasedAt?: Date | null;
}
