import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { ClusterObject } from './cluster-object.entity';

@ObjectType('SwarmServicePort')
export class SwarmServicePort {
  @Field() protocol!: string;
  @Field(() => Int) targetPort!: number;
  @Field(() => Int, { nullable: true }) publishedPort?: number | null;
  @Field({ description: 'ingress or host' }) publishMode!: string;
}

@ObjectType('SwarmService', { description: "A swarm service (the seed's SwarmService): its spec as Docker holds it, and its convergence" })
@Entity({ tableName: 'swarm_services' })
@Unique({ name: 'swarm_services_cluster_docker_id_unique', properties: ['clusterId', 'dockerId'] })
@Index({ name: 'swarm_services_stack_idx', properties: ['clusterId', 'stack'] })
export class SwarmService extends ClusterObject {
  @Field()
  @Property({ type: 'string', length: 256 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  image?: string | null;

  @Field({ description: 'replicated, global, replicated-job or global-job' })
  @Property({ type: 'string', length: 16 })
  mode!: string;

  @Field(() => Int, { nullable: true, description: 'Desired replicas (replicated services)' })
  @Property({ type: 'integer', nullable: true })
  replicas?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tasks running, as the manager counts them' })
  @Property({ type: 'integer', nullable: true })
  runningTasks?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tasks the manager wants running' })
  @Property({ type: 'integer', nullable: true })
  desiredTasks?: number | null;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  labels: Record<string, string> = {};

  @Field(() => String, { nullable: true, description: 'The stack it belongs to (label com.docker.stack.namespace)' })
  @Property({ type: 'string', length: 256, nullable: true })
  stack?: string | null;

  /** The service spec as Docker holds it (service specs carry no secret data: secrets are referenced by id). */
  @Field(() => GraphQLJSONObject, { description: 'The spec as Docker holds it' })
  @Property({ type: 'json' })
  spec: Record<string, unknown> = {};

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The spec before the last update: what rollbackSwarmService returns to' })
  @Property({ type: 'json', nullable: true })
  previousSpec?: Record<string, unknown> | null;

  @Property({ type: 'bigint', runtimeType: 'number' })
  versionIndex: number = 0;

  @Field(() => String, { nullable: true, description: 'updating, paused, completed, rollback_started, rollback_paused, rollback_completed' })
  @Property({ type: 'string', length: 32, nullable: true })
  updateState?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  updateMessage?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  updateStartedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  updateCompletedAt?: Date | null;

  @Field(() => [SwarmServicePort])
  @Property({ type: 'json' })
  publishedPorts: SwarmServicePort[] = [];

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  createdAt?: Date | null;
}
