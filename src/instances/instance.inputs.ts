import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/connection';
import { ContainerInstance, InstanceStatus } from './instance.entity';
import { ContainerTemplateInput } from './template.inputs';
import { TaskRefInput } from '../tasks/task-callback.outbox';


@InputType({ description: 'Where a run goes without hostId: a connected host of the account with room for its limits' })
export class InstancePlacementInput {
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The host must have all of these (added to the template\'s): environment, os, osType, architecture, name' })
  labels?: Record<string, string> | null;
}

@InputType()
export class RunContainerInstanceInput {
  @Field(() => ID, { nullable: true, description: 'Run this template (its current version); or give spec' }) templateId?: string | null;
  @Field(() => ContainerTemplateInput, { nullable: true, description: 'A direct definition (its name names the run), judged like a template' }) spec?: ContainerTemplateInput | null;
  @Field(() => ID, { nullable: true, description: 'The host to run on; or placement' }) hostId?: string | null;
  @Field(() => InstancePlacementInput, { nullable: true }) placement?: InstancePlacementInput | null;
  @Field(() => [String], { nullable: true, description: 'KEY=VALUE added to (or replacing) the template\'s; redacted from the stored output' }) env?: string[] | null;
  @Field(() => TaskRefInput, { nullable: true }) taskRef?: TaskRefInput | null;
}

@InputType()
export class ContainerInstanceFilterInput {
  @Field(() => InstanceStatus, { nullable: true }) status?: InstanceStatus | null;
  @Field(() => ID, { nullable: true }) templateId?: string | null;
  @Field(() => ID, { nullable: true }) hostId?: string | null;
  @Field(() => String, { nullable: true }) taskId?: string | null;
}

@InputType()
export class ContainerInstanceChangedFilterInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => InstanceStatus, { nullable: true }) status?: InstanceStatus | null;
  @Field(() => ID, { nullable: true }) templateId?: string | null;
}

@ObjectType()
export class ContainerInstanceConnection extends Connection(ContainerInstance, 'ContainerInstance') {}
