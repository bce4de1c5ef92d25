import type { PubSubDrop } from '../metrics/metrics';
import { Redis } from 'ioredis';
import { Channel } from '../common/channel';
import type { AuthTopics } from '../auth/auth.topics';
import type { ContainerTopics } from '../containers/container.topics';
import type { EventTopics } from '../events/event.topics';
import type { HostTopics } from '../hosts/host.topics';
import type { Logger } from '../log/logger';
import type { OperationTopics } from '../operations/operation.topics';
import type { SwarmTopics } from '../swarm/swarm.topics';
import type { DeploymentTopics } from '../deployments/deployment.topics';
import type { InstanceTopics } from '../instances/instance.topics';

/** Every domain's topics in one typed map. Payloads are plain JSON-safe objects (Dates allowed), never entities. */
export type Topics = HostTopics & ContainerTopics & EventTopics & OperationTopics & AuthTopics & SwarmTopics & DeploymentTopics & InstanceTopics;

type Payload<K extends keyof Topics> = Topics[K] extends [string, infer P] ? P : Topics[K] extends [infer P] ? P : never;
type IdArgs<K extends keyof Topics> = Topics[K] extends [string, unknown] ? [id: string] : [];

/** Messages a subscriber may fall behind by before the oldest are dropped: a stalled client must not grow memory. */
const SUBSCRIBER_BUFFER = 1000;

interface Transport {
  publish(channel: string, payload: unknown): void;
  listen(channel: string, listener: (payload: unknown) => void): () => void;
  close(): Promise<void>;
}

/**
 * Typed publish/subscribe. Each subscription is a bounded Channel (oldest dropped when a client stalls), so no
 * publisher ever blocks or throws because of a slow subscriber. In-process by default; with REDIS_URL every message
 * goes through Redis, so a subscriber on any API instance sees changes made or synced by any other.
 */
export class PubSub {
  constructor(
    private readonly transport: Transport,
    private readonly onDrop?: (reason: PubSubDrop) => void,
  ) {}

  publish<K extends keyof Topics>(topic: K, ...args: Topics[K]): void {
    const [channel, payload] = args.length === 2 ? [`${topic}:${String(args[0])}`, args[1]] : [topic as string, args[0]];
    this.transport.publish(channel, payload);
  }

  subscribe<K extends keyof Topics>(topic: K, ...id: IdArgs<K>): Channel<Payload<K>> {
    const channel = new Channel<Payload<K>>(SUBSCRIBER_BUFFER);
    const stop = this.transport.listen(id.length ? `${topic}:${id[0]}` : topic, (payload) => channel.push(payload as Payload<K>));
    channel.onClose = stop;
    if (this.onDrop) channel.onDrop = () => this.onDrop?.('slow_subscriber');
    return channel;
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

/** In-process only: for one instance, and for building the schema without a server. */
export function createLocalPubSub(): PubSub {
  return new PubSub(new LocalTransport());
}

/** `onDrop` counts what is lost (src/metrics): a subscriber too slow, and with Redis unreadable or unsent messages. */
export function createAppPubSub(options: { redisUrl?: string; logger: Logger; onDrop?: (reason: PubSubDrop) => void }): PubSub {
  return new PubSub(options.redisUrl ? new RedisTransport(options.redisUrl, options.logger, options.onDrop) : new LocalTransport(), options.onDrop);
}

class LocalTransport implements Transport {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  publish(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(payload);
  }

  listen(channel: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, set.add(listener));
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/**
 * One Redis connection publishes, one subscribes (Redis requires a dedicated connection for SUBSCRIBE). A publish
 * while Redis is away fails fast and is logged (no offline queue growing without bound); ioredis reconnects and
 * re-subscribes by itself.
 */
class RedisTransport implements Transport {
  private readonly local = new LocalTransport();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly counts = new Map<string, number>();

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly onDrop?: (reason: PubSubDrop) => void,
  ) {
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    // No ready check on the subscriber: it sends INFO, which Redis refuses once a SUBSCRIBE made before the connection
    // came up has put it in subscriber mode ("only subscriber commands may be used") — the connection then failed and
    // a subscription made at start-up (token revocations) could miss messages until the reconnect.
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: false });
    for (const [role, client] of [['publish', this.publisher], ['subscribe', this.subscriber]] as const) {
      client.on('error', (error: Error) => logger.warn({ err: error, role }, 'redis connection problem'));
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      try {
        this.local.publish(channel, parse(message));
      } catch (error) {
        logger.warn({ err: error, channel }, 'unreadable pubsub message dropped');
        this.onDrop?.('unreadable');
      }
    });
  }

  publish(channel: string, payload: unknown): void {
    this.publisher.publish(channel, stringify(payload)).catch((error: unknown) => {
      this.logger.warn({ err: error, channel }, 'pubsub publish failed');
      this.onDrop?.('publish_failed');
    });
  }

  listen(channel: string, listener: (payload: unknown) => void): () => void {
    const count = (this.counts.get(channel) ?? 0) + 1;
    this.counts.set(channel, count);
    if (count === 1) this.subscriber.subscribe(channel).catch((error: unknown) => this.logger.warn({ err: error, channel }, 'redis subscribe failed'));
    const stop = this.local.listen(channel, listener);
    return () => {
      stop();
      const left = (this.counts.get(channel) ?? 1) - 1;
      if (left > 0) return void this.counts.set(channel, left);
      this.counts.delete(channel);
      this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}

const DATE_KEY = '__fleet_date__';

/** JSON with Dates kept as Dates: `{ "__fleet_date__": iso }` on the wire (a replacer sees the Date before toJSON). */
export function stringify(message: unknown): string {
  return JSON.stringify(message, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    return original instanceof Date ? { [DATE_KEY]: original.toISOString() } : value;
  });
}

export function parse(message: string): unknown {
  return JSON.parse(message, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === DATE_KEY) return new Date((value as Record<string, string>)[DATE_KEY]!);
    }
    return value;
  });
}
