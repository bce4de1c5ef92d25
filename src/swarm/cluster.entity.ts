import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { EndpointScope } from '../sync/scope.entity';
import { DockerHost } from '../hosts/host.entity';

/**
 * A swarm the account manages, reached through a manager's Engine API (the registered endpoint, or another manager
 * when that one is down). It is a sync scope like a host: the same lease, lock, checkpoint and health columns, under
 * the same names, so the one sync engine and health machine serve both. The TLS material has no @Field.
 */
@ObjectType('SwarmCluster')
@Entity({ tableName: 'swarm_clusters' })
@Unique({ name: 'swarm_clusters_account_name_unique', properties: ['accountId', 'name'] })
@Check({ name: 'swarm_clusters_sync_interval_range', expression: '(sync_interval_seconds >= 30) AND (sync_interval_seconds <= 3600)' })
export class SwarmCluster extends EndpointScope {
  /** Registered through this host (a manager of the swarm): its endpoint and credentials were copied. */
  @ManyToOne(() => DockerHost, { mapToPk: true, nullable: true, deleteRule: 'set null', fieldName: 'manager_host_id', type: 'uuid' })
  managerHostId?: string | null;

  @Field(() => String, { nullable: true, description: "Docker's id of the swarm" })
  @Property({ type: 'string', length: 128, nullable: true })
  swarmId?: string | null;

  @Field(() => String, { nullable: true, description: 'The manager endpoint the last check went through (differs from managerEndpoint after a failover)' })
  @Property({ type: 'string', length: 512, nullable: true })
  activeEndpoint?: string | null;

  /** Engine endpoints of the other managers, learned from the node list: where a failover goes. */
  @Property({ type: 'json' })
  failoverEndpoints: string[] = [];

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  nodeCount?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  managerCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Managers the last check found reachable' })
  @Property({ type: 'integer', nullable: true })
  managersReachable?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Reachable managers are a majority (null until checked)' })
  @Property({ type: 'boolean', nullable: true })
  hasQuorum?: boolean | null;

  @Field(() => String, { nullable: true, description: "The leader's node id" })
  @Property({ type: 'string', length: 128, nullable: true })
  leaderNodeId?: string | null;
}
