import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { ActivityRepository } from './activity.repository';

export enum ActivityOutcome {
  SUCCESS = 'success',
  FAILURE = 'failure',
  DENIED = 'denied',
}
registerEnumType(ActivityOutcome, { name: 'ActivityOutcome' });

/** The seed's DockerActivity: one row per user operation (every mutation), including denied and failed ones. */
@ObjectType()
@Entity({ tableName: 'activities', repository: () => ActivityRepository })
@Index({ name: 'activities_account_time_idx', properties: ['accountId', 'createdAt'] })
// Failures since an operation, and everything done to one target, without walking the account's whole trail.
@Index({ name: 'activities_account_outcome_time_idx', properties: ['accountId', 'outcome', 'createdAt'] })
@Index({ name: 'activities_account_target_time_idx', properties: ['accountId', 'targetId', 'createdAt'] })
export class Activity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Null only when the caller could not be authenticated (then no account can read the row). */
  @Property({ type: 'string', length: 128, nullable: true })
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: 'The token subject that acted' })
  @Property({ type: 'string', length: 256, nullable: true })
  actor?: string | null;

  @Field({ description: 'The mutation, e.g. registerDockerHost' })
  @Property({ type: 'string', length: 128 })
  action!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  targetType?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  targetId?: string | null;

  @Field(() => ActivityOutcome)
  @Enum({ items: () => ActivityOutcome, nativeEnumName: 'activity_outcome' })
  outcome!: ActivityOutcome;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  errorCode?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The arguments, with secrets and environment values redacted' })
  @Property({ type: 'json', nullable: true })
  parameters?: Record<string, unknown> | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  durationMs!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  requestId?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
