import { Check, Entity, Index, Property, Unique } from '@mikro-orm/core';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { EndpointScope } from '../sync/scope.entity';

/**
 * A Docker Engine the account manages. The same class is the table row and the GraphQL type: whatever must never
 * leave the server (the encrypted TLS material) simply has no @Field.
 */
@ObjectType('DockerHost')
@Entity({ tableName: 'docker_hosts' })
@Unique({ name: 'docker_hosts_account_name_unique', properties: ['accountId', 'name'] })
@Check({ name: 'docker_hosts_sync_interval_range', expression: '(sync_interval_seconds >= 30) AND (sync_interval_seconds <= 3600)' })
@Index({ name: 'docker_hosts_due_idx', properties: ['status', 'lastCheckedAt'] })
export class DockerHost extends EndpointScope {
  // `apiEndpoint` (the base's column) is exposed by HostResolver under that name.
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

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Disk used by images on the host, measured after each check (it follows the check; null until first measured)' })
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
}

/**
 * A host as field resolvers take it: the entity, or the plain row a list read (see db/plain-rows). Declaring a root
 * as the class would make type-graphql copy every plain row into a new entity before each field resolver.
 */
export type HostRow = Readonly<DockerHost>;
