import { Entity, EntityRepositoryType, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { ContainerMount, ContainerNetwork, ContainerPort } from '../docker/docker.types';
import { InventoryObject } from '../inventory/inventory.entity';
import { ContainerHealth, ContainerState } from './container.enums';
import { ContainerMountType, ContainerNetworkType, ContainerPortType } from './container.types';
import { ContainerRepository } from './container.repository';

/** One container on one host, as the last sync or event left it. Table row and GraphQL type in one. */
@ObjectType('Container')
@Entity({ tableName: 'containers', repository: () => ContainerRepository })
@Unique({ name: 'containers_host_docker_id_unique', properties: ['hostId', 'dockerId'] })
@Index({ name: 'containers_account_name_idx', properties: ['accountId', 'name'] })
@Index({ name: 'containers_labels_idx', expression: 'create index "containers_labels_idx" on "containers" using gin ("labels" jsonb_path_ops)' })
export class Container extends InventoryObject {
  [EntityRepositoryType]?: ContainerRepository;

  @Field({ description: "The container's name, without Docker's leading slash" })
  @Property({ type: 'string', length: 256 })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  image!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  imageId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  command?: string | null;

  @Field(() => ContainerState)
  @Enum({ items: () => ContainerState, nativeEnumName: 'container_state' })
  state!: ContainerState;

  @Field(() => ContainerHealth)
  @Enum({ items: () => ContainerHealth, nativeEnumName: 'container_health' })
  health: ContainerHealth = ContainerHealth.NONE;

  @Field(() => Int, { nullable: true, description: 'Exit code of the last run; null while it never ran' })
  @Property({ type: 'integer', nullable: true })
  exitCode?: number | null;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  labels: Record<string, string> = {};

  @Field(() => [ContainerPortType])
  @Property({ type: 'json' })
  ports: ContainerPort[] = [];

  @Field(() => [ContainerMountType])
  @Property({ type: 'json' })
  mounts: ContainerMount[] = [];

  @Field(() => [ContainerNetworkType])
  @Property({ type: 'json' })
  networks: ContainerNetwork[] = [];

  @Field({ description: 'When Docker created the container' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;
}

/** A container as field resolvers take it: the entity, or a plain row of a nested read (see HostRow). */
export type ContainerRow = Readonly<Container>;
