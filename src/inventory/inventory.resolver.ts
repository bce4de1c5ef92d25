import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { DockerHost } from '../hosts/host.entity';
import { Image } from '../images/image.entity';
import { Network } from '../networks/network.entity';
import { Volume } from '../volumes/volume.entity';
import type { InventoryObject } from './inventory.entity';
import { HostScopedFilterInput, ImageConnection, NetworkConnection, VolumeConnection } from './inventory.inputs';
import type { InventoryKind } from './inventory.queries';

/** Images, networks and volumes read the same way: a fleet-wide connection, and their host through the loader. */
function inventoryResolver<T extends InventoryObject>(kind: InventoryKind, Type: ClassType<T>, ConnectionType: ClassType, description: string) {
  @Resolver(() => Type)
  class InventoryResolver {
    @Authorized(Permission.DockerHostsRead)
    @Query(() => ConnectionType, { name: kind, description })
    async list(
      @CurrentPrincipal() principal: Principal,
      @Ctx() ctx: GraphQLContext,
      @Arg('filter', () => HostScopedFilterInput, { nullable: true }) filter?: HostScopedFilterInput | null,
      @Arg('first', () => Int, { nullable: true }) first?: number | null,
      @Arg('after', () => String, { nullable: true }) after?: string | null,
    ) {
      return toConnection(await ctx.services.inventory.page(principal, kind, filter ?? {}, { first, after }));
    }

    @FieldResolver(() => DockerHost)
    host(@Root() object: T, @Ctx() ctx: GraphQLContext) {
      return ctx.loaders.hostById.load(object.hostId);
    }
  }
  Object.defineProperty(InventoryResolver, 'name', { value: `${Type.name}Resolver` });
  return InventoryResolver;
}

export const ImageResolver = inventoryResolver('images', Image, ImageConnection, 'Images across your fleet, newest first');
export const NetworkResolver = inventoryResolver('networks', Network, NetworkConnection, 'Networks across your fleet');
export const VolumeResolver = inventoryResolver('volumes', Volume, VolumeConnection, 'Volumes across your fleet');
