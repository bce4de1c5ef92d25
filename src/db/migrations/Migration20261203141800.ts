import { Migration } from '@mikro-orm/migrations';

/**
 * Activity reads that narrow an account's audit trail (failures since an operation, everything done to one target)
 * reach their rows through an index instead of walking the account's whole trail by time (S3).
 */
export class Migration20261203141800 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "activities_account_outcome_time_idx" on "activities" ("account_id", "outcome", "created_at");`);
    this.addSql(`create index "activities_account_target_time_idx" on "activities" ("account_id", "target_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "activities_account_outcome_time_idx";`);
    this.addSql(`drop index "activities_account_target_time_idx";`);
  }

}
