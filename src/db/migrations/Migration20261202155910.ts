import { Migration } from '@mikro-orm/migrations';

export class Migration20261202155910 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "container_instance_status" as enum ('PENDING', 'PROVISIONING', 'RUNNING', 'COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED');`);
    this.addSql(`create table "container_instances" ("id" uuid not null, "account_id" varchar(128) not null, "name" varchar(128) not null, "template_id" uuid null, "template_version" int null, "retry_of" uuid null, "status" "container_instance_status" not null default 'PENDING', "reason" text null, "error_code" varchar(64) null, "transitions" jsonb not null, "host_id" uuid null, "requested_host_id" uuid null, "placement_reason" text null, "container_id" varchar(128) null, "container_removed_at" timestamptz null, "definition" jsonb not null, "sealed_env" text null, "env_names" jsonb not null, "vault_accessor" varchar(128) null, "vault_token_expires_at" timestamptz null, "vault_revoked_at" timestamptz null, "deadline_at" timestamptz null, "cancel_requested_at" timestamptz null, "ending_status" varchar(32) null, "ending_reason" text null, "exit_code" int null, "stdout" text null, "stderr" text null, "output_truncated" boolean not null default false, "usage" jsonb null, "violations" jsonb not null, "task_ref" jsonb null, "lease_owner" varchar(128) null, "lease_until" timestamptz null, "actor" jsonb not null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "container_instances_pkey" primary key ("id"));`);
    this.addSql(`create index "container_instances_active_idx" on "container_instances" ("status", "lease_until");`);
    this.addSql(`create index "container_instances_account_created_idx" on "container_instances" ("account_id", "created_at");`);

    this.addSql(`alter table "container_templates" add column "vault_secret_paths" jsonb not null default '[]';`);

    this.addSql(`create index "docker_events_exec_actor_idx" on "docker_events" ("actor_id") where "action" like 'exec\\_create%';`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "container_instances" cascade;`);

    this.addSql(`alter table "container_templates" drop column "vault_secret_paths";`);

    this.addSql(`drop index "docker_events_exec_actor_idx";`);

    this.addSql(`drop type "container_instance_status";`);
  }

}
