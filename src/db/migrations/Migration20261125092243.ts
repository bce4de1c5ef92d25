import { Migration } from '@mikro-orm/migrations';

export class Migration20261125092243 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "image_operation_kind" as enum ('PULL', 'PUSH', 'BUILD');`);
    this.addSql(`create type "image_operation_status" as enum ('RUNNING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(`create table "image_operations" ("id" uuid not null, "account_id" varchar(128) not null, "host_id" uuid not null, "kind" "image_operation_kind" not null, "reference" varchar(512) not null, "status" "image_operation_status" not null default 'RUNNING', "last_message" text null, "error" text null, "error_code" varchar(64) null, "image_id" varchar(128) null, "started_at" timestamptz not null, "finished_at" timestamptz null, constraint "image_operations_pkey" primary key ("id"));`);
    this.addSql(`create index "image_operations_account_idx" on "image_operations" ("account_id", "started_at");`);

    this.addSql(`create table "registry_credentials" ("id" uuid not null, "account_id" varchar(128) not null, "registry" varchar(256) not null, "username" varchar(256) not null, "encrypted_password" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "registry_credentials_pkey" primary key ("id"));`);
    this.addSql(`alter table "registry_credentials" add constraint "registry_credentials_account_registry_unique" unique ("account_id", "registry");`);

    this.addSql(`alter table "image_operations" add constraint "image_operations_host_id_foreign" foreign key ("host_id") references "docker_hosts" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "image_operations" cascade;`);

    this.addSql(`drop table if exists "registry_credentials" cascade;`);

    this.addSql(`drop type "image_operation_kind";`);
    this.addSql(`drop type "image_operation_status";`);
  }

}
