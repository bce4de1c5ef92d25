import type { Principal } from '../auth/principal';
import type { DockerInventory } from '../docker/docker.inventory';
import type { Diagnosis } from '../health/diagnosis.view';
import { fingerprint, type HostCredentials } from '../hosts/host-credentials';
import { seesEndpointDetail } from '../hosts/host-error.view';
import { SEALED_MARKER } from '../sync/scope.entity';
import type { PubSub } from '../pubsub/pubsub';
import { clusterHealth, type ClusterHealth } from './cluster-health';
import { diagnoseCluster, managerEndpoint, type ManagerFacts } from './cluster.diagnosis';
import type { SwarmCluster } from './cluster.entity';
import type { ClusterManager } from './cluster.manager';
import type { SwarmQueries } from './swarm.queries';
import { SwarmTopic } from './swarm.topics';

/** The cluster half of the seed's HealthMonitor: the health answer, and its changes as a stream. */
export class ClusterHealthMonitor {
  /** Managers' Engines asked for a diagnosis, per cluster and endpoint, kept this long (a page polling asks once). */
  private readonly engineAnswers = new Map<string, { at: number; failure: Promise<string | null> }>();

  constructor(
    private readonly deps: {
      clusters: Pick<ClusterManager, 'get' | 'lastErrorFor'>;
      queries: Pick<SwarmQueries, 'healthRows'>;
      pubsub: PubSub;
      /** For diagnoses: each manager's Engine pinged, with the cluster's own TLS material. */
      inventory: Pick<DockerInventory, 'ping'>;
      credentials: Pick<HostCredentials, 'open'>;
      coarseEndpointErrors: boolean;
    },
  ) {}

  async health(principal: Principal, clusterId: string): Promise<ClusterHealth> {
    const cluster = await this.deps.clusters.get(principal, clusterId);
    return clusterHealth(cluster, await this.deps.queries.healthRows(principal, cluster.id));
  }

  /**
   * The cluster's troubleshooting row ("lost Swarm quorum", managers down): the stored managers, each one's Engine
   * asked now. How an Engine fails is told only to callers who may see endpoint detail (as lastError).
   */
  async diagnose(principal: Principal, given: SwarmCluster): Promise<Diagnosis | null> {
    // A subscription's snapshot carries a marker instead of the sealed TLS material: the row is read again.
    const cluster = given.encryptedTlsCredentials === SEALED_MARKER ? await this.deps.clusters.get(principal, given.id) : given;
    const { nodes } = await this.deps.queries.healthRows(principal, cluster.id);
    const coarse = !seesEndpointDetail(principal, this.deps.coarseEndpointErrors);
    const managers = await Promise.all(
      nodes
        .filter((n) => n.role === 'manager')
        .sort((a, b) => `${a.hostname} ${a.managerAddr ?? ''}`.localeCompare(`${b.hostname} ${b.managerAddr ?? ''}`))
        .map(async (node): Promise<ManagerFacts> => {
          const endpoint = managerEndpoint(node, cluster.apiEndpoint);
          if (!endpoint) return { node };
          const failure = await this.engineFailure(cluster, endpoint);
          return { node, engine: { endpoint, failure: failure && coarse ? 'does not answer' : failure } };
        }),
    );
    return diagnoseCluster({ ...cluster, ...this.deps.clusters.lastErrorFor(principal, cluster) }, managers);
  }

  private engineFailure(cluster: SwarmCluster, endpoint: string): Promise<string | null> {
    const key = `${cluster.id} ${endpoint}`;
    const now = Date.now();
    for (const [k, entry] of this.engineAnswers) if (now - entry.at > 5000) this.engineAnswers.delete(k);
    const cached = this.engineAnswers.get(key);
    if (cached) return cached.failure;
    const failure = (async () => {
      const target = { hostId: key, apiEndpoint: endpoint, tlsVerify: cluster.tlsVerify, tls: this.deps.credentials.open(cluster), fingerprint: `${fingerprint(cluster)} ${endpoint}` };
      await this.deps.inventory.ping(target);
      return null;
    })().catch((error: Error) => error.message);
    this.engineAnswers.set(key, { at: now, failure });
    return failure;
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
