import { Entity, EntityRepositoryType, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { InventoryObject } from '../inventory/inventory.entity';
import { InventoryRepository } from '../inventory/inventory.repository';

@ObjectType('Network')
@Entity({ tableName: 'networks', repository: () => InventoryRepository })
@Unique({ name: 'networks_host_docker_id_unique', properties: ['hostId', 'dockerId'] })
export class Network extends InventoryObject {
  [EntityRepositoryType]?: InventoryRepository<Network>;

  @Field()
  @Property({ type: 'string', length: 256 })
  name!: string;

  @Field()
  @Property({ type: 'string', length: 64 })
  driver!: string;

  @Field({ description: 'local, global or swarm' })
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
