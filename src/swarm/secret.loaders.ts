import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';
import type { Services } from '../graphql/context';
import type { SwarmConfig, SwarmDataObject, SwarmSecret } from './secret.entity';
import type { SwarmService } from './service.entity';

/**
 * Which services use which secrets and configs, both ways, per operation: a listing of secrets with their `usedBy`
 * (or of services with their `secrets`) costs one statement, whatever its length.
 */
export function createSecretLoaders(services: Services, principal: Principal | null, cache: boolean) {
  const users = (manager: Services['secrets'] | Services['configs']) =>
    new DataLoader<SwarmDataObject, SwarmService[], string>((objects) => (principal ? manager.usedBy(principal, objects) : Promise.resolve(objects.map(() => []))), { cache, cacheKeyFn: (o) => o.id });
  const referenced = <T>(manager: { referencedBy(p: Principal, s: readonly SwarmService[]): Promise<T[][]> }) =>
    new DataLoader<SwarmService, T[], string>((rows) => (principal ? manager.referencedBy(principal, rows) : Promise.resolve(rows.map(() => []))), { cache, cacheKeyFn: (s) => s.id });
  return {
    secretUsers: users(services.secrets),
    configUsers: users(services.configs),
    serviceSecrets: referenced<SwarmSecret>(services.secrets as never),
    serviceConfigs: referenced<SwarmConfig>(services.configs as never),
  };
}
