import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Extensions, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { Volume } from './volume.entity';

@InputType()
export class CreateVolumeInput {
  @Field(() => String, { nullable: true, description: 'Docker makes one up when left out' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  driver?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Driver options (local: type, o, device); mounting anything of the host (o=bind, a device, a network share) needs docker.hosts.privileged' })
  driverOpts?: Record<string, string> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  labels?: Record<string, string> | null;
}

@ObjectType({ description: 'A volume as the Engine inspects it now' })
export class VolumeDetailsType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  hostId!: string;

  @Field()
  name!: string;

  @Field()
  driver!: string;

  @Field(() => String, { nullable: true })
  mountpoint!: string | null;

  @Field()
  scope!: string;

  @Field(() => GraphQLJSONObject)
  labels!: Record<string, string>;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;
}

@ObjectType()
export class VolumePruneResult {
  @Field(() => [String], { description: 'Names of the volumes removed' })
  removed!: string[];

  @Field(() => GraphQLSafeInt)
  spaceReclaimedBytes!: number;
}

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;

/** The seed's VolumeManager. */
@Resolver()
export class VolumeOperationsResolver {
  @Authorized(MANAGE)
  @Mutation(() => Volume)
  createVolume(@Arg('hostId', () => ID) hostId: string, @Arg('input') input: CreateVolumeInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.volumes.create(principal, hostId, input);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'Volume' })
  @Mutation(() => ID, { description: 'CONFLICT while a container uses it (unless force)' })
  removeVolume(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext, @Arg('force', () => Boolean, { nullable: true }) force?: boolean | null) {
    return ctx.services.volumes.remove(principal, id, Boolean(force));
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'DockerHost' })
  @Mutation(() => VolumePruneResult, { description: 'Removes every volume no container uses on the host (only those with the label, when given)' })
  pruneVolumes(
    @Arg('hostId', () => ID) hostId: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('label', () => String, { nullable: true, description: '"key" or "key=value"' }) label?: string | null,
  ) {
    return ctx.services.volumes.prune(principal, hostId, label);
  }

  @Authorized(READ)
  @Query(() => VolumeDetailsType, { description: 'Inspects the volume on its host now' })
  async volume(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    const { volume, ...details } = await ctx.services.volumes.inspect(principal, id);
    return { ...details, id: volume.id, hostId: volume.hostId };
  }
}
