import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { OperationStatus } from '../operations/operation.entity';
import type { OperationProgressMessage } from '../operations/operation.topics';

@InputType()
export class BuildFileInput {
  @Field({ description: 'Relative path inside the build context' })
  path!: string;

  @Field(() => String, { nullable: true, description: 'UTF-8 content' })
  content?: string | null;

  @Field(() => String, { nullable: true })
  contentBase64?: string | null;
}

@InputType({ description: 'A Dockerfile plus files, or a whole tar context (base64), up to 32 MiB' })
export class BuildImageInput {
  @Field(() => [String], { description: 'Tags for the result, e.g. ["127.0.0.1:5000/team/app:1.0"]' })
  tags!: string[];

  @Field(() => String, { nullable: true, description: 'Dockerfile content' })
  dockerfile?: string | null;

  @Field(() => [BuildFileInput], { nullable: true })
  files?: BuildFileInput[] | null;

  @Field(() => String, { nullable: true })
  contextTarBase64?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values are written to the activity log as [redacted] unless named in publicBuildArgs' })
  buildArgs?: Record<string, string> | null;

  @Field(() => [String], { nullable: true, description: 'Build args whose values are not secret and may be kept in the activity log (VERSION, say)' })
  publicBuildArgs?: string[] | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  labels?: Record<string, string> | null;
}

@InputType()
export class SetRegistryCredentialInput {
  @Field({ description: 'host[:port] of the registry (docker.io for Docker Hub)' })
  registry!: string;

  @Field()
  username!: string;

  @Field({ description: 'Encrypted at rest, never returned or logged' })
  password!: string;
}

/** One progress message of an image operation (an operation's, with its part named the layer). */
export type ImageProgressPayload = Omit<OperationProgressMessage, 'part'> & { layer: string | null };

@ObjectType()
export class ImageProgressMessage {
  @Field(() => ID)
  operationId!: string;

  @Field(() => OperationStatus)
  status!: OperationStatus;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => String, { nullable: true, description: 'The layer a pull/push line is about' })
  layer!: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  current!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  total!: number | null;

  @Field({ description: 'The last message of the operation, with its final status' })
  done!: boolean;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => String, { nullable: true })
  errorCode!: string | null;

  @Field()
  at!: Date;
}

@ObjectType({ description: 'An image as the Engine inspects it now' })
export class ImageDetailsType {
  @Field(() => ID, { description: 'Our id (the inventory Image)' })
  id!: string;

  @Field(() => ID)
  hostId!: string;

  @Field()
  dockerId!: string;

  @Field(() => [String])
  repoTags!: string[];

  @Field(() => [String])
  repoDigests!: string[];

  @Field(() => GraphQLSafeInt)
  sizeBytes!: number;

  @Field()
  createdAt!: Date;

  @Field()
  architecture!: string;

  @Field()
  os!: string;

  @Field(() => String, { nullable: true })
  author!: string | null;

  @Field(() => [String])
  cmd!: string[];

  @Field(() => [String])
  entrypoint!: string[];

  @Field(() => [String])
  env!: string[];

  @Field(() => [String])
  exposedPorts!: string[];

  @Field(() => GraphQLJSONObject)
  labels!: Record<string, string>;

  @Field(() => String, { nullable: true })
  workingDir!: string | null;

  @Field(() => String, { nullable: true })
  user!: string | null;

  @Field(() => [String])
  layers!: string[];
}
