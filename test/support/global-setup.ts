import { Client } from 'pg';
import './setup-env';
import { TEST_DATABASE_URL } from './setup-env';

/**
 * Once per run: a fresh, empty test database.
 * No service is optional: if PostgreSQL is missing the run fails here, loudly, rather than skipping tests.
 */
export default async function globalSetup(): Promise<void> {
  const url = new URL(TEST_DATABASE_URL);
  const database = url.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is required for the tests at ${url.host} (start it, or run .ci/run): ${String(error)}`);
  }
  try {
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  // Migrations run when the first test server starts (createApp migrates, as production does). MikroORM is not loaded
  // here: jest runs global setup in another realm, and entity metadata discovered there breaks the test realm.
}
