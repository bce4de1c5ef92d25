import { parseArgs } from 'node:util';
import { ALL_PERMISSIONS } from '../auth/permissions';
import { loadConfig } from '../config/config';
import { resolveSecrets } from '../config/secrets';
import { createLogger } from '../log/logger';

const USAGE = 'usage: npm run token -- --account <id> --permissions <p1,p2> [--sub <user>] [--ttl 1h]';
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Prints a signed token on its last line, with the same JWT_SECRET / JWT_PRIVATE_KEY config as the server. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { account: { type: 'string' }, permissions: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
  });
  if (!values.account || !values.permissions) throw new Error(USAGE);
  const permissions = values.permissions.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = permissions.filter((p) => !(ALL_PERMISSIONS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`unknown permission(s): ${unknown.join(', ')}; known: ${ALL_PERMISSIONS.join(', ')}`);
  const ttl = /^(\d+)([smhd])$/.exec(values.ttl ?? '1h');
  if (!ttl) throw new Error('--ttl must look like 90s, 30m, 1h or 7d');

  const config = loadConfig();
  const { tokens, ephemeralJwtSecret } = resolveSecrets(config, createLogger({ level: 'silent' }));
  if (ephemeralJwtSecret) {
    throw new Error('no JWT_SECRET or JWT_PUBLIC_KEY/JWT_PRIVATE_KEY configured: set one (the dev server prints its own token at start)');
  }
  const token = await tokens.sign(
    { sub: values.sub ?? 'cli', accountId: values.account, permissions },
    Number(ttl[1]) * UNIT_SECONDS[ttl[2]!]!,
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
