import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DockerHost } from '../hosts/host.entity';
import { Operation, OperationStatus } from '../operations/operation.entity';

export enum ImageOperationKind {
  PULL = 'PULL',
  PUSH = 'PUSH',
  BUILD = 'BUILD',
}
registerEnumType(ImageOperationKind, { name: 'ImageOperationKind' });

// The API named operation states after images when they were its only operations; the values are every operation's.
registerEnumType(OperationStatus, { name: 'ImageOperationStatus' });

/** A pull, push or build: it outlives the mutation that started it; its progress streams by its id. */
@ObjectType()
@Entity({ tableName: 'image_operations' })
@Index({ name: 'image_operations_account_idx', properties: ['accountId', 'startedAt'] })
export class ImageOperation extends Operation {
  @Field(() => ID)
  @ManyToOne(() => DockerHost, { mapToPk: true, deleteRule: 'cascade', fieldName: 'host_id', type: 'uuid' })
  hostId!: string;

  @Field(() => ImageOperationKind)
  @Enum({ items: () => ImageOperationKind, nativeEnumName: 'image_operation_kind' })
  kind!: ImageOperationKind;

  @Field({ description: 'The image pulled or pushed, or the first tag built' })
  @Property({ type: 'string', length: 512 })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'The image id a build produced' })
  @Property({ type: 'string', length: 128, nullable: true })
  imageId?: string | null;
}
