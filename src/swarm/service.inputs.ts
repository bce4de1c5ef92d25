import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HealthcheckInput, LogStream, MountType } from '../containers/container-spec.inputs';

export enum SwarmServiceModeInput {
  REPLICATED = 'replicated',
  GLOBAL = 'global',
  REPLICATED_JOB = 'replicated-job',
  GLOBAL_JOB = 'global-job',
}
registerEnumType(SwarmServiceModeInput, { name: 'SwarmServiceModeInput', description: 'A service mode (it cannot change after creation: Docker does not implement that)' });

export enum SwarmPublishMode {
  INGRESS = 'ingress',
  HOST = 'host',
}
registerEnumType(SwarmPublishMode, { name: 'SwarmPublishMode', description: 'INGRESS: the routing mesh, on every node; HOST: on the node a task runs on' });

export enum SwarmRestartCondition {
  NONE = 'none',
  ON_FAILURE = 'on-failure',
  ANY = 'any',
}
registerEnumType(SwarmRestartCondition, { name: 'SwarmRestartCondition' });

export enum SwarmFailureAction {
  PAUSE = 'pause',
  CONTINUE = 'continue',
  ROLLBACK = 'rollback',
}
registerEnumType(SwarmFailureAction, { name: 'SwarmFailureAction', description: 'What an update does when tasks fail past maxFailureRatio (ROLLBACK: not for rollbackConfig)' });

export enum SwarmUpdateOrder {
  STOP_FIRST = 'stop-first',
  START_FIRST = 'start-first',
}
registerEnumType(SwarmUpdateOrder, { name: 'SwarmUpdateOrder' });

@InputType({ description: 'A swarm-scope network of the cluster, by name (or id), with extra DNS aliases on it' })
export class SwarmNetworkAttachmentInput {
  @Field()
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;
}

@InputType()
export class SwarmPortInput {
  @Field(() => Int, { description: 'The port inside the task' })
  target!: number;

  @Field(() => Int, { nullable: true, description: 'The port published; left out, Docker picks one (30000+) in INGRESS mode' })
  published?: number | null;

  @Field(() => String, { nullable: true, description: 'tcp (default), udp or sctp' })
  protocol?: string | null;

  @Field(() => SwarmPublishMode, { nullable: true, description: 'INGRESS by default' })
  mode?: SwarmPublishMode | null;
}

@InputType()
export class SwarmMountInput {
  @Field(() => MountType)
  type!: MountType;

  @Field(() => String, { nullable: true, description: 'Volume name (VOLUME), host path (BIND: needs docker.hosts.privileged); none for TMPFS' })
  source?: string | null;

  @Field()
  target!: string;

  @Field(() => Boolean, { nullable: true })
  readOnly?: boolean | null;
}

@InputType({ description: 'A secret or config of the cluster, by name (or id), as a file in the task' })
export class SwarmFileReferenceInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'File name: under /run/secrets/ for a secret (an absolute path allowed for a config); the name by default' })
  target?: string | null;

  @Field(() => String, { nullable: true, description: 'Owner uid, "0" by default' })
  uid?: string | null;

  @Field(() => String, { nullable: true, description: 'Owner gid, "0" by default' })
  gid?: string | null;

  @Field(() => Int, { nullable: true, description: 'File mode as a number (0o444 = 292 by default)' })
  mode?: number | null;
}

@InputType()
export class SwarmPlacementInput {
  @Field(() => [String], { nullable: true, description: 'Docker\'s constraint expressions: "node.role==manager", "node.labels.zone!=b"' })
  constraints?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Spread descriptors, in order: "node.labels.zone"' })
  spreadPreferences?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'At most this many tasks per node (0: unlimited)' })
  maxReplicasPerNode?: number | null;
}

@InputType()
export class SwarmResourceValuesInput {
  @Field(() => Float, { nullable: true, description: 'CPUs (0.5 = half a CPU)' })
  cpus?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  memoryBytes?: number | null;
}

@InputType()
export class SwarmResourcesInput {
  @Field(() => SwarmResourceValuesInput, { nullable: true })
  limits?: SwarmResourceValuesInput | null;

  @Field(() => SwarmResourceValuesInput, { nullable: true, description: 'What the scheduler reserves on a node for each task' })
  reservations?: SwarmResourceValuesInput | null;
}

@InputType()
export class SwarmRestartPolicyInput {
  @Field(() => SwarmRestartCondition, { nullable: true, description: 'ANY by default (ON_FAILURE for jobs)' })
  condition?: SwarmRestartCondition | null;

  @Field(() => Float, { nullable: true })
  delaySeconds?: number | null;

  @Field(() => Int, { nullable: true, description: '0: unlimited' })
  maxAttempts?: number | null;

  @Field(() => Float, { nullable: true, description: 'How long to wait before deciding a restart worked' })
  windowSeconds?: number | null;
}

@InputType({ description: 'How tasks are replaced on an update (updateConfig) or on a rollback (rollbackConfig)' })
export class SwarmUpdateConfigInput {
  @Field(() => Int, { nullable: true, description: 'Tasks replaced at once (0: all at once)' })
  parallelism?: number | null;

  @Field(() => Float, { nullable: true, description: 'Pause between batches' })
  delaySeconds?: number | null;

  @Field(() => SwarmFailureAction, { nullable: true })
  failureAction?: SwarmFailureAction | null;

  @Field(() => Float, { nullable: true, description: 'How long each new task is watched for failure' })
  monitorSeconds?: number | null;

  @Field(() => Float, { nullable: true, description: 'Failed tasks tolerated, 0 to 1' })
  maxFailureRatio?: number | null;

  @Field(() => SwarmUpdateOrder, { nullable: true })
  order?: SwarmUpdateOrder | null;
}

/** The fields a create and a patch share (each input type inherits them); left out of a patch: kept as the Engine has it. */
@InputType('SwarmServiceFields')
export abstract class SwarmServiceFields {
  @Field(() => [String], { nullable: true, description: "Replaces the image's entrypoint" })
  command?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the image's cmd" })
  args?: string[] | null;

  @Field(() => [String], { nullable: true, description: '"KEY=value" entries' })
  env?: string[] | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The service's labels" })
  labels?: Record<string, string> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "Labels of the tasks' containers" })
  containerLabels?: Record<string, string> | null;

  @Field(() => Int, { nullable: true, description: 'REPLICATED: tasks wanted (1 by default); REPLICATED_JOB: completions (and at most that many at once)' })
  replicas?: number | null;

  @Field(() => [SwarmNetworkAttachmentInput], { nullable: true })
  networks?: SwarmNetworkAttachmentInput[] | null;

  @Field(() => [SwarmPortInput], { nullable: true })
  ports?: SwarmPortInput[] | null;

  @Field(() => [SwarmMountInput], { nullable: true })
  mounts?: SwarmMountInput[] | null;

  @Field(() => [SwarmFileReferenceInput], { nullable: true })
  secrets?: SwarmFileReferenceInput[] | null;

  @Field(() => [SwarmFileReferenceInput], { nullable: true })
  configs?: SwarmFileReferenceInput[] | null;

  @Field(() => SwarmPlacementInput, { nullable: true })
  placement?: SwarmPlacementInput | null;

  @Field(() => SwarmResourcesInput, { nullable: true })
  resources?: SwarmResourcesInput | null;

  @Field(() => SwarmRestartPolicyInput, { nullable: true })
  restartPolicy?: SwarmRestartPolicyInput | null;

  @Field(() => SwarmUpdateConfigInput, { nullable: true })
  updateConfig?: SwarmUpdateConfigInput | null;

  @Field(() => SwarmUpdateConfigInput, { nullable: true })
  rollbackConfig?: SwarmUpdateConfigInput | null;

  @Field(() => HealthcheckInput, { nullable: true })
  healthcheck?: HealthcheckInput | null;

  @Field(() => String, { nullable: true })
  user?: string | null;

  @Field(() => String, { nullable: true })
  workdir?: string | null;

  @Field(() => [String], { nullable: true, description: 'Needs docker.hosts.privileged' })
  capAdd?: string[] | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Needs docker.hosts.privileged' })
  sysctls?: Record<string, string> | null;

  @Field(() => Float, { nullable: true, description: 'Between SIGTERM and SIGKILL when a task stops' })
  stopGracePeriodSeconds?: number | null;
}

@InputType({ description: 'A service to create. Settings that reach into the nodes (bind mounts, the host network, capAdd, sysctls) need docker.hosts.privileged' })
export class SwarmServiceSpecInput extends SwarmServiceFields {
  @Field()
  name!: string;

  @Field()
  image!: string;

  @Field(() => SwarmServiceModeInput, { nullable: true, description: 'REPLICATED by default' })
  mode?: SwarmServiceModeInput | null;
}

@InputType({ description: "A patch onto the service's current spec: each field given replaces that part, the rest stays as the Engine has it (name and mode cannot change)" })
export class SwarmServiceUpdateInput extends SwarmServiceFields {
  @Field(() => String, { nullable: true })
  image?: string | null;
}

@ObjectType()
export class SwarmLogLine {
  @Field(() => LogStream)
  stream!: LogStream;

  @Field()
  line!: string;

  @Field(() => String, { nullable: true, description: "Docker's id of the task that wrote it" })
  taskId!: string | null;

  @Field(() => String, { nullable: true, description: "Docker's id of the node it ran on" })
  nodeId!: string | null;
}

@ObjectType()
export class SwarmServiceLogs {
  @Field(() => [SwarmLogLine])
  lines!: SwarmLogLine[];

  @Field({ description: 'The 1 MiB cap was reached: ask with tail or since' })
  truncated!: boolean;
}
