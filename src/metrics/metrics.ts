import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Counts by a state column, read when Prometheus scrapes (one grouped statement each, over every account). */
export type StateCounts = () => Promise<Array<{ state: string; count: number }>>;

export interface MetricsSources {
  hostsByStatus: StateCounts;
  clustersByStatus: StateCounts;
  operationsByState: Record<string, StateCounts>;
  deploymentsByState: StateCounts;
  instancesByState: StateCounts;
}

/** What the sync engine reports (src/sync): one call per full sync, one per applied event batch. */
export interface SyncMetrics {
  synced(scope: string, seconds: number, ok: boolean): void;
  eventsApplied(scope: string, lagSeconds: readonly number[]): void;
}

export type PubSubDrop = 'slow_subscriber' | 'unreadable' | 'publish_failed';

/**
 * The one owner of the Prometheus registry (prom-client). Labels are closed sets (scope kind, status, outcome,
 * operation type): never an account, a host name or an operation name, so a scrape says how the fleet is, not whose
 * it is. The state gauges are read from the database at scrape time, so every instance reports the same fleet.
 */
export class Metrics implements SyncMetrics {
  readonly registry = new Registry();
  private readonly syncSeconds = new Histogram({ name: 'fleet_sync_duration_seconds', help: 'Full syncs (check + every kind listed and written), by scope kind and outcome', labelNames: ['scope', 'outcome'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [this.registry] });
  private readonly syncFailures = new Counter({ name: 'fleet_sync_failures_total', help: 'Full syncs that failed (the scope unreachable, or its inventory not stored)', labelNames: ['scope'], registers: [this.registry] });
  private readonly eventLag = new Histogram({ name: 'fleet_event_lag_seconds', help: 'From an Engine event to its change committed in the inventory', labelNames: ['scope'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });
  private readonly subscriptions = new Gauge({ name: 'fleet_graphql_subscriptions_open', help: 'GraphQL subscriptions open on this instance (WebSocket)', registers: [this.registry] });
  private readonly requestSeconds = new Histogram({ name: 'fleet_graphql_request_duration_seconds', help: 'GraphQL HTTP requests, by operation type and outcome', labelNames: ['operation', 'outcome'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });
  private readonly drops = new Counter({ name: 'fleet_pubsub_dropped_total', help: 'PubSub messages lost: a subscriber too slow (oldest dropped), an unreadable message, a failed publish', labelNames: ['reason'], registers: [this.registry] });

  constructor(sources: MetricsSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'fleet_process_' });
    const stateGauge = (name: string, help: string, labelName: string, read: () => Promise<Array<{ labels: Record<string, string>; count: number }>>) =>
      new Gauge({
        name,
        help,
        labelNames: [labelName, ...(name === 'fleet_operations' ? ['kind'] : [])],
        registers: [this.registry],
        async collect() {
          const rows = await read();
          this.reset();
          for (const row of rows) this.set(row.labels, row.count);
        },
      });
    const as = (label: string, counts: StateCounts, extra: Record<string, string> = {}) => async () => (await counts()).map((r) => ({ labels: { [label]: r.state.toLowerCase(), ...extra }, count: r.count }));
    stateGauge('fleet_hosts', 'Docker hosts by status', 'status', as('status', sources.hostsByStatus));
    stateGauge('fleet_swarm_clusters', 'Swarm clusters by status', 'status', as('status', sources.clustersByStatus));
    stateGauge('fleet_operations', 'Durable operations (image pulls, pushes and builds; stack deploys and removals) by kind and state', 'state', async () =>
      (await Promise.all(Object.entries(sources.operationsByState).map(([kind, counts]) => as('state', counts, { kind })()))).flat(),
    );
    stateGauge('fleet_deployments', 'Deployments by state', 'state', as('state', sources.deploymentsByState));
    stateGauge('fleet_container_instances', 'Container instances by state', 'state', as('state', sources.instancesByState));
  }

  synced(scope: string, seconds: number, ok: boolean): void {
    const kind = scopeKind(scope);
    this.syncSeconds.observe({ scope: kind, outcome: ok ? 'ok' : 'failed' }, seconds);
    if (!ok) this.syncFailures.inc({ scope: kind });
  }

  eventsApplied(scope: string, lagSeconds: readonly number[]): void {
    const kind = scopeKind(scope);
    for (const lag of lagSeconds) this.eventLag.observe({ scope: kind }, Math.max(0, lag));
  }

  graphqlRequest(operation: string | undefined, ok: boolean, seconds: number): void {
    this.requestSeconds.observe({ operation: operation ?? 'unknown', outcome: ok ? 'ok' : 'error' }, seconds);
  }

  pubsubDropped(reason: PubSubDrop): void {
    this.drops.inc({ reason });
  }

  /** Counts a subscription open until its stream ends, however it ends (completed, stopped by the client, socket gone). */
  subscriptionOpened<T>(stream: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
    this.subscriptions.inc();
    let open = true;
    const close = () => {
      if (open) (open = false), this.subscriptions.dec();
    };
    return {
      next: async (...args: [] | [unknown]) => {
        try {
          const result = await stream.next(...args);
          if (result.done) close();
          return result;
        } catch (error) {
          close();
          throw error;
        }
      },
      return: async (value?: unknown) => {
        close();
        return (await stream.return?.(value)) ?? { value: undefined, done: true };
      },
      throw: async (error?: unknown) => {
        close();
        if (stream.throw) return stream.throw(error);
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** 'docker host' / 'swarm cluster' (the sync scopes' labels) as label values. */
function scopeKind(label: string): string {
  return label.includes('cluster') ? 'cluster' : 'host';
}
