import { Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DockerHost } from '../hosts/host.entity';

/**
 * A row that belongs to one account: our id and the account, the one column every read filters on. The base of
 * host-owned rows, and of rows a swarm cluster will own. Named uniquely and never referenced by a field, so
 * type-graphql does not emit it as a type of its own.
 */
@ObjectType('AccountOwnedBase')
export abstract class AccountOwned {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;
}

/**
 * A row that belongs to one host of one account (the account copied from the host). Deleting a host deletes its
 * rows (FK cascade).
 */
@ObjectType('HostOwnedBase')
export abstract class HostOwned extends AccountOwned {
  @Field(() => ID)
  @ManyToOne(() => DockerHost, { mapToPk: true, deleteRule: 'cascade', fieldName: 'host_id', type: 'uuid' })
  hostId!: string;
}

/** A row the sync engine keeps in line with the Engine, whatever scope (host, cluster) owns it. */
export interface SyncedRow {
  id: string;
  accountId: string;
  dockerId: string;
  updatedAt: Date;
}

/** What every synced Docker object adds: Docker's own id, and when our record of it last changed. */
@ObjectType('InventoryObjectBase')
@Index({ properties: ['accountId'] })
export abstract class InventoryObject extends HostOwned implements SyncedRow {
  @Field({ description: "Docker's own id (names for volumes)" })
  @Property({ type: 'string', length: 256 })
  dockerId!: string;

  @Field({ description: 'When this record last changed (not when it was last seen: unchanged syncs write nothing)' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
