import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import type { DockerInventory } from '../docker/docker.inventory';
import type { EngineEvent, HostTarget } from '../docker/docker.types';
import type { SyncedRow } from '../inventory/inventory.entity';
import type { ChangeSet } from './inventory.apply';
import type { RowOwner, SyncScope } from './sync-scope.types';

/** Inspects of one scope run this many at a time. */
export const INSPECT_CONCURRENCY = 32;

/** What one event asks of one kind: nothing, a re-list of the whole kind, or a read-back of one object. */
export type EventWork = null | 'relist' | { inspect: string };

/** Adapters beyond the inventory, by name; each kind takes the one it reads through. */
export interface SyncAdapters {
  [name: string]: unknown;
}

/** Reading one scope's objects from the Engine (outside the write: `em` only reads). */
export interface FetchContext {
  em: EntityManager;
  inventory: DockerInventory;
  /** The other adapters kinds read through (a cluster's kinds: the swarm adapter). */
  adapters: SyncAdapters;
  target: HostTarget;
  owner: RowOwner;
}

/** Writing one kind's rows, inside the scope's locked write. */
export interface ApplyContext<Row, Snapshot> {
  em: EntityManager;
  scope: SyncScope;
  owner: RowOwner;
  existing: Row[];
  snapshots: Snapshot[];
  /** The snapshots are a full listing: what is missing was removed. */
  complete: boolean;
  /** Objects an inspect answered 404 for. */
  gone: string[];
  /** The batch's Engine events, in stream order (none for a full sync). */
  events: EngineEvent[];
  changes: ChangeSet;
}

/**
 * One kind of Docker object the sync engine keeps as rows: how the Engine lists it (and inspects one, for kinds
 * whose events are applied object by object), how its rows are brought in line, and which events touch it. The full
 * sync and the event batches iterate the table of these (HOST_KINDS, CLUSTER_KINDS); a new kind is one more entry.
 */
export interface SyncedKind<Row extends SyncedRow = SyncedRow, Snapshot extends { dockerId: string } = { dockerId: string }> {
  readonly name: string;
  readonly entity: EntityClass<Row>;
  /** Engine event types whose events can touch this kind: the event stream subscribes to them. */
  readonly eventTypes: readonly string[];
  touchedBy(event: EngineEvent): EventWork;
  /** The full listing a full sync (or a re-list) reconciles against. */
  list(context: FetchContext): Promise<Snapshot[]>;
  /** One object read back; null when it is gone (404). A kind without it is re-listed instead. */
  inspect?(context: FetchContext, dockerId: string): Promise<Snapshot | null>;
  apply(context: ApplyContext<Row, Snapshot>): void;
  /**
   * Whether a full listing's snapshot leaves the stored row (a plain read-only copy) as it is. Kinds with many rows
   * (containers) say so, and a full sync then loads as entities only the rows that change or go: hydrating 500
   * unchanged containers, and MikroORM comparing them all again at flush, was most of a no-change sync.
   */
  unchanged?(row: Row, snapshot: Snapshot): boolean;
}
