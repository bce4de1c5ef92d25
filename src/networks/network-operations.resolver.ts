import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Extensions, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { Container } from '../containers/container.entity';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { Network } from './network.entity';

@InputType()
export class CreateNetworkInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'bridge (default), overlay, macvlan, ipvlan' })
  driver?: string | null;

  @Field(() => Boolean, { nullable: true })
  internal?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  attachable?: boolean | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  labels?: Record<string, string> | null;
}

@ObjectType()
export class NetworkEndpoint {
  @Field({ description: "The container's Docker id" })
  dockerId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  ipv4Address!: string | null;
}

@ObjectType({ description: 'A network as the Engine inspects it now' })
export class NetworkDetailsType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  hostId!: string;

  @Field()
  dockerId!: string;

  @Field()
  name!: string;

  @Field()
  driver!: string;

  @Field()
  scope!: string;

  @Field()
  internal!: boolean;

  @Field()
  attachable!: boolean;

  @Field(() => GraphQLJSONObject)
  labels!: Record<string, string>;

  @Field(() => [String])
  subnets!: string[];

  @Field(() => [NetworkEndpoint])
  containers!: NetworkEndpoint[];
}

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;

/** The seed's NetworkManager. */
@Resolver()
export class NetworkOperationsResolver {
  @Authorized(MANAGE)
  @Mutation(() => Network)
  createNetwork(@Arg('hostId', () => ID) hostId: string, @Arg('input') input: CreateNetworkInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.networks.create(principal, hostId, input);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'Network' })
  @Mutation(() => ID, { description: 'CONFLICT while containers use it' })
  removeNetwork(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.networks.remove(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => Container, { description: 'The container, with its networks as they are now' })
  connectContainerToNetwork(
    @Arg('networkId', () => ID) networkId: string,
    @Arg('containerId', () => ID) containerId: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('aliases', () => [String], { nullable: true }) aliases?: string[] | null,
  ) {
    return ctx.services.networks.connect(principal, networkId, containerId, aliases);
  }

  @Authorized(MANAGE)
  @Mutation(() => Container)
  disconnectContainerFromNetwork(
    @Arg('networkId', () => ID) networkId: string,
    @Arg('containerId', () => ID) containerId: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('force', () => Boolean, { nullable: true }) force?: boolean | null,
  ) {
    return ctx.services.networks.disconnect(principal, networkId, containerId, Boolean(force));
  }

  @Authorized(READ)
  @Query(() => NetworkDetailsType, { description: 'Inspects the network on its host now' })
  async network(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    const { network, ...details } = await ctx.services.networks.inspect(principal, id);
    return { ...details, id: network.id, hostId: network.hostId };
  }
}
