import { Migration } from '@mikro-orm/migrations';

/** Sync workers' heartbeats: how many instances share the scopes, so each holds its fair part (S2). */
export class Migration20261203144900 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sync_instances" ("instance_id" varchar(128) not null, "alive_until" timestamptz not null, "capacity" int not null, constraint "sync_instances_pkey" primary key ("instance_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sync_instances" cascade;`);
  }

}
