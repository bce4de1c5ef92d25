import { Entity, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ClusterObject } from './cluster-object.entity';

/** What secrets and configs share. Their data is never stored here nor returned: Docker does not return a secret's. */
@ObjectType('SwarmDataObjectBase')
export abstract class SwarmDataObject extends ClusterObject {
  @Field()
  @Property({ type: 'string', length: 256 })
  name!: string;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  labels: Record<string, string> = {};

  @Property({ type: 'bigint', runtimeType: 'number' })
  versionIndex: number = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  createdAt?: Date | null;
}

@ObjectType('SwarmSecret')
@Entity({ tableName: 'swarm_secrets' })
@Unique({ name: 'swarm_secrets_cluster_docker_id_unique', properties: ['clusterId', 'dockerId'] })
export class SwarmSecret extends SwarmDataObject {}

@ObjectType('SwarmConfig')
@Entity({ tableName: 'swarm_configs' })
@Unique({ name: 'swarm_configs_cluster_docker_id_unique', properties: ['clusterId', 'dockerId'] })
export class SwarmConfig extends SwarmDataObject {}
