import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { ContainerTopics } from '../containers/container.topics';
import type { EventTopics } from '../events/event.topics';
import type { HostTopics } from '../hosts/host.topics';
import type { Logger } from '../log/logger';

/** Every domain's topics in one typed map. Payloads are plain JSON-safe objects (Dates allowed), never entities. */
export type Topics = HostTopics & ContainerTopics & EventTopics;

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/** In-process only: for one instance, and for building the schema without a server. */
export function createLocalPubSub(): PubSub {
  return createPubSub<Topics>();
}

export interface AppPubSub {
  pubsub: PubSub;
  close(): Promise<void>;
}

/**
 * In-process by default. With REDIS_URL, every publish goes through Redis, so a subscriber on any API instance sees
 * changes made or synced by any other (the yoga Redis event target; ioredis reconnects by itself).
 */
export function createAppPubSub(options: { redisUrl?: string; logger: Logger }): AppPubSub {
  if (!options.redisUrl) return { pubsub: createLocalPubSub(), close: async () => undefined };
  const connect = (role: string) => {
    const client = new Redis(options.redisUrl!, { lazyConnect: false, maxRetriesPerRequest: null });
    client.on('error', (error: Error) => options.logger.warn({ err: error, role }, 'redis connection problem'));
    return client;
  };
  const publishClient = connect('publish');
  const subscribeClient = connect('subscribe');
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient, serializer: { stringify, parse } });
  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/** JSON with Dates kept as Dates: `{ "$date": iso }` on the wire (a replacer sees the Date before toJSON runs). */
export function stringify(message: unknown): string {
  return JSON.stringify(message, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.toISOString() } : value;
  });
}

export function parse(message: string): unknown {
  return JSON.parse(message, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$date') return new Date((value as { $date: string }).$date);
    }
    return value;
  });
}
