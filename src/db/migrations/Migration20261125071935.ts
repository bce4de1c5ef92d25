import { Migration } from '@mikro-orm/migrations';

/** Docker hosts and the activity log. */
export class Migration20261125071935 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "activity_outcome" as enum ('success', 'failure', 'denied');`);
    this.addSql(`create type "docker_host_environment" as enum ('staging', 'production', 'development', 'custom');`);
    this.addSql(`create type "docker_host_status" as enum ('pending', 'connected', 'disconnected', 'error', 'maintenance');`);
    this.addSql(`create table "activities" ("id" uuid not null, "account_id" varchar(128) null, "actor" varchar(256) null, "action" varchar(128) not null, "target_type" varchar(64) null, "target_id" varchar(128) null, "outcome" "activity_outcome" not null, "error_code" varchar(64) null, "duration_ms" int not null, "request_id" varchar(128) null, "created_at" timestamptz not null, constraint "activities_pkey" primary key ("id"));`);
    this.addSql(`create index "activities_account_time_idx" on "activities" ("account_id", "created_at");`);

    this.addSql(`create table "docker_hosts" ("id" uuid not null, "account_id" varchar(128) not null, "name" varchar(128) not null, "api_endpoint" varchar(512) not null, "environment" "docker_host_environment" not null, "status" "docker_host_status" not null default 'pending', "tls_verify" boolean not null default true, "encrypted_tls_credentials" text null, "sync_interval_seconds" int not null default 60, "consecutive_failures" int not null default 0, "last_error" text null, "last_error_code" varchar(64) null, "last_checked_at" timestamptz null, "last_synced_at" timestamptz null, "docker_version" varchar(64) null, "api_version" varchar(16) null, "os" varchar(256) null, "os_type" varchar(32) null, "architecture" varchar(32) null, "cpu_count" int null, "memory_bytes" bigint null, "storage_bytes" bigint null, "container_count" int null, "image_count" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "docker_hosts_pkey" primary key ("id"));`);
    this.addSql(`create index "docker_hosts_due_idx" on "docker_hosts" ("status", "last_checked_at");`);
    this.addSql(`alter table "docker_hosts" add constraint "docker_hosts_account_name_unique" unique ("account_id", "name");`);
    // The domain validates this range with a named-field error; the constraint keeps any other writer honest.
    this.addSql(`alter table "docker_hosts" add constraint "docker_hosts_sync_interval_range" check ((sync_interval_seconds >= 30) AND (sync_interval_seconds <= 3600));`);
  }

}
