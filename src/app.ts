import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import { ActivityService } from './activities/activity.service';
import type { Config } from './config/config';
import { resolveSecrets } from './config/secrets';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { isDatabaseReachable, openDatabase } from './db/orm';
import { DockerClientPool } from './docker/docker.pool';
import type { Services } from './graphql/context';
import { buildAppSchema } from './graphql/schema';
import { HostCredentials } from './hosts/host-credentials';
import { HostHealthWorker } from './hosts/host-health.worker';
import { HostManager } from './hosts/host.manager';
import { createGraphQLServer } from './http/graphql-server';
import { createLogger, type Logger } from './log/logger';
import { createAppPubSub } from './pubsub/pubsub';

export interface App {
  services: Services;
  orm: MikroORM;
  logger: Logger;
  healthWorker: HostHealthWorker;
  /** Set when this process made up its JWT secret (development without JWT_SECRET). */
  ephemeralJwtSecret: boolean;
  listen(): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/** The composition root: builds adapters, services, workers and the server, and knows the order to close them. */
export async function createApp(options: { config: Config; logger?: Logger }): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });

  let embedded: EmbeddedDatabase | undefined;
  let clientUrl = config.DATABASE_URL;
  if (!clientUrl) {
    embedded = await startEmbeddedDatabase({ dataDir: config.EMBEDDED_DATA_DIR, maxConnections: config.DATABASE_POOL_MAX + 2 });
    clientUrl = embedded.url;
    logger.info({ dataDir: config.EMBEDDED_DATA_DIR }, 'DATABASE_URL not set: using the embedded PostgreSQL (PGlite); set DATABASE_URL for a real server');
  }
  const orm = await openDatabase({ clientUrl, poolMax: config.DATABASE_POOL_MAX, logger, migrate: true });

  const { keyRing, tokens, ephemeralJwtSecret } = resolveSecrets(config, logger);
  const pubsub = createAppPubSub();
  const docker = new DockerClientPool({ timeoutMs: config.DOCKER_TIMEOUT_MS, logger });
  const credentials = new HostCredentials(keyRing);
  const hosts = new HostManager({ orm, docker, credentials, pubsub, logger, policy: { allowUnixSockets: config.allowUnixSocketEndpoints } });
  await hosts.resealCredentials();
  const services: Services = { hosts, activities: new ActivityService({ orm, logger }), tokens, pubsub };
  const healthWorker = new HostHealthWorker({ hosts, logger, tickMs: config.HEALTH_TICK_SECONDS * 1000 });

  const server = await createGraphQLServer({ config, schema: await buildAppSchema(pubsub), services, logger, isReady: () => isDatabaseReachable(orm) });

  return {
    services,
    orm,
    logger,
    healthWorker,
    ephemeralJwtSecret,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.httpServer.once('error', reject);
        server.httpServer.listen(config.PORT, config.HOST, resolve);
      });
      if (config.HEALTH_WORKER_ENABLED) healthWorker.start();
      const { port } = server.httpServer.address() as AddressInfo;
      const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql`;
      logger.info({ url }, 'fleet control API listening');
      return { port, url };
    },
    async close() {
      await server.close(); // stop accepting, drain requests, close sockets
      await healthWorker.stop();
      docker.close();
      await orm.close();
      await embedded?.close();
    },
  };
}
