import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/connection';
import { Image } from '../images/image.entity';
import { Network } from '../networks/network.entity';
import { Volume } from '../volumes/volume.entity';

@InputType({ description: 'Images, networks and volumes are listed per host or across the fleet' })
export class HostScopedFilterInput {
  @Field(() => ID, { nullable: true })
  hostId?: string | null;
}

@ObjectType()
export class ImageConnection extends Connection(Image, 'Image') {}

@ObjectType()
export class NetworkConnection extends Connection(Network, 'Network') {}

@ObjectType()
export class VolumeConnection extends Connection(Volume, 'Volume') {}
