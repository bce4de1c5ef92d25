import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int, Float, ObjectType } from 'type-graphql';
import { StackWarningView } from '../stacks/stack.inputs';
import { Connection } from '../graphql/connection';
import { Deployment, DeploymentStatus, DeploymentStrategyKind } from './deployment.entity';

@InputType('RollingUpdateInput', { description: "Swarm's native update knobs, written into every service's UpdateConfig (what is not given stays as the compose file says)" })
export class RollingUpdateInput {
  @Field(() => Int, { nullable: true }) parallelism?: number | null;
  @Field(() => Float, { nullable: true }) delaySeconds?: number | null;
  @Field(() => String, { nullable: true, description: 'start-first or stop-first' }) order?: string | null;
  @Field(() => Float, { nullable: true, description: 'How long a new task is watched for failure' }) monitorSeconds?: number | null;
  @Field(() => Float, { nullable: true }) maxFailureRatio?: number | null;
  @Field(() => String, { nullable: true, description: 'rollback, pause or continue: on failure the whole stack returns to the previous good revision either way' }) failureAction?: string | null;
}

@InputType('DeploymentOptionsInput')
export class DeploymentOptionsInput {
  @Field(() => DeploymentStrategyKind, { nullable: true, defaultValue: DeploymentStrategyKind.ROLLING }) strategy?: DeploymentStrategyKind | null;
  @Field(() => RollingUpdateInput, { nullable: true }) rolling?: RollingUpdateInput | null;
  @Field(() => Int, { nullable: true, description: 'Past it, a rollout not converged is rolled back (default DEPLOYMENT_PROGRESS_DEADLINE_SECONDS)' }) progressDeadlineSeconds?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType('DeploymentFilter')
export class DeploymentFilterInput {
  @Field(() => ID, { nullable: true }) clusterId?: string | null;
  @Field(() => String, { nullable: true }) stack?: string | null;
  @Field(() => String, { nullable: true, description: 'A service name (<stack>_<key>): its own deployments and its stack\'s' }) service?: string | null;
  @Field(() => DeploymentStatus, { nullable: true }) status?: DeploymentStatus | null;
}

@InputType('DeploymentChangedFilter')
export class DeploymentChangedFilterInput {
  @Field(() => ID, { nullable: true }) clusterId?: string | null;
  @Field(() => String, { nullable: true }) stack?: string | null;
}

@ObjectType()
export class DeploymentConnection extends Connection(Deployment, 'Deployment') {}

/** Flattens the GraphQL options into what the ledger stores and the strategies read. */
export function strategyOptions(input: DeploymentOptionsInput | null | undefined): { strategy: DeploymentStrategyKind; options: Record<string, unknown>; description: string | null } {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input?.rolling ?? {})) if (value !== null && value !== undefined) options[key] = value;
  if (input?.progressDeadlineSeconds != null) options.progressDeadlineSeconds = input.progressDeadlineSeconds;
  return { strategy: input?.strategy ?? DeploymentStrategyKind.ROLLING, options, description: input?.description ?? null };
}

@ObjectType('SpecDifference', { description: 'One leaf of the spec that would change' })
export class SpecDifferenceView {
  @Field({ description: 'Dotted path in the Engine spec, e.g. TaskTemplate.ContainerSpec.Image' }) path!: string;
  @Field(() => GraphQLJSON, { nullable: true }) from!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) to!: unknown;
}

@ObjectType('ServicePlan')
export class ServicePlanView {
  @Field() name!: string;
  @Field({ description: 'CREATE, UPDATE, UNCHANGED or REMOVE' }) action!: string;
  @Field(() => [SpecDifferenceView]) differences!: SpecDifferenceView[];
  @Field(() => Int, { description: 'Running tasks Swarm will replace (or stop, for REMOVE)' }) tasksToRestart!: number;
  @Field(() => String, { nullable: true, description: 'The image it will run, resolved as the deploy would' }) image!: string | null;
  @Field({ description: 'Nodes will pull its image (a new reference or digest)' }) pullsImage!: boolean;
}

@ObjectType('DeploymentPlan', { description: 'What a deploy would change, before it runs (nothing is written)' })
export class DeploymentPlanView {
  @Field() stack!: string;
  @Field(() => [ServicePlanView]) services!: ServicePlanView[];
  @Field(() => [StackWarningView], { description: 'Keys of the file Swarm ignores' }) ignored!: StackWarningView[];
  @Field(() => [String]) imagesToPull!: string[];
  @Field(() => [String], { description: 'Images no registry answered for: compared by tag only' }) unresolvedImages!: string[];
}
