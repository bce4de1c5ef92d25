import { Migration } from '@mikro-orm/migrations';

export class Migration20261125084119 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "event_severity" as enum ('INFO', 'WARNING', 'ERROR');`);
    this.addSql(`create type "container_state" as enum ('CREATED', 'RUNNING', 'PAUSED', 'RESTARTING', 'EXITED', 'REMOVING', 'DEAD');`);
    this.addSql(`create type "container_health" as enum ('HEALTHY', 'UNHEALTHY', 'STARTING', 'NONE');`);
    this.addSql(`create table "docker_events" ("id" uuid not null, "account_id" varchar(128) not null, "host_id" uuid not null, "type" varchar(32) not null, "action" varchar(256) not null, "actor_id" varchar(256) not null, "actor_name" varchar(256) null, "attributes" jsonb not null, "severity" "event_severity" not null, "time" timestamptz not null, "time_nano" bigint not null, constraint "docker_events_pkey" primary key ("id"));`);
    this.addSql(`create index "docker_events_time_idx" on "docker_events" ("time");`);
    this.addSql(`create index "docker_events_account_time_idx" on "docker_events" ("account_id", "time");`);
    this.addSql(`alter table "docker_events" add constraint "docker_events_dedupe" unique ("host_id", "time_nano", "type", "action", "actor_id");`);

    this.addSql(`create table "containers" ("id" uuid not null, "account_id" varchar(128) not null, "host_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "name" varchar(256) not null, "image" text not null, "image_id" varchar(128) null, "command" text null, "state" "container_state" not null, "health" "container_health" not null default 'NONE', "exit_code" int null, "labels" jsonb not null, "ports" jsonb not null, "mounts" jsonb not null, "networks" jsonb not null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "containers_pkey" primary key ("id"));`);
    this.addSql(`create index "containers_account_id_index" on "containers" ("account_id");`);
    this.addSql(`create index "containers_labels_idx" on "containers" using gin ("labels" jsonb_path_ops);`);
    this.addSql(`create index "containers_account_name_idx" on "containers" ("account_id", "name");`);
    this.addSql(`alter table "containers" add constraint "containers_host_docker_id_unique" unique ("host_id", "docker_id");`);

    this.addSql(`create table "images" ("id" uuid not null, "account_id" varchar(128) not null, "host_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "repo_tags" jsonb not null, "repo_digests" jsonb not null, "size_bytes" bigint not null, "labels" jsonb not null, "created_at" timestamptz not null, constraint "images_pkey" primary key ("id"));`);
    this.addSql(`create index "images_account_id_index" on "images" ("account_id");`);
    this.addSql(`alter table "images" add constraint "images_host_docker_id_unique" unique ("host_id", "docker_id");`);

    this.addSql(`create table "networks" ("id" uuid not null, "account_id" varchar(128) not null, "host_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "name" varchar(256) not null, "driver" varchar(64) not null, "scope" varchar(16) not null, "internal" boolean not null, "attachable" boolean not null, "labels" jsonb not null, "created_at" timestamptz null, constraint "networks_pkey" primary key ("id"));`);
    this.addSql(`create index "networks_account_id_index" on "networks" ("account_id");`);
    this.addSql(`alter table "networks" add constraint "networks_host_docker_id_unique" unique ("host_id", "docker_id");`);

    this.addSql(`create table "volumes" ("id" uuid not null, "account_id" varchar(128) not null, "host_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "driver" varchar(64) not null, "mountpoint" text null, "scope" varchar(16) not null, "labels" jsonb not null, "created_at" timestamptz null, constraint "volumes_pkey" primary key ("id"));`);
    this.addSql(`create index "volumes_account_id_index" on "volumes" ("account_id");`);
    this.addSql(`alter table "volumes" add constraint "volumes_host_docker_id_unique" unique ("host_id", "docker_id");`);

    this.addSql(`alter table "docker_events" add constraint "docker_events_host_id_foreign" foreign key ("host_id") references "docker_hosts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "containers" add constraint "containers_host_id_foreign" foreign key ("host_id") references "docker_hosts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "images" add constraint "images_host_id_foreign" foreign key ("host_id") references "docker_hosts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "networks" add constraint "networks_host_id_foreign" foreign key ("host_id") references "docker_hosts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "volumes" add constraint "volumes_host_id_foreign" foreign key ("host_id") references "docker_hosts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "activities" add column "parameters" jsonb null;`);

    this.addSql(`alter table "docker_hosts" add column "sync_owner" varchar(128) null, add column "sync_lease_until" timestamptz null, add column "inventory_version" int not null default 0, add column "events_checkpoint" bigint null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "docker_events" cascade;`);

    this.addSql(`drop table if exists "containers" cascade;`);

    this.addSql(`drop table if exists "images" cascade;`);

    this.addSql(`drop table if exists "networks" cascade;`);

    this.addSql(`drop table if exists "volumes" cascade;`);

    this.addSql(`alter table "activities" drop column "parameters";`);

    this.addSql(`alter table "docker_hosts" drop column "sync_owner", drop column "sync_lease_until", drop column "inventory_version", drop column "events_checkpoint";`);

    this.addSql(`drop type "event_severity";`);
    this.addSql(`drop type "container_state";`);
    this.addSql(`drop type "container_health";`);
  }

}
