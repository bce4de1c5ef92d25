import { Entity, Index, ManyToOne, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { EngineEventRecord } from '../events/event.entity';
import { SwarmCluster } from './cluster.entity';

/**
 * The seed's SwarmEvent: what a cluster's managers reported at swarm scope (node, service, secret, config, network).
 * The unique key de-duplicates the same event reported twice (a resumed stream, or another manager after a failover).
 */
@ObjectType('SwarmEvent')
@Entity({ tableName: 'swarm_events' })
@Unique({ name: 'swarm_events_dedupe', properties: ['clusterId', 'timeNano', 'type', 'action', 'actorId'] })
@Index({ name: 'swarm_events_account_time_idx', properties: ['accountId', 'time'] })
export class SwarmEvent extends EngineEventRecord {
  @Field(() => ID)
  @ManyToOne(() => SwarmCluster, { mapToPk: true, deleteRule: 'cascade', fieldName: 'cluster_id', type: 'uuid' })
  clusterId!: string;
}
