import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeploymentStatus } from './deployment.entity';

export enum DeploymentStepKind {
  /** The deployment's status changed (the last one of a settled deployment carries the final status). */
  STATUS = 'STATUS',
  /** A phase of the strategy began or ended (apply, monitor, switch traffic, restore, …). */
  PHASE = 'PHASE',
  /** A service's tasks of the revision changed count or state. */
  REPLICAS = 'REPLICAS',
  /** A health check or HTTP probe result. */
  HEALTH = 'HEALTH',
  /** A canary analysis result. */
  ANALYSIS = 'ANALYSIS',
  /** The router's weights or the serving color changed. */
  TRAFFIC = 'TRAFFIC',
}
registerEnumType(DeploymentStepKind, { name: 'DeploymentStepKind' });

/**
 * The append-only log of a deployment: `seq` counts from 1 per deployment and is the progress cursor a client resumes
 * from (`deploymentProgress(id, after: seq)`), across reconnects and API restarts.
 */
@ObjectType()
@Entity({ tableName: 'deployment_steps' })
@Unique({ name: 'deployment_steps_seq_unique', properties: ['deploymentId', 'seq'] })
@Index({ name: 'deployment_steps_account_idx', properties: ['accountId'] })
export class DeploymentStep {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  deploymentId!: string;

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field(() => Int, { description: 'The cursor: 1, 2, 3… per deployment' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => DeploymentStepKind)
  @Enum({ items: () => DeploymentStepKind, nativeEnumName: 'deployment_step_kind' })
  kind!: DeploymentStepKind;

  @Field(() => DeploymentStatus, { description: "The deployment's status when the step was recorded" })
  @Enum({ items: () => DeploymentStatus, nativeEnumName: 'deployment_status' })
  status!: DeploymentStatus;

  @Field()
  @Property({ type: 'text' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The service the step is about' })
  @Property({ type: 'string', length: 256, nullable: true })
  service?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'json', nullable: true })
  data?: Record<string, unknown> | null;

  @Field()
  @Property({ type: 'datetime' })
  at: Date = new Date();
}
