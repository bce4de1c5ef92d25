import { Migration } from '@mikro-orm/migrations';

export class Migration20261202121918 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "account_quotas" ("account_id" varchar(128) not null, "concurrent_instances" int null, "cpu_millicores" int null, "memory_mb" int null, "storage_mb" int null, "updated_at" timestamptz not null, constraint "account_quotas_pkey" primary key ("account_id"));`);

    this.addSql(`create table "quota_charges" ("id" uuid not null, "account_id" varchar(128) not null, "holder_id" uuid not null, "cpu_millicores" int not null, "memory_mb" int not null, "storage_mb" int not null, "charged_at" timestamptz not null, "released_at" timestamptz null, constraint "quota_charges_pkey" primary key ("id"));`);
    this.addSql(`create unique index "quota_charges_open_holder_unique" on "quota_charges" ("holder_id") where "released_at" is null;`);
    this.addSql(`create index "quota_charges_open_idx" on "quota_charges" ("account_id") where "released_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_quotas" cascade;`);
    this.addSql(`drop table if exists "quota_charges" cascade;`);
  }

}
