import type { EntityClass, FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import type { InventoryObject } from '../inventory/inventory.entity';
import type { InventoryRepository } from '../inventory/inventory.repository';

/** The synced Docker objects of one kind that a manager acts on, always within one account. */
export interface SyncedObjectStore<T extends InventoryObject> {
  findInAccount(accountId: string, id: string): Promise<T | null>;
  /** The row the inventory holds for a Docker object, right after the manager had it refreshed. */
  findOnHost(hostId: string, dockerId: string): Promise<T | null>;
}

/** One EntityManager fork per call: a manager's reads never share an identity map with a sync writing the rows. */
export class SyncedObjectRepository<T extends InventoryObject> implements SyncedObjectStore<T> {
  constructor(private readonly orm: MikroORM, private readonly entity: EntityClass<T>) {}

  findInAccount(accountId: string, id: string): Promise<T | null> {
    return (this.orm.em.fork().getRepository(this.entity) as InventoryRepository<T>).findOneInAccount(accountId, id);
  }

  findOnHost(hostId: string, dockerId: string): Promise<T | null> {
    return this.orm.em.fork().findOne(this.entity, { hostId, dockerId } as FilterQuery<T>);
  }
}
