import { Field, ID, InputType, Int, Float, ObjectType } from 'type-graphql';
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
