import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ContainerSpec } from '../docker/docker.types';

export enum CleanupPolicy {
  /** Remove the container at every terminal state (the default: a job leaves nothing behind). */
  ALWAYS = 'ALWAYS',
  /** Keep a failed run's container for a look (docker inspect, docker cp); remove a completed one. */
  ON_SUCCESS = 'ON_SUCCESS',
  NEVER = 'NEVER',
}
registerEnumType(CleanupPolicy, { name: 'ContainerCleanupPolicy' });

export enum VaultDelivery {
  /** The container gets a single-use wrapping token (VAULT_WRAPPING_TOKEN) and unwraps it itself: nothing else ever sees the token. */
  WRAPPED = 'WRAPPED',
  /** The token as VAULT_TOKEN in the environment (readable by anyone who can inspect the container). */
  ENV = 'ENV',
  /** The token in a file (/run/secrets/vault-token, mode 0400) copied into the container before it starts. */
  FILE = 'FILE',
  /** No Vault token for runs of this template. */
  NONE = 'NONE',
}
registerEnumType(VaultDelivery, { name: 'VaultTokenDelivery' });

/**
 * What a container instance runs (the seed's ContainerTemplate), per account. Saving it again makes a new version;
 * a run records the version it used. Environment values are sealed with the key ring (they may hold secrets) and are
 * never returned: only their names are.
 */
@ObjectType('ContainerTemplate')
@Entity({ tableName: 'container_templates' })
@Unique({ name: 'container_templates_account_name_unique', properties: ['accountId', 'name'] })
export class ContainerTemplate {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field({ description: 'Unique within the account' })
  @Property({ type: 'string', length: 128 })
  name!: string;

  @Field(() => Int, { description: 'Starts at 1; every update adds one' })
  @Property({ type: 'integer' })
  version: number = 1;

  /** The container to create, without its environment (sealed apart) and without name and limits (set per run). */
  @Property({ type: 'json' })
  container!: Omit<ContainerSpec, 'env'>;

  @Property({ type: 'text', nullable: true })
  sealedEnv?: string | null;

  @Field(() => [String], { description: 'The environment\'s names; values are never returned' })
  @Property({ type: 'json' })
  envNames: string[] = [];

  @Field(() => Int) @Property({ type: 'integer' }) cpuMillicores!: number;
  @Field(() => Int) @Property({ type: 'integer' }) memoryMb!: number;
  @Field(() => Int, { description: 'Charged against the storage quota; the writable layer is measured while it runs' }) @Property({ type: 'integer' }) storageMb!: number;
  @Field(() => Int) @Property({ type: 'integer' }) timeoutSeconds!: number;
  @Field(() => Int, { description: 'Seconds between SIGTERM and SIGKILL at the time limit or a cancel' }) @Property({ type: 'integer' }) killGraceSeconds!: number;

  @Field(() => CleanupPolicy)
  @Enum({ items: () => CleanupPolicy, nativeEnumName: 'container_cleanup_policy' })
  cleanupPolicy: CleanupPolicy = CleanupPolicy.ALWAYS;

  @Field(() => [String]) @Property({ type: 'json' }) vaultPolicies: string[] = [];
  @Field(() => Int, { description: 'At least timeoutSeconds + killGraceSeconds' }) @Property({ type: 'integer' }) vaultTtlSeconds!: number;

  @Field(() => [String], { description: 'KV v2 secrets (<mount>/<path>) its runs read: their values are redacted from stored output' })
  @Property({ type: 'json', default: '[]' })
  vaultSecretPaths: string[] = [];

  @Field(() => VaultDelivery)
  @Enum({ items: () => VaultDelivery, nativeEnumName: 'vault_token_delivery' })
  vaultDelivery: VaultDelivery = VaultDelivery.NONE;

  @Field(() => GraphQLJSONObject, { description: 'Placement: only hosts whose labels hold all of these' })
  @Property({ type: 'json' })
  placementLabels: Record<string, string> = {};

  @Field(() => String, { nullable: true, description: 'sha256:… the image must resolve to; a run on another digest is a security violation' })
  @Property({ type: 'string', length: 80, nullable: true })
  pinnedDigest?: string | null;

  @Field() @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Field() @Property({ type: 'datetime' }) updatedAt: Date = new Date();

  @Field({ description: 'The image reference' })
  get image(): string {
    return this.container.image;
  }

  @Field(() => [String], { nullable: true })
  get command(): string[] | null {
    return this.container.command ?? null;
  }
}
