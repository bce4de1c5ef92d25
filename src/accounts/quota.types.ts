import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

/** What one run asks for. */
export interface QuotaRequest {
  cpuMillicores: number;
  memoryMb: number;
  storageMb: number;
}

export type QuotaLimitName = 'concurrentInstances' | 'cpuMillicores' | 'memoryMb' | 'storageMb';

@ObjectType('QuotaUse', { description: 'What the account uses now: the sum of the open charges of its admitted runs' })
export class QuotaUse {
  // Sums without a limit can pass 2^31 (many runs at the largest memory): SafeInt, not Int.
  @Field(() => GraphQLSafeInt) concurrentInstances!: number;
  @Field(() => GraphQLSafeInt) cpuMillicores!: number;
  @Field(() => GraphQLSafeInt) memoryMb!: number;
  @Field(() => GraphQLSafeInt) storageMb!: number;
}

@ObjectType('AccountQuota', { description: 'Limits (null: none) and current use of the calling account' })
export class AccountQuotaView {
  @Field() accountId!: string;
  @Field(() => Int, { nullable: true }) concurrentInstances?: number | null;
  @Field(() => Int, { nullable: true }) cpuMillicores?: number | null;
  @Field(() => Int, { nullable: true }) memoryMb?: number | null;
  @Field(() => Int, { nullable: true }) storageMb?: number | null;
  @Field(() => QuotaUse) use!: QuotaUse;
}

@InputType({ description: 'Every limit is replaced: a limit left out (or null) is no limit' })
export class SetAccountQuotaInput {
  @Field(() => Int, { nullable: true }) concurrentInstances?: number | null;
  @Field(() => Int, { nullable: true }) cpuMillicores?: number | null;
  @Field(() => Int, { nullable: true }) memoryMb?: number | null;
  @Field(() => Int, { nullable: true }) storageMb?: number | null;
}
