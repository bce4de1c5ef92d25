import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import './setup-env';
import { TEST_DATABASE_URL } from './setup-env';

const FLEET = path.resolve(__dirname, '../fleet/fleet.sh');

/**
 * Once per run: a fresh, empty test database, and the real Docker fleet. No service is optional: if one is missing
 * the run fails here, loudly, rather than skipping tests.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_DATABASE_URL = TEST_DATABASE_URL; // the tests of this run (same process, in band) use this one
  await recreateDatabase();
  ensureFleet();
}

async function recreateDatabase(): Promise<void> {
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
    // Databases of earlier runs (named after their process): dropped once that process is gone.
    const others = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'fleet\\_control\\_test\\_%'`);
    for (const { datname } of others.rows) {
      const pid = Number(/^fleet_control_test_(\d+)/.exec(datname)?.[1]);
      if (pid && pid !== process.pid && !alive(pid)) await admin.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await admin.end();
  }
  // Migrations run when the first test server starts (createApp migrates, as production does). MikroORM is not loaded
  // here: jest runs global setup in another realm, and entity metadata discovered there breaks the test realm.
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The fleet script is idempotent and quick when the fleet is up; as root it also installs and starts what is missing. */
function ensureFleet(): void {
  try {
    execFileSync('bash', [FLEET, 'status'], { stdio: 'ignore' });
    return;
  } catch {
    // not up (or not healthy): bring it up below, if allowed
  }
  if (process.getuid?.() !== 0) {
    throw new Error('The Docker test fleet is not up and only root can start it: run `sudo npm run fleet -- up` (or .ci/run)');
  }
  execFileSync('bash', [FLEET, 'up'], { stdio: 'inherit' });
}
