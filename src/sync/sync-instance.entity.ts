import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An API instance running sync workers, seen alive until `aliveUntil` (renewed every tick, one lease ahead): how
 * instances know how many share the scopes, so each holds its fair part instead of the first one started holding all.
 */
@Entity({ tableName: 'sync_instances' })
export class SyncInstance {
  @PrimaryKey({ type: 'string', length: 128 })
  instanceId!: string;

  @Property({ type: 'timestamptz' })
  aliveUntil!: Date;

  /** The scopes it can hold (SYNC_CAPACITY): shares are in proportion, so a small instance leaves nothing unsynced. */
  @Property({ type: 'integer' })
  capacity!: number;
}
