import { Entity, EntityRepositoryType, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { InventoryObject } from '../inventory/inventory.entity';
import { InventoryRepository } from '../inventory/inventory.repository';

/** A volume; Docker identifies volumes by name, so `dockerId` and `name` are the same. */
@ObjectType('Volume')
@Entity({ tableName: 'volumes', repository: () => InventoryRepository })
@Unique({ name: 'volumes_host_docker_id_unique', properties: ['hostId', 'dockerId'] })
export class Volume extends InventoryObject {
  [EntityRepositoryType]?: InventoryRepository<Volume>;

  @Field()
  get name(): string {
    return this.dockerId;
  }

  @Field()
  @Property({ type: 'string', length: 64 })
  driver!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  mountpoint?: string | null;

  @Field({ description: 'local or global' })
  @Property({ type: 'string', length: 16 })
  scope!: string;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  labels: Record<string, string> = {};

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  createdAt?: Date | null;
}
