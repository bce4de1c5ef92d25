import { Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';

export enum OperationStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/**
 * What every durable operation has (a pull, a build, next a stack deploy): work that outlives the request that
 * started it. Each kind is an entity of its own domain with its own table and fields (an image reference, a stack)
 * on top of these columns; the OperationRunner runs all of them alike. The instance running one renews heartbeatAt;
 * a row left RUNNING by an instance that died is settled as FAILED by any other. Named uniquely and never referenced
 * by a field, so type-graphql does not emit it as a type of its own.
 */
@ObjectType('OperationBase')
export abstract class Operation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 128 })
  accountId!: string;

  @Field(() => OperationStatus)
  @Enum({ items: () => OperationStatus })
  status: OperationStatus = OperationStatus.RUNNING;

  @Field(() => String, { nullable: true, description: 'The last progress line' })
  @Property({ type: 'text', nullable: true })
  lastMessage?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  errorCode?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  startedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  /** The API instance that runs it (INSTANCE_ID). */
  @Property({ type: 'string', length: 128, nullable: true })
  ownerInstance?: string | null;

  @Property({ type: 'datetime', nullable: true })
  heartbeatAt?: Date | null = new Date();

  /** When its runner gives up on it; past it (and a grace), a row still RUNNING has lost its runner. */
  @Property({ type: 'datetime', nullable: true })
  deadlineAt?: Date | null;
}
