import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { HostEnvironment, HostStatus } from '../hosts/host.enums';
import { DockerHost } from '../hosts/host.entity';

/**
 * A swarm the account manages, reached through a manager's Engine API (the registered endpoint, or another manager
 * when that one is down). It is a sync scope like a host: the same lease, lock, checkpoint and health columns, under
 * the same names, so the one sync engine and health machine serve both. The TLS material has no @Field.
 */
@ObjectType('SwarmCluster')
@Entity({ tableName: 'swarm_clusters' })
@Unique({ name: 'swarm_clusters_account_name_unique', properties: ['accountId', 'name'] })
@Check({ name: 'swarm_clusters_sync_interval_range', expression: '(sync_interval_seconds >= 30) AND (sync_interval_seconds <= 3600)' })
export class SwarmCluster {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field()
  @Property({ type: 'string', length: 128 })
  name!: string;

  @Field(() => HostEnvironment)
  @Enum({ items: () => HostEnvironment, nativeEnumName: 'docker_host_environment' })
  environment!: HostEnvironment;

  /** The registered manager endpoint (`managerEndpoint` in the API); the column is named as the hosts' one. */
  @Property({ type: 'string', length: 512 })
  apiEndpoint!: string;

  /** Registered through this host (a manager of the swarm): its endpoint and credentials were copied. */
  @ManyToOne(() => DockerHost, { mapToPk: true, nullable: true, deleteRule: 'set null', fieldName: 'manager_host_id', type: 'uuid' })
  managerHostId?: string | null;

  @Field(() => HostStatus)
  @Enum({ items: () => HostStatus, nativeEnumName: 'docker_host_status' })
  status: HostStatus = HostStatus.PENDING;

  @Field()
  @Property({ type: 'boolean' })
  tlsVerify: boolean = true;

  /** AES-256-GCM envelope of `{ ca, cert, key }`, bound to this row. Never exposed. */
  @Property({ type: 'text', nullable: true })
  encryptedTlsCredentials?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  syncIntervalSeconds: number = 60;

  @Field(() => Int)
  @Property({ type: 'integer' })
  consecutiveFailures: number = 0;

  /** Exposed through the resolver, coarsened like a host's for callers who may not see endpoint detail. */
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

  @Field(() => String, { nullable: true, description: "Docker's id of the swarm" })
  @Property({ type: 'string', length: 128, nullable: true })
  swarmId?: string | null;

  @Field(() => String, { nullable: true, description: 'The manager endpoint the last check went through (differs from managerEndpoint after a failover)' })
  @Property({ type: 'string', length: 512, nullable: true })
  activeEndpoint?: string | null;

  /** Engine endpoints of the other managers, learned from the node list: where a failover goes. */
  @Property({ type: 'json' })
  failoverEndpoints: string[] = [];

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  nodeCount?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  managerCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Managers the last check found reachable' })
  @Property({ type: 'integer', nullable: true })
  managersReachable?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Reachable managers are a majority (null until checked)' })
  @Property({ type: 'boolean', nullable: true })
  hasQuorum?: boolean | null;

  @Field(() => String, { nullable: true, description: "The leader's node id" })
  @Property({ type: 'string', length: 128, nullable: true })
  leaderNodeId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  dockerVersion?: string | null;

  @Field(() => String, { nullable: true, description: 'The API instance that syncs this cluster now (its lease holder)' })
  @Property({ type: 'string', length: 128, nullable: true })
  syncOwner?: string | null;

  @Property({ type: 'datetime', nullable: true })
  syncLeaseUntil?: Date | null;

  @Property({ type: 'integer' })
  inventoryVersion: number = 0;

  @Property({ type: 'bigint', nullable: true })
  eventsCheckpoint?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field({ description: 'The manager endpoint it was registered by: unix:///path, tcp://host:port or https://host:port' })
  get managerEndpoint(): string {
    return this.apiEndpoint;
  }

  @Field({ description: 'True when TLS client material is stored (it is never returned)' })
  get hasTlsCredentials(): boolean {
    return this.encryptedTlsCredentials != null;
  }
}
