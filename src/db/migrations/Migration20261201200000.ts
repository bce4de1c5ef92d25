import { Migration } from '@mikro-orm/migrations';

/** Per-account token revocation cut-offs (revokeTokens). */
export class Migration20261201200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "token_revocations" ("account_id" varchar(128) not null, "revoked_before" timestamptz not null, "revoked_by" varchar(256) null, "updated_at" timestamptz not null, constraint "token_revocations_pkey" primary key ("account_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "token_revocations" cascade;`);
  }
}
