import { loadConfig } from '../config/config';
import { openDatabase } from '../db/orm';
import { createLogger } from '../log/logger';

/**
 * `npm run migrate` applies pending migrations (the server also does on start).
 * `npm run migrate -- --create` writes a migration for the difference between the entities and the database into
 * src/db/migrations; add its class to src/db/migrations/index.ts.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL must be set (the embedded database migrates itself on `npm start`)');
  const logger = createLogger({ level: config.LOG_LEVEL });
  const create = process.argv.includes('--create');
  const orm = await openDatabase({ clientUrl: config.DATABASE_URL, poolMax: 2, logger, migrate: !create });
  try {
    if (create) {
      const result = await orm.getMigrator().createMigration(undefined, false, process.argv.includes('--initial'));
      process.stdout.write(result.fileName ? `wrote src/db/migrations/${result.fileName}\n` : 'no changes\n');
    } else {
      process.stdout.write('migrations up to date\n');
    }
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
