import type { EntityManager } from '@mikro-orm/postgresql';
import type { HostTarget } from '../docker/docker.types';

/**
 * What one sync writes into: a host today, a swarm cluster later. Its row carries what the engine needs to run one
 * writer at a time: the lease (who syncs it), the lock taken by every write, the inventory version every write bumps,
 * and the checkpoint of the event stream.
 */
export interface SyncScope {
  readonly id: string;
  readonly accountId: string;
  /** Bumped by every write that changed a row: a write that finds it moved since its fetch began fetches again. */
  inventoryVersion: number;
  /** `timeNano` of the last stored Engine event: where the stream resumes, and what a batch has already applied. */
  readonly eventsCheckpoint?: string | null;
  /** The instance holding the sync lease. */
  readonly syncOwner?: string | null;
}

/** The owner columns of the rows a scope holds, as new rows get them and existing ones are found by. */
export type RowOwner = { accountId: string } & Record<string, string>;

/** A scope this instance holds the sync lease for, with what decides how it is synced. */
export interface LeasedScope {
  id: string;
  intervalMs: number;
  /** Changes when the endpoint, TLS settings or credentials change. */
  connectionKey: string;
}

/** Sync ownership of the scopes of one kind, for one instance (see HostScopes for how it is kept). */
export interface ScopeLeases {
  /** Renews this instance's leases and returns the scopes it still holds. */
  renew(): Promise<LeasedScope[]>;
  /** Gives up scopes that are no longer syncable, so their lease shows nobody syncs them. */
  releaseUnsyncable(): Promise<void>;
  /** Takes up to `limit` syncable scopes that nobody holds, or whose holder's lease ran out. */
  claim(limit: number): Promise<LeasedScope[]>;
  /** On shutdown: let another instance take the scopes over at once instead of after the lease runs out. */
  releaseAll(): Promise<void>;
}

/** Where the scopes of one kind live, and the checks the engine makes on them. */
export interface ScopeStore<S extends SyncScope> {
  find(em: EntityManager, id: string): Promise<S | null>;
  /** The scope row locked for one write, read afresh: serialises writers across instances. */
  lock(tx: EntityManager, id: string): Promise<S | null>;
  /** Not taken offline, not in ERROR: worth a sync. */
  syncable(scope: S): boolean;
  /** Changes whenever what the connection depends on changes. */
  fingerprint(scope: S): string;
  target(scope: S): HostTarget;
  owner(scope: S): RowOwner;
  /** Which rows are the scope's: the filter its writes read them by. */
  rows(scope: S): Record<string, string>;
  /** Moves the event checkpoint forward to `timeNano`, never back. */
  advanceCheckpoint(em: EntityManager, id: string, timeNano: bigint): Promise<void>;
  leases(instanceId: string, leaseSeconds: number): ScopeLeases;
}
