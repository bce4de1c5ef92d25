import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';
import type { DockerHost } from '../hosts/host.entity';
import type { Services } from './context';

/** Per-request DataLoaders, scoped to the caller's account so batching can never cross accounts. */
export function createLoaders(services: Services, principal: Principal | null) {
  return {
    hostById: new DataLoader<string, DockerHost | null>(async (ids) => {
      if (!principal) return ids.map(() => null);
      const hosts = await services.hosts.findMany(principal, ids);
      const byId = new Map(hosts.map((h) => [h.id, h]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
