import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';
import type { Container } from '../containers/container.entity';
import type { ContainerFilter } from '../containers/container.repository';
import type { ContainerHealthCounts } from '../health/health.monitor';
import type { DockerHost } from '../hosts/host.entity';
import type { InventoryObject } from '../inventory/inventory.entity';
import type { InventoryKind } from '../inventory/inventory.queries';
import type { HostSlice } from '../inventory/inventory.repository';
import type { Services } from './context';
import { createSwarmLoaders } from '../swarm/swarm.loaders';

interface ContainerSliceKey {
  hostId: string;
  filter: ContainerFilter;
  first?: number | null;
  /** The container properties to read (sorted); null reads whole rows. */
  properties?: string[] | null;
}

interface InventorySliceKey {
  kind: InventoryKind;
  hostId: string;
  first?: number | null;
}

/**
 * Per-operation DataLoaders, scoped to the caller's account so batching can never cross accounts. Keys that differ
 * only by host are batched into one query per distinct set of arguments. A subscription's context lives as long as
 * the subscription, so `live` loaders batch without caching (every event must read fresh rows).
 */
export function createLoaders(services: Services, principal: Principal | null, options: { live?: boolean } = {}) {
  const cache = !options.live;
  const none = <K, V>(keys: readonly K[]) => keys.map(() => null as V);
  return {
    hostById: new DataLoader<string, DockerHost | null>(async (ids) => {
      if (!principal) return none(ids);
      const hosts = await services.hosts.findMany(principal, ids);
      const byId = new Map(hosts.map((h) => [h.id, h]));
      return ids.map((id) => byId.get(id) ?? null);
    }, { cache }),

    containerSlices: new DataLoader<ContainerSliceKey, HostSlice<Container>, string>(
      (keys) => byArguments(keys, ({ filter, first, properties }) => JSON.stringify([filter, first, properties]), (hostIds, { filter, first, properties }) => services.inventory.containerSlices(principal!, hostIds, filter, first, properties)),
      { cache, cacheKeyFn: (k) => JSON.stringify([k.hostId, k.filter, k.first, k.properties]) },
    ),

    inventorySlices: new DataLoader<InventorySliceKey, HostSlice<InventoryObject>, string>(
      (keys) => byArguments(keys, ({ kind, first }) => JSON.stringify([kind, first]), (hostIds, { kind, first }) => services.inventory.slices(principal!, kind, hostIds, first)),
      { cache, cacheKeyFn: (k) => JSON.stringify([k.kind, k.hostId, k.first]) },
    ),

    healthCounts: new DataLoader<string, ContainerHealthCounts>(async (hostIds) => {
      const counts = await services.health.containerCounts(principal!, hostIds);
      return hostIds.map((id) => counts.get(id)!);
    }, { cache }),

    ...createSwarmLoaders(services, principal, cache),
  };
}

/** Groups keys by their non-host arguments and runs one batched query per group. */
function byArguments<K extends { hostId: string }, V>(
  keys: readonly K[],
  argumentsOf: (key: K) => string,
  load: (hostIds: string[], sample: K) => Promise<Map<string, HostSlice<V>>>,
): Promise<Array<HostSlice<V> | Error>> {
  return byOwner(keys, (key) => key.hostId, argumentsOf, load);
}

/** Groups keys by their arguments other than the owner (a host, a cluster, a service) and runs one query per group. */
export async function byOwner<K, V>(
  keys: readonly K[],
  ownerOf: (key: K) => string,
  argumentsOf: (key: K) => string,
  load: (ownerIds: string[], sample: K) => Promise<Map<string, HostSlice<V>>>,
): Promise<Array<HostSlice<V> | Error>> {
  const groups = new Map<string, K[]>();
  for (const key of keys) groups.set(argumentsOf(key), [...(groups.get(argumentsOf(key)) ?? []), key]);
  const results = new Map<K, HostSlice<V> | Error>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      try {
        const slices = await load([...new Set(group.map(ownerOf))], group[0]!);
        for (const key of group) results.set(key, slices.get(ownerOf(key)) ?? { nodes: [], totalCount: 0 });
      } catch (error) {
        for (const key of group) results.set(key, error as Error);
      }
    }),
  );
  return keys.map((key) => results.get(key)!);
}

export type Loaders = ReturnType<typeof createLoaders>;
