import { ALL_PERMISSIONS } from './auth/permissions';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';

const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const app = await createApp({ config });
  const { url } = await app.listen();

  if (app.ephemeralJwtSecret) {
    const token = await app.services.tokens.sign({ sub: 'developer', accountId: 'default', permissions: [...ALL_PERMISSIONS] }, 12 * 3600);
    app.logger.warn('JWT_SECRET not set: made a secret for this process only; tokens die with it');
    // Printed on stdout for the newcomer, deliberately not a log line (tokens are never logged).
    process.stdout.write(`\nDevelopment token (account "default", every permission, 12 h):\n${token}\n\n`);
    // The token rides in the fragment, which browsers never send: the page moves it to sessionStorage and wipes it.
    process.stdout.write(`The live fleet page, signed in: ${new URL(`/#token=${token}`, url).href}\n\n`);
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) process.exit(1); // a second signal forces the exit
    closing = true;
    app.logger.info({ signal }, 'shutting down');
    // A drain that hangs (a stuck client, a dead database) must not keep the process alive forever.
    setTimeout(() => {
      app.logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
