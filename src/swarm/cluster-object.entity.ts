import { Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AccountOwned, type SyncedRow } from '../inventory/inventory.entity';
import { SwarmCluster } from './cluster.entity';

/** A row that belongs to one swarm cluster of one account. Deleting the cluster deletes its rows (FK cascade). */
@ObjectType('ClusterOwnedBase')
export abstract class ClusterOwned extends AccountOwned {
  @Field(() => ID)
  @ManyToOne(() => SwarmCluster, { mapToPk: true, deleteRule: 'cascade', fieldName: 'cluster_id', type: 'uuid' })
  clusterId!: string;
}

/** A swarm object the sync engine keeps: Docker's own id, and when our record of it last changed. */
@ObjectType('ClusterObjectBase')
@Index({ properties: ['accountId'] })
export abstract class ClusterObject extends ClusterOwned implements SyncedRow {
  @Field({ description: "Docker's own id" })
  @Property({ type: 'string', length: 256 })
  dockerId!: string;

  @Field({ description: 'When this record last changed (unchanged syncs write nothing)' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
