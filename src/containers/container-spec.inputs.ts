import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MountType {
  BIND = 'bind',
  VOLUME = 'volume',
  TMPFS = 'tmpfs',
}
registerEnumType(MountType, { name: 'MountType' });

export enum RestartPolicyName {
  NO = 'no',
  ALWAYS = 'always',
  UNLESS_STOPPED = 'unless-stopped',
  ON_FAILURE = 'on-failure',
}
registerEnumType(RestartPolicyName, { name: 'RestartPolicyName' });

@InputType()
export class PortBindingInput {
  @Field(() => Int)
  containerPort!: number;

  @Field(() => String, { nullable: true, description: 'tcp (default), udp or sctp' })
  protocol?: string | null;

  @Field(() => Int, { nullable: true, description: 'Publish on this host port (0: any free port); leave out to only expose' })
  hostPort?: number | null;

  @Field(() => String, { nullable: true })
  hostIp?: string | null;
}

@InputType()
export class MountInput {
  @Field(() => MountType)
  type!: MountType;

  @Field(() => String, { nullable: true, description: 'Volume name (VOLUME; one whose driver options mount a host path needs docker.hosts.privileged) or host path (BIND, needs docker.hosts.privileged)' })
  source?: string | null;

  @Field()
  target!: string;

  @Field(() => Boolean, { nullable: true })
  readOnly?: boolean | null;
}

@InputType()
export class RestartPolicyInput {
  @Field(() => RestartPolicyName)
  name!: RestartPolicyName;

  @Field(() => Int, { nullable: true, description: 'ON_FAILURE only' })
  maximumRetryCount?: number | null;
}

@InputType()
export class HealthcheckInput {
  @Field(() => [String], { description: 'Docker\'s form: ["CMD", "wget", "-q", "http://localhost/"] or ["CMD-SHELL", "..."]' })
  test!: string[];

  @Field(() => Int, { nullable: true })
  intervalSeconds?: number | null;

  @Field(() => Int, { nullable: true })
  timeoutSeconds?: number | null;

  @Field(() => Int, { nullable: true })
  retries?: number | null;

  @Field(() => Int, { nullable: true })
  startPeriodSeconds?: number | null;
}

@InputType({ description: 'A container to create. Settings that reach into the host need docker.hosts.privileged.' })
export class CreateContainerInput {
  @Field({ description: 'Image reference, present on the host (pull it first)' })
  image!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  command?: string[] | null;

  @Field(() => [String], { nullable: true })
  entrypoint?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'KEY=VALUE entries (values are never written to the activity log)' })
  env?: string[] | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  labels?: Record<string, string> | null;

  @Field(() => [PortBindingInput], { nullable: true })
  ports?: PortBindingInput[] | null;

  @Field(() => [MountInput], { nullable: true })
  mounts?: MountInput[] | null;

  @Field(() => String, { nullable: true, description: 'Network to attach to (bridge, none, a network name; host needs docker.hosts.privileged), or container:<name|id> to join a container of this host, judged with that container\'s settings' })
  network?: string | null;

  @Field(() => RestartPolicyInput, { nullable: true })
  restartPolicy?: RestartPolicyInput | null;

  @Field(() => Float, { nullable: true, description: 'CPU limit in CPUs (0.5 = half a CPU)' })
  cpuLimit?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Memory limit in bytes (at least 6 MiB)' })
  memoryLimitBytes?: number | null;

  @Field(() => HealthcheckInput, { nullable: true })
  healthcheck?: HealthcheckInput | null;

  @Field(() => String, { nullable: true })
  user?: string | null;

  @Field(() => String, { nullable: true })
  workingDir?: string | null;

  @Field(() => Boolean, { nullable: true })
  privileged?: boolean | null;

  @Field(() => [String], { nullable: true })
  capAdd?: string[] | null;

  @Field(() => [String], { nullable: true })
  capDrop?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'hostPath[:containerPath[:permissions]]' })
  devices?: string[] | null;

  @Field(() => String, { nullable: true, description: 'host shares the host PID namespace (privileged); container:<name|id> joins a container of this host, judged with its settings' })
  pidMode?: string | null;

  @Field(() => String, { nullable: true, description: 'host (privileged), or container:<name|id> like pidMode' })
  ipcMode?: string | null;

  @Field(() => [String], { nullable: true, description: 'e.g. no-new-privileges; seccomp/apparmor=unconfined is privileged' })
  securityOpt?: string[] | null;
}

@ObjectType()
export class ContainerLogs {
  @Field()
  stdout!: string;

  @Field()
  stderr!: string;

  @Field({ description: 'True when the output was cut at 1 MiB per stream' })
  truncated!: boolean;
}

@ObjectType()
export class ExecResultType {
  @Field(() => Int, { nullable: true, description: 'Null when the command timed out' })
  exitCode!: number | null;

  @Field()
  stdout!: string;

  @Field()
  stderr!: string;

  @Field({ description: 'The command ran past timeoutSeconds; Docker cannot stop it, it may still be running' })
  timedOut!: boolean;

  @Field()
  truncated!: boolean;
}

export enum LogStream {
  STDOUT = 'stdout',
  STDERR = 'stderr',
}
registerEnumType(LogStream, { name: 'LogStream' });

@ObjectType()
export class ContainerLogLine {
  @Field(() => LogStream)
  stream!: LogStream;

  @Field()
  line!: string;
}

@ObjectType({ description: 'One stats frame (Docker sends one a second)' })
export class ContainerStatsFrame {
  @Field(() => Float, { description: '100 = one CPU fully used' })
  cpuPercent!: number;

  @Field(() => GraphQLSafeInt)
  memoryBytes!: number;

  @Field(() => GraphQLSafeInt, { nullable: true })
  memoryLimitBytes!: number | null;

  @Field(() => GraphQLSafeInt)
  networkRxBytes!: number;

  @Field(() => GraphQLSafeInt)
  networkTxBytes!: number;

  @Field(() => GraphQLSafeInt)
  blockReadBytes!: number;

  @Field(() => GraphQLSafeInt)
  blockWriteBytes!: number;

  @Field()
  at!: Date;
}
