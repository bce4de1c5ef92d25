import { Migration } from '@mikro-orm/migrations';

export class Migration20261202122701 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "container_cleanup_policy" as enum ('ALWAYS', 'ON_SUCCESS', 'NEVER');`);
    this.addSql(`create type "vault_token_delivery" as enum ('WRAPPED', 'ENV', 'FILE', 'NONE');`);
    this.addSql(`create table "container_templates" ("id" uuid not null, "account_id" varchar(128) not null, "name" varchar(128) not null, "version" int not null default 1, "container" jsonb not null, "sealed_env" text null, "env_names" jsonb not null, "cpu_millicores" int not null, "memory_mb" int not null, "storage_mb" int not null, "timeout_seconds" int not null, "kill_grace_seconds" int not null, "cleanup_policy" "container_cleanup_policy" not null default 'ALWAYS', "vault_policies" jsonb not null, "vault_ttl_seconds" int not null, "vault_delivery" "vault_token_delivery" not null default 'NONE', "placement_labels" jsonb not null, "pinned_digest" varchar(80) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "container_templates_pkey" primary key ("id"));`);
    this.addSql(`alter table "container_templates" add constraint "container_templates_account_name_unique" unique ("account_id", "name");`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "container_templates" cascade;`);

    this.addSql(`drop type "container_cleanup_policy";`);
    this.addSql(`drop type "vault_token_delivery";`);
  }

}
