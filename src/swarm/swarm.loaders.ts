import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';
import type { Services } from '../graphql/context';
import { byOwner } from '../graphql/loaders';
import type { Deployment } from '../deployments/deployment.entity';
import type { DockerHost } from '../hosts/host.entity';
import type { HostSlice } from '../inventory/inventory.repository';
import type { ClusterObject } from './cluster-object.entity';
import type { SwarmCluster } from './cluster.entity';
import type { SwarmNode } from './node.entity';
import { createSecretLoaders } from './secret.loaders';
import type { SwarmFilter, SwarmKind } from './swarm.queries';

interface ClusterSliceKey {
  kind: SwarmKind;
  clusterId: string;
  filter: SwarmFilter;
  first?: number | null;
}

/**
 * The swarm domain's per-operation loaders, scoped to the caller's account: nested reads (clusters × services ×
 * tasks) cost the same few statements for any number of clusters and services.
 */
export function createSwarmLoaders(services: Services, principal: Principal | null, cache: boolean) {
  return {
    clusterById: new DataLoader<string, SwarmCluster | null>(async (ids) => {
      if (!principal) return ids.map(() => null);
      const byId = new Map((await services.clusters.findMany(principal, ids)).map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }, { cache }),

    clusterSlices: new DataLoader<ClusterSliceKey, HostSlice<ClusterObject>, string>(
      (keys) => byOwner(keys, (k) => k.clusterId, ({ kind, filter, first }) => JSON.stringify([kind, filter, first]), (ids, { kind, filter, first }) => services.swarm.slices(principal!, kind, ids, filter, first)),
      { cache, cacheKeyFn: (k) => JSON.stringify([k.kind, k.clusterId, k.filter, k.first]) },
    ),

    /** A service's tasks: by cluster and Docker id (the same swarm registered twice has the same ids in two clusters). */
    serviceTasks: new DataLoader<{ clusterId: string; serviceId: string; first?: number | null }, HostSlice<ClusterObject>, string>(
      (keys) => byOwner(keys, (k) => `${k.clusterId}/${k.serviceId}`, ({ first }) => String(first), (ids, { first }) => services.swarm.serviceTasks(principal!, ids, first)),
      { cache, cacheKeyFn: (k) => JSON.stringify([k.clusterId, k.serviceId, k.first]) },
    ),

    /** A stack's latest revision (SwarmStack.revision, SwarmService.revision): one query per cluster. */
    stackRevision: new DataLoader<{ clusterId: string; stack: string }, Deployment | null, string>(
      async (keys) => {
        if (!principal) return keys.map(() => null);
        const byCluster = new Map<string, Map<string, Deployment>>();
        for (const clusterId of new Set(keys.map((k) => k.clusterId))) byCluster.set(clusterId, await services.deployments.latest(principal, clusterId, keys.filter((k) => k.clusterId === clusterId).map((k) => k.stack)));
        return keys.map((k) => byCluster.get(k.clusterId)?.get(k.stack) ?? null);
      },
      { cache, cacheKeyFn: (k) => `${k.clusterId}/${k.stack}` },
    ),

    /** Hybrid fleets: the registered host whose engine is this node (by the node id its /info reports). */
    hostBySwarmNode: new DataLoader<string, DockerHost | null>(async (nodeIds) => {
      if (!principal) return nodeIds.map(() => null);
      const hosts = await services.hosts.findBySwarmNodes(principal, nodeIds);
      const byNode = new Map(hosts.map((h) => [h.swarmNodeId!, h]));
      return nodeIds.map((id) => byNode.get(id) ?? null);
    }, { cache }),

    nodeReservations: new DataLoader<string, { nanoCpus: number; memoryBytes: number; tasks: number }>(async (nodeIds) => {
      const none = { nanoCpus: 0, memoryBytes: 0, tasks: 0 };
      if (!principal) return nodeIds.map(() => none);
      const byNode = await services.swarm.nodeReservations(principal, nodeIds);
      return nodeIds.map((id) => byNode.get(id) ?? none);
    }, { cache }),

    swarmNodeByDockerId: new DataLoader<string, SwarmNode | null>(async (nodeIds) => {
      if (!principal) return nodeIds.map(() => null);
      const byId = new Map((await services.swarm.nodesByDockerId(principal, nodeIds)).map((n) => [n.dockerId, n]));
      return nodeIds.map((id) => byId.get(id) ?? null);
    }, { cache }),

    ...createSecretLoaders(services, principal, cache),
  };
}
