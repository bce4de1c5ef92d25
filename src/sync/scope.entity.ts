import { Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { HostEnvironment, HostStatus } from '../hosts/host.enums';
import type { SyncScope } from './sync-scope.types';

/**
 * What a registered Engine endpoint that is synced as one scope has, whatever it is (a host, a swarm cluster): its
 * name and environment, sealed TLS material, the health check's columns and the sync engine's (lease, inventory
 * version, event checkpoint). The same column names on every such table, so one sync engine, one lease SQL and one
 * health machine serve them all. Named uniquely and never referenced by a field, so type-graphql does not emit it.
 */
/**
 * What a published snapshot of a host or cluster carries instead of its sealed TLS material (no ciphertext leaves the
 * database); code that needs the material reads the row again.
 */
export const SEALED_MARKER = 'sealed';

@ObjectType('EndpointScopeBase')
export abstract class EndpointScope implements SyncScope {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field()
  @Property({ type: 'string', length: 128 })
  name!: string;

  /** Where it is reached (hosts expose it as `apiEndpoint`, clusters as `managerEndpoint`). */
  @Property({ type: 'string', length: 512 })
  apiEndpoint!: string;

  @Field(() => HostEnvironment)
  @Enum({ items: () => HostEnvironment, nativeEnumName: 'docker_host_environment' })
  environment!: HostEnvironment;

  @Field(() => HostStatus)
  @Enum({ items: () => HostStatus, nativeEnumName: 'docker_host_status' })
  status: HostStatus = HostStatus.PENDING;

  @Field()
  @Property({ type: 'boolean' })
  tlsVerify: boolean = true;

  /** AES-256-GCM envelope of `{ ca, cert, key }` (see src/crypto), bound to its row. Never exposed. */
  @Property({ type: 'text', nullable: true })
  encryptedTlsCredentials?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  syncIntervalSeconds: number = 60;

  @Field(() => Int)
  @Property({ type: 'integer' })
  consecutiveFailures: number = 0;

  /** Exposed through the resolvers, which coarsen it for callers who may not see endpoint detail. */
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  lastErrorCode?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastCheckedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastSyncedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  dockerVersion?: string | null;

  @Field(() => String, { nullable: true, description: 'The API instance that syncs it now (its lease holder)' })
  @Property({ type: 'string', length: 128, nullable: true })
  syncOwner?: string | null;

  /** Until when syncOwner's lease holds; another instance takes over once it has passed. */
  @Property({ type: 'datetime', nullable: true })
  syncLeaseUntil?: Date | null;

  /** Bumped by every write to its inventory: a fetch that started before another instance's write redoes itself. */
  @Property({ type: 'integer' })
  inventoryVersion: number = 0;

  /** `timeNano` of the last Engine event applied: where the event stream resumes (`since`) after a reconnect. */
  @Property({ type: 'bigint', nullable: true })
  eventsCheckpoint?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field({ description: 'True when TLS client material is stored (it is never returned)' })
  get hasTlsCredentials(): boolean {
    return this.encryptedTlsCredentials != null;
  }
}
