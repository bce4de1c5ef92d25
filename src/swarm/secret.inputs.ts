import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, ObjectType, type ClassType } from 'type-graphql';
import { SwarmService } from './service.entity';

export const DATA = 'The content as text (UTF-8). Give this or dataBase64; 500 KiB at most. Never returned, logged or audited.';
export const DATA_BASE64 = 'The content base64-encoded, for binary content. Give this or data.';

@InputType('CreateSwarmDataInputBase')
abstract class CreateSwarmDataInput {
  @Field({ description: "Docker's rule: up to 64 of [a-zA-Z0-9-_.], starting and ending with a letter or digit" })
  name!: string;

  @Field(() => String, { nullable: true, description: DATA })
  data?: string | null;

  @Field(() => String, { nullable: true, description: DATA_BASE64 })
  dataBase64?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  labels?: Record<string, unknown> | null;
}

@InputType('UpdateSwarmDataInputBase')
abstract class UpdateSwarmDataInput {
  @Field(() => GraphQLJSONObject, { description: 'Replace the labels (fleet.rotation.* are kept unless given). Docker allows no other change.' })
  labels!: Record<string, unknown>;
}

@InputType() export class CreateSwarmSecretInput extends CreateSwarmDataInput {}
@InputType() export class CreateSwarmConfigInput extends CreateSwarmDataInput {}
@InputType() export class UpdateSwarmSecretInput extends UpdateSwarmDataInput {}
@InputType() export class UpdateSwarmConfigInput extends UpdateSwarmDataInput {}

/** A rotation's answer, for one kind: `secret` or `config` is the new version. */
export function rotationType<T extends object>(Type: ClassType<T>, typeName: string, field: string) {
  @ObjectType(typeName)
  class Rotation {
    @Field(() => Type, { name: field, description: 'The new version (under the versioned name)' })
    object!: T;

    @Field(() => [SwarmService], { description: 'The services re-pointed to the new version (same file target inside their tasks)' })
    services!: SwarmService[];

    @Field({ description: 'The name of the version it replaced' })
    previousName!: string;

    @Field(() => String, { nullable: true, description: 'Null when the previous version was removed; else why it was kept' })
    previousKept?: string | null;
  }
  return Rotation;
}
