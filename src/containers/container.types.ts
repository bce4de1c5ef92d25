import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ContainerPort')
export class ContainerPortType {
  @Field(() => Int)
  privatePort!: number;

  @Field(() => Int, { nullable: true, description: 'Published port on the host, when published' })
  publicPort?: number | null;

  @Field({ description: 'tcp, udp or sctp' })
  type!: string;

  @Field(() => String, { nullable: true })
  ip?: string | null;
}

@ObjectType('ContainerMount')
export class ContainerMountType {
  @Field({ description: 'bind, volume, tmpfs, npipe' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'Host path or volume name' })
  source?: string | null;

  @Field()
  destination!: string;

  @Field()
  readOnly!: boolean;
}

@ObjectType('ContainerNetworkAttachment')
export class ContainerNetworkType {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  networkId?: string | null;

  @Field(() => String, { nullable: true })
  ipAddress?: string | null;
}
