import { Check, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { HostEnvironment, HostStatus } from './host.enums';

/**
 * A Docker Engine the account manages. The same class is the table row and the GraphQL type: whatever must never
 * leave the server (the encrypted TLS material) simply has no @Field.
 */
@ObjectType('DockerHost')
@Entity({ tableName: 'docker_hosts' })
@Unique({ name: 'docker_hosts_account_name_unique', properties: ['accountId', 'name'] })
@Check({ name: 'docker_hosts_sync_interval_range', expression: '(sync_interval_seconds >= 30) AND (sync_interval_seconds <= 3600)' })
@Index({ name: 'docker_hosts_due_idx', properties: ['status', 'lastCheckedAt'] })
export class DockerHost {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field()
  @Property({ type: 'string', length: 128 })
  name!: string;

  @Field({ description: 'unix:///path, tcp://host:port or https://host:port' })
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

  /** AES-256-GCM envelope of `{ ca, cert, key }` (see src/crypto). Never exposed. */
  @Property({ type: 'text', nullable: true })
  encryptedTlsCredentials?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  syncIntervalSeconds: number = 60;

  @Field(() => Int)
  @Property({ type: 'integer' })
  consecutiveFailures: number = 0;

  /** Exposed through HostResolver, which coarsens it for callers who may not see endpoint detail. */
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

  @Field(() => String, { nullable: true, description: 'Engine API version negotiated with the daemon' })
  @Property({ type: 'string', length: 16, nullable: true })
  apiVersion?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 256, nullable: true })
  os?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 32, nullable: true })
  osType?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 32, nullable: true })
  architecture?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  cpuCount?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @Property({ type: 'bigint', nullable: true, runtimeType: 'number' })
  memoryBytes?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Disk used by images on the host' })
  @Property({ type: 'bigint', nullable: true, runtimeType: 'number' })
  storageBytes?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  containerCount?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  imageCount?: number | null;

  @Field(() => String, { nullable: true, description: "Docker's id of this engine's node, when it is part of a swarm" })
  @Property({ type: 'string', length: 128, nullable: true })
  swarmNodeId?: string | null;

  @Field(() => String, { nullable: true, description: 'The API instance that syncs this host now (its lease holder)' })
  @Property({ type: 'string', length: 128, nullable: true })
  syncOwner?: string | null;

  /** Until when syncOwner's lease holds; another instance takes the host over once it has passed. */
  @Property({ type: 'datetime', nullable: true })
  syncLeaseUntil?: Date | null;

  /** Bumped by every write to this host's inventory: a fetch that started before another instance's write redoes itself. */
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
