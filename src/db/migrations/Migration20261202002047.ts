import { Migration } from '@mikro-orm/migrations';

/** Stack deploys and removals as durable operations (src/operations). */
export class Migration20261202002047 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "stack_operation_kind" as enum ('DEPLOY', 'REMOVE');`);
    this.addSql(`create table "stack_operations" ("id" uuid not null, "account_id" varchar(128) not null, "status" text check ("status" in ('RUNNING', 'SUCCEEDED', 'FAILED')) not null default 'RUNNING', "last_message" text null, "error" text null, "error_code" varchar(64) null, "started_at" timestamptz not null, "finished_at" timestamptz null, "owner_instance" varchar(128) null, "heartbeat_at" timestamptz null, "deadline_at" timestamptz null, "cluster_id" uuid not null, "stack" varchar(256) not null, "kind" "stack_operation_kind" not null, "summary" jsonb null, constraint "stack_operations_pkey" primary key ("id"));`);
    this.addSql(`create index "stack_operations_account_idx" on "stack_operations" ("account_id", "started_at");`);
    // As for image operations: what the settling of abandoned rows scans.
    this.addSql(`create index "stack_operations_running_idx" on "stack_operations" ("heartbeat_at") where "status" = 'RUNNING';`);

    this.addSql(`alter table "stack_operations" add constraint "stack_operations_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stack_operations" cascade;`);

    this.addSql(`drop type "stack_operation_kind";`);
  }

}
