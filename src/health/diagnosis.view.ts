import { Field, ObjectType } from 'type-graphql';

/**
 * A row of the runbook's troubleshooting table, answered for one object from what was measured: the symptom seen,
 * the cause found, the evidence, and the first action (with the mutations that perform it, where they exist).
 */
@ObjectType('Diagnosis')
export class Diagnosis {
  @Field() symptom!: string;
  @Field() cause!: string;
  @Field(() => [String]) evidence!: string[];
  @Field() firstAction!: string;
  @Field(() => [String], { description: 'The mutations that perform the first action, in order' }) mutations!: string[];
  @Field(() => [String], { nullable: true, description: 'What to do after the first action, in order, when it is not enough (null when the first action is all)' })
  steps?: string[] | null;
}
