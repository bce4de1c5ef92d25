/**
 * Test configuration, applied before any module loads config. Real PostgreSQL (not the embedded default), fixed test
 * secrets, quiet logs, and no background health worker (tests drive checks explicitly).
 */
/**
 * Each jest run gets a database of its own (global setup names it after its process and exports it here), so two
 * runs on one machine — a developer and a helper, say — never drop each other's tables.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/fleet_control_test_${process.pid}`;

Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_URL: TEST_DATABASE_URL,
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
  ENCRYPTION_KEYS: `old:${Buffer.alloc(32, 1).toString('base64')},current:${Buffer.alloc(32, 2).toString('base64')}`,
  ENCRYPTION_ACTIVE_KEY_ID: 'current',
  LOG_LEVEL: 'info',
  SYNC_WORKER_ENABLED: 'false',
  DOCKER_TIMEOUT_MS: '3000',
  PORT: '0',
  HOST: '127.0.0.1',
  // The fleet's own registries, which every fleet daemon reaches on its loopback (see test/fleet/README.md).
  OUTBOUND_ALLOW: '127.0.0.1:5000,127.0.0.1:5001',
});
