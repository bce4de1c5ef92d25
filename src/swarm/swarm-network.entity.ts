import { Entity, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ClusterObject } from './cluster-object.entity';

@ObjectType('SwarmNetwork', { description: 'A network at swarm scope (overlay), as the managers hold it' })
@Entity({ tableName: 'swarm_networks' })
@Unique({ name: 'swarm_networks_cluster_docker_id_unique', properties: ['clusterId', 'dockerId'] })
export class SwarmNetwork extends ClusterObject {
  @Field()
  @Property({ type: 'string', length: 256 })
  name!: string;

  @Field()
  @Property({ type: 'string', length: 64 })
  driver!: string;

  @Field()
  @Property({ type: 'string', length: 16 })
  scope!: string;

  @Field()
  @Property({ type: 'boolean' })
  internal!: boolean;

  @Field()
  @Property({ type: 'boolean' })
  attachable!: boolean;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  labels: Record<string, string> = {};

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  createdAt?: Date | null;
}
