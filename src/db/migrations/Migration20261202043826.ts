import { Migration } from '@mikro-orm/migrations';

/** Traffic routers (HAProxy beside the API) and their routes: a frontend port and weighted servers per service. */
export class Migration20261202043826 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "traffic_router_kind" as enum ('HAPROXY');`);
    this.addSql(`create table "traffic_routers" ("id" uuid not null, "account_id" varchar(128) not null, "name" varchar(128) not null, "kind" "traffic_router_kind" not null default 'HAPROXY', "runtime_endpoint" varchar(512) not null, "master_endpoint" varchar(512) not null, "config_path" varchar(1024) not null, "created_at" timestamptz not null, constraint "traffic_routers_pkey" primary key ("id"));`);
    this.addSql(`alter table "traffic_routers" add constraint "traffic_routers_account_name_unique" unique ("account_id", "name");`);

    this.addSql(`create table "traffic_routes" ("id" uuid not null, "account_id" varchar(128) not null, "router_id" uuid not null, "cluster_id" uuid not null, "stack" varchar(256) not null, "service" varchar(256) not null, "listen_port" int not null, "backend" varchar(128) not null, "health_check_path" varchar(512) null, "servers" jsonb not null, "updated_at" timestamptz not null, constraint "traffic_routes_pkey" primary key ("id"));`);
    this.addSql(`create index "traffic_routes_account_id_index" on "traffic_routes" ("account_id");`);
    this.addSql(`alter table "traffic_routes" add constraint "traffic_routes_port_unique" unique ("router_id", "listen_port");`);
    this.addSql(`alter table "traffic_routes" add constraint "traffic_routes_service_unique" unique ("router_id", "cluster_id", "stack", "service");`);

    this.addSql(`alter table "traffic_routes" add constraint "traffic_routes_router_id_foreign" foreign key ("router_id") references "traffic_routers" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "traffic_routes" add constraint "traffic_routes_cluster_id_foreign" foreign key ("cluster_id") references "swarm_clusters" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "traffic_routes" cascade;`);
    this.addSql(`drop table if exists "traffic_routers" cascade;`);
    this.addSql(`drop type "traffic_router_kind";`);
  }

}
