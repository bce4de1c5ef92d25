import type { Principal } from '../auth/principal';
import type { PubSub } from '../pubsub/pubsub';
import { clusterHealth, type ClusterHealth } from './cluster-health';
import type { ClusterManager } from './cluster.manager';
import type { SwarmQueries } from './swarm.queries';
import { SwarmTopic } from './swarm.topics';

/** The cluster half of the seed's HealthMonitor: the health answer, and its changes as a stream. */
export class ClusterHealthMonitor {
  constructor(private readonly deps: { clusters: Pick<ClusterManager, 'get'>; queries: Pick<SwarmQueries, 'healthRows'>; pubsub: PubSub }) {}

  async health(principal: Principal, clusterId: string): Promise<ClusterHealth> {
    const cluster = await this.deps.clusters.get(principal, clusterId);
    return clusterHealth(cluster, await this.deps.queries.healthRows(principal, cluster.id));
  }

  /**
   * The health of one cluster each time something it is made of changes (the cluster's own check, a node, a service),
   * sent only when the answer differs from the last one sent. NOT_FOUND for a foreign cluster, before anything streams.
   */
  async changes(principal: Principal, clusterId: string): Promise<AsyncIterable<ClusterHealth>> {
    await this.deps.clusters.get(principal, clusterId);
    const { pubsub } = this.deps;
    const account = principal.accountId;
    const concerns = (payload: { id?: string; clusterId?: string }) => (payload.clusterId ?? payload.id) === clusterId;
    const self = this;
    return {
      [Symbol.asyncIterator]() {
        // Each iteration its own subscriptions, all given back when it ends, however it ends.
        const sources = [pubsub.subscribe(SwarmTopic.ClusterChanged, account), pubsub.subscribe(SwarmTopic.NodeChanged, account), pubsub.subscribe(SwarmTopic.ServiceChanged, account)];
        let last = '';
        let wake: (() => void) | undefined;
        let pending = 0;
        let done = false;
        void Promise.allSettled(
          sources.map(async (source) => {
            for await (const payload of source as AsyncIterable<{ id?: string; clusterId?: string }>) {
              if (!concerns(payload)) continue;
              pending++;
              wake?.();
            }
          }),
        );
        const stop = async () => {
          done = true;
          wake?.();
          await Promise.all(sources.map((source) => source.return?.()));
          return { done: true as const, value: undefined };
        };
        return {
          async next(): Promise<IteratorResult<ClusterHealth>> {
            try {
              while (!done) {
                if (pending === 0) await new Promise<void>((resolve) => (wake = resolve));
                if (done) break;
                pending = 0; // a burst of changes is one answer, read after it
                const health = await self.health(principal, clusterId);
                const key = JSON.stringify(health);
                if (key !== last) {
                  last = key;
                  return { done: false, value: health };
                }
              }
              return { done: true, value: undefined };
            } catch (error) {
              await stop(); // the cluster was deleted, or the database failed: nothing more will come
              throw error;
            }
          },
          return: stop,
        };
      },
    };
  }
}
