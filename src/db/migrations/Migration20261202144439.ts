import { Migration } from '@mikro-orm/migrations';

/** Linked tasks: the callback outbox and the per-account signing secrets. */
export class Migration20261202144439 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "task_callback_status" as enum ('PENDING', 'DELIVERING', 'DELIVERED', 'FAILED');`);
    this.addSql(`create table "task_callback_deliveries" ("id" uuid not null, "account_id" varchar(128) not null, "instance_id" uuid not null, "task_id" varchar(256) not null, "callback_url" text not null, "event" varchar(128) not null, "body" text not null, "status" "task_callback_status" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "last_status_code" int null, "last_error" varchar(512) null, "delivered_at" timestamptz null, "created_at" timestamptz not null, "lease_owner" varchar(128) null, "lease_expires_at" timestamptz null, constraint "task_callback_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "task_callback_deliveries_account_idx" on "task_callback_deliveries" ("account_id", "created_at");`);
    this.addSql(`create index "task_callback_deliveries_due_idx" on "task_callback_deliveries" ("status", "next_attempt_at");`);
    this.addSql(`alter table "task_callback_deliveries" add constraint "task_callback_deliveries_instance_event_unique" unique ("instance_id", "event");`);

    this.addSql(`create table "task_callback_secrets" ("account_id" varchar(128) not null, "sealed_secret" text not null, "created_at" timestamptz not null, constraint "task_callback_secrets_pkey" primary key ("account_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "task_callback_deliveries" cascade;`);
    this.addSql(`drop table if exists "task_callback_secrets" cascade;`);
    this.addSql(`drop type "task_callback_status";`);
  }

}
