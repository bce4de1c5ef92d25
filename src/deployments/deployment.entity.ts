import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SwarmCluster } from '../swarm/cluster.entity';

/** The states of GitHub's and Railway's deployment APIs that a rollout passes through. */
export enum DeploymentStatus {
  /** Waiting for another deployment of the same target to end. */
  QUEUED = 'QUEUED',
  /** Recorded; no instance has started it yet. */
  PENDING = 'PENDING',
  IN_PROGRESS = 'IN_PROGRESS',
  /** Waiting for promoteDeployment (a blue/green or canary gate). */
  PAUSED = 'PAUSED',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  /** Ended on the previous good revision (a failed rollout restored, or Swarm's own rollback noticed). */
  ROLLED_BACK = 'ROLLED_BACK',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DeploymentStatus, { name: 'DeploymentStatus' });

export const ACTIVE_STATUSES = [DeploymentStatus.PENDING, DeploymentStatus.IN_PROGRESS, DeploymentStatus.PAUSED] as const;

export enum DeploymentStrategyKind {
  ROLLING = 'ROLLING',
  BLUE_GREEN = 'BLUE_GREEN',
  CANARY = 'CANARY',
}
registerEnumType(DeploymentStrategyKind, { name: 'DeploymentStrategyKind' });

export enum DeploymentSource {
  /** deployStack or updateSwarmService through this API. */
  API = 'API',
  REDEPLOY = 'REDEPLOY',
  ROLLBACK = 'ROLLBACK',
  /** Found by the sync: the spec changed outside this API (the docker CLI, another tool). */
  DETECTED = 'DETECTED',
}
registerEnumType(DeploymentSource, { name: 'DeploymentSource' });

@ObjectType('DeploymentServiceRevision', { description: 'One service as a revision holds it, and how its rollout went' })
export class DeploymentServiceRevision {
  @Field({ description: 'The service name (stack namespace included)' }) name!: string;
  @Field(() => String, { nullable: true }) dockerId?: string | null;
  @Field(() => String, { nullable: true, description: 'The image as the spec runs it (pinned to a digest where the registry answered)' }) image?: string | null;
  @Field(() => String, { nullable: true, description: 'The resolved digest (sha256:…), or null when the registry could not be asked' }) digest?: string | null;
  @Field(() => Int, { nullable: true, description: "The service's spec version after this revision was applied" }) specVersion?: number | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The spec as Docker held it after the revision was applied' }) spec?: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: 'PENDING, UPDATING, CONVERGED, FAILED, ROLLED_BACK, UNCHANGED' }) outcome?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
}

/** Who asked, kept so that whichever instance drives the rollout acts (and is judged by the policy) as that caller. */
export interface DeploymentActor {
  userId: string;
  permissions: string[];
}

/**
 * One revision of a stack (or of a lone service): what was deployed, exactly (the compose text and variables, every
 * service's spec and digest as Docker held it afterwards), how, by whom, and how it went. Rows are never rewritten
 * into another revision: a redeploy or rollback is a new revision that names the one it reproduces. The rollout's
 * state machine lives in `state`, stored at every phase, so whichever instance holds the lease can resume it.
 */
@ObjectType()
@Entity({ tableName: 'deployments' })
@Unique({ name: 'deployments_target_revision_unique', properties: ['clusterId', 'target', 'revision'] })
@Index({ name: 'deployments_account_idx', properties: ['accountId', 'createdAt'] })
@Index({ name: 'deployments_active_idx', properties: ['status', 'leaseUntil'] })
export class Deployment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field(() => ID)
  @ManyToOne(() => SwarmCluster, { mapToPk: true, deleteRule: 'cascade', fieldName: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  /** The ledger's key: `stack:<name>` or `service:<name>`; revisions count per key. */
  @Property({ type: 'string', length: 300 })
  target!: string;

  @Field(() => String, { nullable: true, description: 'The stack deployed (null for a service outside any stack)' })
  @Property({ type: 'string', length: 256, nullable: true })
  stack?: string | null;

  @Field(() => String, { nullable: true, description: 'The service, for a deployment of one service' })
  @Property({ type: 'string', length: 256, nullable: true })
  service?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  revision!: number;

  @Field(() => DeploymentStatus)
  @Enum({ items: () => DeploymentStatus, nativeEnumName: 'deployment_status' })
  status: DeploymentStatus = DeploymentStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'Why it is in its status (the failure, the rollback cause, what it waits for)' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => DeploymentStrategyKind)
  @Enum({ items: () => DeploymentStrategyKind, nativeEnumName: 'deployment_strategy' })
  strategy: DeploymentStrategyKind = DeploymentStrategyKind.ROLLING;

  @Field(() => GraphQLJSONObject, { description: "The strategy's options as given (parallelism, steps, router, …)" })
  @Property({ type: 'json' })
  options: Record<string, unknown> = {};

  @Field(() => DeploymentSource)
  @Enum({ items: () => DeploymentSource, nativeEnumName: 'deployment_source' })
  source: DeploymentSource = DeploymentSource.API;

  @Field(() => String, { nullable: true, description: 'The compose text of a stack revision' })
  @Property({ type: 'text', nullable: true })
  compose?: string | null;

  /** The compose variables: they may hold secrets, so they are stored but never returned. */
  @Property({ type: 'json', nullable: true })
  variables?: Record<string, string> | null;

  @Field(() => [DeploymentServiceRevision])
  @Property({ type: 'json' })
  services: DeploymentServiceRevision[] = [];

  @Field(() => GraphQLJSONObject, { description: 'image reference → resolved digest, for every image of the revision' })
  @Property({ type: 'json' })
  digests: Record<string, string | null> = {};

  @Field(() => ID, { nullable: true, description: 'The deployment whose revision this one reproduces (redeploy, rollback)' })
  @Property({ type: 'uuid', nullable: true })
  reproduces?: string | null;

  @Field(() => Int, { nullable: true, description: 'The revision it reproduces' })
  @Property({ type: 'integer', nullable: true })
  reproducesRevision?: number | null;

  @Field(() => Int, { nullable: true, description: 'The revision that was live when it started: where a failed rollout returns' })
  @Property({ type: 'integer', nullable: true })
  previousRevision?: number | null;

  @Field({ description: 'Who asked (the token subject), or "docker-cli" for a change found by the sync' })
  @Property({ type: 'string', length: 256 })
  actorId!: string;

  @Property({ type: 'json', nullable: true })
  actor?: DeploymentActor | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** A user's promoteDeployment / abortDeployment, for the instance driving it to act on (then cleared). */
  @Field(() => String, { nullable: true, description: 'PROMOTE or ABORT, asked and not yet acted on' })
  @Property({ type: 'string', length: 16, nullable: true })
  requested?: string | null;

  /** The strategy's state machine (its phase and what it needs to resume). */
  @Property({ type: 'json' })
  state: Record<string, unknown> = {};

  @Field(() => Int, { description: 'The number of steps recorded: the cursor after the last one' })
  @Property({ type: 'integer' })
  stepCount: number = 0;

  @Property({ type: 'string', length: 128, nullable: true })
  leaseOwner?: string | null;

  @Property({ type: 'datetime', nullable: true })
  leaseUntil?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Past it, a rollout still going is rolled back' })
  @Property({ type: 'datetime', nullable: true })
  deadlineAt?: Date | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;
}

export function isActive(status: DeploymentStatus): boolean {
  return (ACTIVE_STATUSES as readonly DeploymentStatus[]).includes(status);
}

export function isSettled(status: DeploymentStatus): boolean {
  return [DeploymentStatus.SUCCEEDED, DeploymentStatus.FAILED, DeploymentStatus.ROLLED_BACK, DeploymentStatus.CANCELLED].includes(status);
}
