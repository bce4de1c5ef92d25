import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TaskCallbackStatus {
  /** Waiting for its first attempt or its next retry (nextAttemptAt). */
  PENDING = 'PENDING',
  /** An instance holds its lease and is sending it now. */
  DELIVERING = 'DELIVERING',
  /** The callback answered 2xx. */
  DELIVERED = 'DELIVERED',
  /** Given up: out of attempts, or the destination is no longer allowed (lastError says which). */
  FAILED = 'FAILED',
}
registerEnumType(TaskCallbackStatus, { name: 'TaskCallbackStatus' });

/**
 * One result owed to a linked task's callback: an outbox row written in the same transaction as the instance's
 * terminal state, so a restart loses none. Delivery is at least once with a stable id (`X-Fleet-Delivery` is this
 * row's id): a crash after the receiver got it but before the answer was recorded sends it again with the same id,
 * and receivers dedupe by it. One row per (instance, event): a terminal state enqueued twice is delivered once.
 */
@ObjectType('TaskCallbackDelivery', { description: 'A linked task\'s result as delivered (or still to be) to its callback URL' })
@Entity({ tableName: 'task_callback_deliveries' })
@Unique({ name: 'task_callback_deliveries_instance_event_unique', properties: ['instanceId', 'event'] })
@Index({ name: 'task_callback_deliveries_due_idx', properties: ['status', 'nextAttemptAt'] })
@Index({ name: 'task_callback_deliveries_account_idx', properties: ['accountId', 'createdAt'] })
export class TaskCallbackDelivery {
  @Field(() => ID, { description: 'The delivery id, sent as X-Fleet-Delivery (the same on every retry)' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  instanceId!: string;

  @Field({ description: "The linked task's id (taskRef.id)" })
  @Property({ type: 'string', length: 256 })
  taskId!: string;

  @Field()
  @Property({ type: 'text' })
  callbackUrl!: string;

  @Field({ description: 'e.g. container_instance.completed (sent as X-Fleet-Event)' })
  @Property({ type: 'string', length: 128 })
  event!: string;

  @Field({ description: 'The exact JSON text signed and sent' })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => TaskCallbackStatus)
  @Enum({ items: () => TaskCallbackStatus, nativeEnumName: 'task_callback_status' })
  status: TaskCallbackStatus = TaskCallbackStatus.PENDING;

  @Field(() => Int, { description: 'Sends started (a send cut by a crash counts)' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (null once DELIVERED or FAILED)' })
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer (null: no answer)' })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (or why delivery was given up)' })
  @Property({ type: 'string', length: 512, nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** The instance sending it now, until leaseExpiresAt; past that any instance may take it over (a crash). */
  @Property({ type: 'string', length: 128, nullable: true })
  leaseOwner?: string | null;

  @Property({ type: 'datetime', nullable: true })
  leaseExpiresAt?: Date | null;
}

/** An account's signing secret, sealed with the key ring (bound to the account) and never returned but at rotation. */
@Entity({ tableName: 'task_callback_secrets' })
export class TaskCallbackSecret {
  @PrimaryKey({ type: 'string', length: 128 })
  accountId!: string;

  @Property({ type: 'text' })
  sealedSecret!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
