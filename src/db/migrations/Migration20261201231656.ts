import { Migration } from '@mikro-orm/migrations';

/** Swarm clusters as sync scopes, their synced objects (nodes, services, tasks, secrets, configs, networks) and their event log; hosts learn their swarm node id. */
export class Migration20261201231656 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "swarm_clusters" ("id" uuid not null, "account_id" varchar(128) not null, "name" varchar(128) not null, "environment" "docker_host_environment" not null, "api_endpoint" varchar(512) not null, "manager_host_id" uuid null, "status" "docker_host_status" not null default 'pending', "tls_verify" boolean not null default true, "encrypted_tls_credentials" text null, "sync_interval_seconds" int not null default 60, "consecutive_failures" int not null default 0, "last_error" text null, "last_error_code" varchar(64) null, "last_checked_at" timestamptz null, "last_synced_at" timestamptz null, "swarm_id" varchar(128) null, "active_endpoint" varchar(512) null, "failover_endpoints" jsonb not null, "node_count" int null, "manager_count" int null, "managers_reachable" int null, "has_quorum" boolean null, "leader_node_id" varchar(128) null, "docker_version" varchar(64) null, "sync_owner" varchar(128) null, "sync_lease_until" timestamptz null, "inventory_version" int not null default 0, "events_checkpoint" bigint null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "swarm_clusters_pkey" primary key ("id"), constraint swarm_clusters_sync_interval_range check ((sync_interval_seconds >= 30) AND (sync_interval_seconds <= 3600)));`);
    this.addSql(`alter table "swarm_clusters" add constraint "swarm_clusters_account_name_unique" unique ("account_id", "name");`);

    this.addSql(`create table "swarm_configs" ("id" uuid not null, "account_id" varchar(128) not null, "cluster_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "name" varchar(256) not null, "labels" jsonb not null, "version_index" bigint not null default 0, "created_at" timestamptz null, constraint "swarm_configs_pkey" primary key ("id"));`);
    this.addSql(`create index "swarm_configs_account_id_index" on "swarm_configs" ("account_id");`);
    this.addSql(`alter table "swarm_configs" add constraint "swarm_configs_cluster_docker_id_unique" unique ("cluster_id", "docker_id");`);

    this.addSql(`create table "swarm_events" ("id" uuid not null, "account_id" varchar(128) not null, "type" varchar(32) not null, "action" varchar(256) not null, "actor_id" varchar(256) not null, "actor_name" varchar(256) null, "attributes" jsonb not null, "severity" "event_severity" not null, "time" timestamptz not null, "time_nano" bigint not null, "cluster_id" uuid not null, constraint "swarm_events_pkey" primary key ("id"));`);
    this.addSql(`create index "swarm_events_account_time_idx" on "swarm_events" ("account_id", "time");`);
    this.addSql(`alter table "swarm_events" add constraint "swarm_events_dedupe" unique ("cluster_id", "time_nano", "type", "action", "actor_id");`);

    this.addSql(`create table "swarm_networks" ("id" uuid not null, "account_id" varchar(128) not null, "cluster_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "name" varchar(256) not null, "driver" varchar(64) not null, "scope" varchar(16) not null, "internal" boolean not null, "attachable" boolean not null, "labels" jsonb not null, "created_at" timestamptz null, constraint "swarm_networks_pkey" primary key ("id"));`);
    this.addSql(`create index "swarm_networks_account_id_index" on "swarm_networks" ("account_id");`);
    this.addSql(`alter table "swarm_networks" add constraint "swarm_networks_cluster_docker_id_unique" unique ("cluster_id", "docker_id");`);

    this.addSql(`create table "swarm_nodes" ("id" uuid not null, "account_id" varchar(128) not null, "cluster_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "hostname" varchar(256) not null, "role" varchar(16) not null, "availability" varchar(16) not null, "state" varchar(16) not null, "status_message" text null, "address" varchar(256) null, "manager_reachability" varchar(16) null, "manager_addr" varchar(256) null, "leader" boolean not null default false, "engine_version" varchar(64) null, "labels" jsonb not null, "engine_labels" jsonb not null, "nano_cpus" bigint null, "memory_bytes" bigint null, "version_index" bigint not null default 0, "created_at" timestamptz null, constraint "swarm_nodes_pkey" primary key ("id"));`);
    this.addSql(`create index "swarm_nodes_account_id_index" on "swarm_nodes" ("account_id");`);
    this.addSql(`alter table "swarm_nodes" add constraint "swarm_nodes_cluster_docker_id_unique" unique ("cluster_id", "docker_id");`);

    this.addSql(`create table "swarm_secrets" ("id" uuid not null, "account_id" varchar(128) not null, "cluster_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "name" varchar(256) not null, "labels" jsonb not null, "version_index" bigint not null default 0, "created_at" timestamptz null, constraint "swarm_secrets_pkey" primary key ("id"));`);
    this.addSql(`create index "swarm_secrets_account_id_index" on "swarm_secrets" ("account_id");`);
    this.addSql(`alter table "swarm_secrets" add constraint "swarm_secrets_cluster_docker_id_unique" unique ("cluster_id", "docker_id");`);

    this.addSql(`create table "swarm_services" ("id" uuid not null, "account_id" varchar(128) not null, "cluster_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "name" varchar(256) not null, "image" text null, "mode" varchar(16) not null, "replicas" int null, "running_tasks" int null, "desired_tasks" int null, "labels" jsonb not null, "stack" varchar(256) null, "spec" jsonb not null, "previous_spec" jsonb null, "version_index" bigint not null default 0, "update_state" varchar(32) null, "update_message" text null, "update_started_at" timestamptz null, "update_completed_at" timestamptz null, "published_ports" jsonb not null, "created_at" timestamptz null, constraint "swarm_services_pkey" primary key ("id"));`);
    this.addSql(`create index "swarm_services_account_id_index" on "swarm_services" ("account_id");`);
    this.addSql(`create index "swarm_services_stack_idx" on "swarm_services" ("cluster_id", "stack");`);
    this.addSql(`alter table "swarm_services" add constraint "swarm_services_cluster_docker_id_unique" unique ("cluster_id", "docker_id");`);

    this.addSql(`create table "swarm_tasks" ("id" uuid not null, "account_id" varchar(128) not null, "cluster_id" uuid not null, "docker_id" varchar(256) not null, "updated_at" timestamptz not null, "service_id" varchar(256) not null, "node_id" varchar(256) null, "slot" int null, "desired_state" varchar(32) not null, "state" varchar(32) not null, "message" text null, "error" text null, "exit_code" int null, "container_id" varchar(256) null, "image" text null, "up_to_date" boolean not null default false, "version_index" bigint not null default 0, "created_at" timestamptz null, constraint "swarm_tasks_pkey" primary key ("id"));`);
    this.addSql(`create index "swarm_tasks_account_id_index" on "swarm_tasks" ("account_id");`);
    this.addSql(`create index "swarm_tasks_node_idx" on "swarm_tasks" ("cluster_id", "node_id");`);
    this.addSql(`create index "swarm_tasks_service_idx" on "swarm_tasks" ("cluster_id", "service_id");`);
    this.addSql(`alter table "swarm_tasks" add constraint "swarm_tasks_cluster_docker_id_unique" unique ("cluster_id", "docker_id");`);

    this.addSql(`alter table "swarm_clusters" add constraint "swarm_clusters_manager_host_id_foreign" foreign key ("manager_host_id") references "docker_hosts" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "swarm_configs" add constraint "swarm_configs_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "swarm_events" add constraint "swarm_events_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "swarm_networks" add constraint "swarm_networks_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "swarm_nodes" add constraint "swarm_nodes_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "swarm_secrets" add constraint "swarm_secrets_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "swarm_services" add constraint "swarm_services_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "swarm_tasks" add constraint "swarm_tasks_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "docker_hosts" add column "swarm_node_id" varchar(128) null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "swarm_configs" drop constraint "swarm_configs_cluster_id_foreign";`);

    this.addSql(`alter table "swarm_events" drop constraint "swarm_events_cluster_id_foreign";`);

    this.addSql(`alter table "swarm_networks" drop constraint "swarm_networks_cluster_id_foreign";`);

    this.addSql(`alter table "swarm_nodes" drop constraint "swarm_nodes_cluster_id_foreign";`);

    this.addSql(`alter table "swarm_secrets" drop constraint "swarm_secrets_cluster_id_foreign";`);

    this.addSql(`alter table "swarm_services" drop constraint "swarm_services_cluster_id_foreign";`);

    this.addSql(`alter table "swarm_tasks" drop constraint "swarm_tasks_cluster_id_foreign";`);

    this.addSql(`drop table if exists "swarm_clusters" cascade;`);

    this.addSql(`drop table if exists "swarm_configs" cascade;`);

    this.addSql(`drop table if exists "swarm_events" cascade;`);

    this.addSql(`drop table if exists "swarm_networks" cascade;`);

    this.addSql(`drop table if exists "swarm_nodes" cascade;`);

    this.addSql(`drop table if exists "swarm_secrets" cascade;`);

    this.addSql(`drop table if exists "swarm_services" cascade;`);

    this.addSql(`drop table if exists "swarm_tasks" cascade;`);

    this.addSql(`alter table "docker_hosts" drop column "swarm_node_id";`);

  }

}
