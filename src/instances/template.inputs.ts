import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { CreateContainerInput } from '../containers/container-spec.inputs';
import { CleanupPolicy, VaultDelivery } from './template.entity';

@InputType({ description: 'A whole template: an update replaces every setting and adds one to the version' })
export class ContainerTemplateInput {
  @Field() name!: string;

  @Field(() => CreateContainerInput, { description: 'The container; its name, cpuLimit and memoryLimitBytes are set per run from the limits below' })
  container!: CreateContainerInput;

  @Field(() => Int, { nullable: true, description: 'Default 500' }) cpuMillicores?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default 256' }) memoryMb?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default 0' }) storageMb?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default 600 (1 to 86400)' }) timeoutSeconds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default 10 (0 to 300)' }) killGraceSeconds?: number | null;
  @Field(() => CleanupPolicy, { nullable: true }) cleanupPolicy?: CleanupPolicy | null;
  @Field(() => [String], { nullable: true }) vaultPolicies?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Default timeoutSeconds + killGraceSeconds + 60' }) vaultTtlSeconds?: number | null;
  @Field(() => VaultDelivery, { nullable: true, description: 'Default WRAPPED when vaultPolicies are given, else NONE' }) vaultDelivery?: VaultDelivery | null;
  @Field(() => [String], { nullable: true, description: 'KV v2 secrets (<mount>/<path>) runs read, to redact their values from stored output (read with the product\'s token)' }) vaultSecretPaths?: string[] | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) placementLabels?: Record<string, string> | null;
  @Field(() => String, { nullable: true }) pinnedDigest?: string | null;
}
