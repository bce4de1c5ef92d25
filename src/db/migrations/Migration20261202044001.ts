import { Migration } from '@mikro-orm/migrations';

export class Migration20261202044001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "deployment_step_kind" as enum ('STATUS', 'PHASE', 'REPLICAS', 'HEALTH', 'ANALYSIS', 'TRAFFIC');`);
    this.addSql(`create type "deployment_status" as enum ('QUEUED', 'PENDING', 'IN_PROGRESS', 'PAUSED', 'SUCCEEDED', 'FAILED', 'ROLLED_BACK', 'CANCELLED');`);
    this.addSql(`create type "deployment_strategy" as enum ('ROLLING', 'BLUE_GREEN', 'CANARY');`);
    this.addSql(`create type "deployment_source" as enum ('API', 'REDEPLOY', 'ROLLBACK', 'DETECTED');`);
    this.addSql(`create table "deployment_steps" ("id" bigserial primary key, "deployment_id" uuid not null, "account_id" varchar(128) not null, "seq" int not null, "kind" "deployment_step_kind" not null, "status" "deployment_status" not null, "message" text not null, "service" varchar(256) null, "data" jsonb null, "at" timestamptz not null);`);
    this.addSql(`create index "deployment_steps_account_idx" on "deployment_steps" ("account_id");`);
    this.addSql(`alter table "deployment_steps" add constraint "deployment_steps_seq_unique" unique ("deployment_id", "seq");`);

    this.addSql(`create table "deployments" ("id" uuid not null, "account_id" varchar(128) not null, "cluster_id" uuid not null, "target" varchar(300) not null, "stack" varchar(256) null, "service" varchar(256) null, "revision" int not null, "status" "deployment_status" not null default 'PENDING', "reason" text null, "strategy" "deployment_strategy" not null default 'ROLLING', "options" jsonb not null, "source" "deployment_source" not null default 'API', "compose" text null, "variables" jsonb null, "services" jsonb not null, "digests" jsonb not null, "reproduces" uuid null, "reproduces_revision" int null, "previous_revision" int null, "actor_id" varchar(256) not null, "actor" jsonb null, "description" text null, "requested" varchar(16) null, "state" jsonb not null, "step_count" int not null default 0, "lease_owner" varchar(128) null, "lease_until" timestamptz null, "deadline_at" timestamptz null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "deployments_pkey" primary key ("id"));`);
    this.addSql(`create index "deployments_active_idx" on "deployments" ("status", "lease_until");`);
    this.addSql(`create index "deployments_account_idx" on "deployments" ("account_id", "created_at");`);
    this.addSql(`alter table "deployments" add constraint "deployments_target_revision_unique" unique ("cluster_id", "target", "revision");`);

    this.addSql(`alter table "deployments" add constraint "deployments_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "deployment_steps" cascade;`);

    this.addSql(`drop table if exists "deployments" cascade;`);

    this.addSql(`drop type "deployment_step_kind";`);
    this.addSql(`drop type "deployment_status";`);
    this.addSql(`drop type "deployment_strategy";`);
    this.addSql(`drop type "deployment_source";`);
  }

}
