import { Migration } from '@mikro-orm/migrations';

export class Migration20261202123408 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "docker_events_account_severity_time_idx" on "docker_events" ("account_id", "severity", "time");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "docker_events_account_severity_time_idx";`);
  }

}
