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

@InputType('BlueGreenInput', { description: 'Green beside blue (its own swarm service and replicas), health-checked, traffic switched in one step, blue kept for an instant rollback' })
export class BlueGreenInput {
  @Field(() => String, { nullable: true, description: 'The compose key of the routed service (default: the stack\'s only service)' }) service?: string | null;
  @Field(() => ID, { nullable: true, description: 'A traffic router: the switch is its servers moving to green (no reload). Without one the compose aliases move from blue to green (tasks are replaced: not zero-downtime)' }) routerId?: string | null;
  @Field(() => Int, { nullable: true, description: 'The router\'s port for the service (required with routerId)' }) listenPort?: number | null;
  @Field(() => Int, { nullable: true, description: 'A second router port that serves green only, once healthy' }) previewPort?: number | null;
  @Field(() => Int, { nullable: true, description: 'The host-mode port green publishes (the compose file\'s stays with blue); required when the service publishes one' }) publishedPort?: number | null;
  @Field(() => Int, { nullable: true, description: 'The container port routed (default: the first published one)' }) targetPort?: number | null;
  @Field(() => String, { nullable: true, description: 'An HTTP GET every green task must answer (< 400) before the switch, at the node address and port the router uses' }) probePath?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Switch once green is healthy (default true, as Argo Rollouts); false: PAUSED until promoteDeployment' }) autoPromotionEnabled?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'With auto-promotion: seconds green must stay healthy before the switch (default 0)' }) autoPromoteSeconds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Seconds blue keeps its replicas after the switch for an instant rollback (abortDeployment), then it is removed (default 30)' }) scaleDownDelaySeconds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Failed green tasks tolerated while it comes up (default 2)' }) maxTaskFailures?: number | null;
}

@InputType('CanaryThresholdsInput', { description: 'What aborts a canary; a threshold not given keeps its default (failures 0, restarts 2, unhealthy 0, error rate 0.05, no latency limit)' })
export class CanaryThresholdsInput {
  @Field(() => Int, { nullable: true }) maxTaskFailures?: number | null;
  @Field(() => Int, { nullable: true }) maxRestarts?: number | null;
  @Field(() => Int, { nullable: true, description: 'Canary tasks killed for failing their HEALTHCHECK' }) maxUnhealthy?: number | null;
  @Field(() => Float, { nullable: true, description: "The 5xx share of the canary's requests since the last look (router only), 0–1" }) maxErrorRate?: number | null;
  @Field(() => Float, { nullable: true, description: "The canary servers' mean response time (router only)" }) maxMeanLatencyMs?: number | null;
}

@InputType('CanaryAnalysisInput')
export class CanaryAnalysisInput extends CanaryThresholdsInput {
  @Field(() => Int, { nullable: true, description: 'Seconds between samples (default 10)' }) intervalSeconds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Samples, each an ANALYSIS step (default 3)' }) count?: number | null;
}

@InputType('CanaryStepInput', { description: 'Exactly one of: setWeight, a pause (pauseSeconds; pause: true or pauseSeconds: null waits for promoteDeployment), analysis' })
export class CanaryStepInput {
  @Field(() => Int, { nullable: true, description: "The canary's share of traffic, 0–100" }) setWeight?: number | null;
  @Field(() => Int, { nullable: true }) pauseSeconds?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Pause until promoteDeployment (PAUSED)' }) pause?: boolean | null;
  @Field(() => CanaryAnalysisInput, { nullable: true }) analysis?: CanaryAnalysisInput | null;
}

@InputType('CanaryInput', { description: 'The revision as a canary beside the stable service, moved through steps, judged all along, aborted automatically' })
export class CanaryInput {
  @Field(() => String, { nullable: true, description: 'The compose key of the routed service (default: the stack\'s only service)' }) service?: string | null;
  @Field(() => ID, { nullable: true, description: 'A traffic router: weights are its server weights. Without one a weight is a replica ratio (10 replicas at 10% = 1 canary + 9 stable)' }) routerId?: string | null;
  @Field(() => Int, { nullable: true, description: 'The router\'s port for the service (required with routerId)' }) listenPort?: number | null;
  @Field(() => Int, { nullable: true, description: 'The host-mode port the canary publishes (required with a router when the stable publishes one)' }) publishedPort?: number | null;
  @Field(() => Int, { nullable: true, description: 'The container port routed (default: the first published one)' }) targetPort?: number | null;
  @Field(() => [CanaryStepInput], { nullable: true, description: 'Default: 10%, pause until promoted, 100%' }) steps?: CanaryStepInput[] | null;
  @Field(() => CanaryThresholdsInput, { nullable: true, description: 'Watched at every step and pause' }) analysis?: CanaryThresholdsInput | null;
}

@InputType('DeploymentOptionsInput')
export class DeploymentOptionsInput {
  @Field(() => DeploymentStrategyKind, { nullable: true, defaultValue: DeploymentStrategyKind.ROLLING }) strategy?: DeploymentStrategyKind | null;
  @Field(() => RollingUpdateInput, { nullable: true }) rolling?: RollingUpdateInput | null;
  @Field(() => BlueGreenInput, { nullable: true, description: 'For strategy BLUE_GREEN' }) blueGreen?: BlueGreenInput | null;
  @Field(() => CanaryInput, { nullable: true, description: 'For strategy CANARY' }) canary?: CanaryInput | null;
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
  for (const group of [input?.rolling, input?.blueGreen]) for (const [key, value] of Object.entries(group ?? {})) if (value !== null && value !== undefined) options[key] = value;
  for (const [key, value] of Object.entries(input?.canary ?? {})) {
    if (value === null || value === undefined) continue;
    if (key === 'steps') options.steps = (value as CanaryStepInput[]).map(canaryStep);
    else options[key] = key === 'analysis' ? plain(value as object) : value;
  }
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

/** A step as stored: its set fields; `pause: true` (or an explicit `pauseSeconds: null`) is `pauseSeconds: null`. */
function canaryStep(step: CanaryStepInput): Record<string, unknown> {
  const out = plain(step);
  delete out.pause;
  if (step.pause === true || (Object.prototype.hasOwnProperty.call(step, 'pauseSeconds') && step.pauseSeconds === null)) out.pauseSeconds = null;
  if (step.analysis) out.analysis = plain(step.analysis);
  return out;
}

function plain(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}
