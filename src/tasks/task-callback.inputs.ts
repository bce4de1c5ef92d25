import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/connection';
import { TaskCallbackDelivery, TaskCallbackStatus } from './task-callback.entity';

@InputType('TaskRefInput', { description: 'A linked task: its result is POSTed, signed, to callbackUrl at every terminal state of the run' })
export class TaskRefInput {
  @Field({ description: "The task's id in the caller's system (1 to 256 characters); echoed in every delivery" })
  id!: string;

  @Field({ description: 'http(s), without credentials; a host on loopback, private or link-local networks only when TASK_CALLBACK_ALLOW lists it' })
  callbackUrl!: string;
}

@InputType('TaskCallbackDeliveryFilter')
export class TaskCallbackDeliveryFilterInput {
  @Field(() => ID, { nullable: true }) instanceId?: string | null;
  @Field(() => String, { nullable: true }) taskId?: string | null;
  @Field(() => TaskCallbackStatus, { nullable: true }) status?: TaskCallbackStatus | null;
}

@ObjectType('TaskCallbackDeliveryConnection')
export class TaskCallbackDeliveryConnection extends Connection(TaskCallbackDelivery, 'TaskCallbackDelivery') {}

@ObjectType('TaskCallbackSecretRotation', { description: 'The new signing secret, answered this once and never again' })
export class TaskCallbackSecretRotation {
  @Field({ description: 'HMAC-SHA256 key (its UTF-8 bytes) for X-Fleet-Signature: sha256=<hex> over the exact body' })
  secret!: string;

  @Field()
  createdAt!: Date;
}
