import type { MikroORM } from '@mikro-orm/postgresql';
import { ScopeRowRepository } from '../hosts/host.repository';
import { SwarmCluster } from './cluster.entity';

/** The clusters' rows: the rows hosts have (ScopeRowRepository), and the swarm a cluster is. */
export class ClusterRepository extends ScopeRowRepository<SwarmCluster> {
  constructor(private readonly db: MikroORM) {
    super(db, SwarmCluster);
  }

  /** The account's cluster of this swarm (Docker's swarm id), if one is registered. */
  findBySwarmId(accountId: string, swarmId: string): Promise<SwarmCluster | null> {
    return this.db.em.fork().findOne(SwarmCluster, { accountId, swarmId });
  }
}
