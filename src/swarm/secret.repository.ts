import type { MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { SwarmConfig, SwarmSecret } from './secret.entity';
import { SwarmService } from './service.entity';

/** Which stored services may reference a cluster's secrets and configs (their specs name them by Docker id). */
export class SecretUsageRepository {
  constructor(private readonly orm: MikroORM) {}

  /**
   * The services of these clusters, in one statement. References are read from each spec in memory: a spec is small,
   * a cluster's services are a few hundred at most, and a JSON path query per id would be N statements.
   */
  servicesIn(principal: Principal, clusterIds: readonly string[]): Promise<SwarmService[]> {
    if (!clusterIds.length) return Promise.resolve([]);
    return this.orm.em.fork().find(SwarmService, { accountId: principal.accountId, clusterId: { $in: [...new Set(clusterIds)] } }, { orderBy: { name: 'asc' } });
  }

  /** All secrets (or configs) of these clusters, in one statement: what services' specs reference is picked from them. */
  objectsIn(principal: Principal, kind: 'secret' | 'config', clusterIds: readonly string[]): Promise<Array<SwarmSecret | SwarmConfig>> {
    if (!clusterIds.length) return Promise.resolve([]);
    const entity = kind === 'secret' ? SwarmSecret : SwarmConfig;
    return this.orm.em.fork().find(entity, { accountId: principal.accountId, clusterId: { $in: [...new Set(clusterIds)] } }, { orderBy: { name: 'asc' } });
  }
}
