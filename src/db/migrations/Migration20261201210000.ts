import { Migration } from '@mikro-orm/migrations';

/**
 * Image operations become operations (src/operations): who runs one, its heartbeat and its deadline, so a row a dead
 * instance left RUNNING is settled. The table stays; rows of earlier versions get their last sign of life as their
 * heartbeat, so those still RUNNING (nothing settled them before) are settled by the first instance up.
 */
export class Migration20261201210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "image_operations" add column "owner_instance" varchar(128) null, add column "heartbeat_at" timestamptz null, add column "deadline_at" timestamptz null;`);
    this.addSql(`update "image_operations" set "heartbeat_at" = coalesce("finished_at", "started_at");`);
    this.addSql(`create index "image_operations_running_idx" on "image_operations" ("heartbeat_at") where "status" = 'RUNNING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "image_operations_running_idx";`);
    this.addSql(`alter table "image_operations" drop column "owner_instance", drop column "heartbeat_at", drop column "deadline_at";`);
  }
}
