import { Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DockerHost } from '../hosts/host.entity';

/**
 * What every synced Docker object shares: our id, the owning account and host, and Docker's own id. The account is
 * copied from the host so that every read filters on one column. Deleting a host deletes its inventory (FK cascade).
 * Named uniquely and never referenced by a field, so type-graphql does not emit it as a type of its own.
 */
@ObjectType('InventoryObjectBase')
@Index({ properties: ['accountId'] })
export abstract class InventoryObject {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field(() => ID)
  @ManyToOne(() => DockerHost, { mapToPk: true, deleteRule: 'cascade', fieldName: 'host_id', type: 'uuid' })
  hostId!: string;

  @Field({ description: "Docker's own id (names for volumes)" })
  @Property({ type: 'string', length: 256 })
  dockerId!: string;

  @Field({ description: 'When this record last changed (not when it was last seen: unchanged syncs write nothing)' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
