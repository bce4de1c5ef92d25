import { Entity, EntityRepositoryType, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { InventoryObject } from '../inventory/inventory.entity';
import { InventoryRepository } from '../inventory/inventory.repository';

@ObjectType('Image')
@Entity({ tableName: 'images', repository: () => InventoryRepository })
@Unique({ name: 'images_host_docker_id_unique', properties: ['hostId', 'dockerId'] })
export class Image extends InventoryObject {
  [EntityRepositoryType]?: InventoryRepository<Image>;

  @Field(() => [String])
  @Property({ type: 'json' })
  repoTags: string[] = [];

  @Field(() => [String])
  @Property({ type: 'json' })
  repoDigests: string[] = [];

  @Field(() => GraphQLSafeInt)
  @Property({ type: 'bigint', runtimeType: 'number' })
  sizeBytes!: number;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  labels: Record<string, string> = {};

  @Field()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
