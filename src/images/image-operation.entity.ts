import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { HostOwned } from '../inventory/inventory.entity';

export enum ImageOperationKind {
  PULL = 'PULL',
  PUSH = 'PUSH',
  BUILD = 'BUILD',
}
registerEnumType(ImageOperationKind, { name: 'ImageOperationKind' });

export enum ImageOperationStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(ImageOperationStatus, { name: 'ImageOperationStatus' });

/** A pull, push or build: it outlives the mutation that started it; its progress streams by its id. */
@ObjectType()
@Entity({ tableName: 'image_operations' })
@Index({ name: 'image_operations_account_idx', properties: ['accountId', 'startedAt'] })
export class ImageOperation extends HostOwned {
  @Field(() => ImageOperationKind)
  @Enum({ items: () => ImageOperationKind, nativeEnumName: 'image_operation_kind' })
  kind!: ImageOperationKind;

  @Field({ description: 'The image pulled or pushed, or the first tag built' })
  @Property({ type: 'string', length: 512 })
  reference!: string;

  @Field(() => ImageOperationStatus)
  @Enum({ items: () => ImageOperationStatus, nativeEnumName: 'image_operation_status' })
  status: ImageOperationStatus = ImageOperationStatus.RUNNING;

  @Field(() => String, { nullable: true, description: 'The last progress line' })
  @Property({ type: 'text', nullable: true })
  lastMessage?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  errorCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The image id a build produced' })
  @Property({ type: 'string', length: 128, nullable: true })
  imageId?: string | null;

  @Field()
  @Property({ type: 'datetime' })
  startedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;
}
