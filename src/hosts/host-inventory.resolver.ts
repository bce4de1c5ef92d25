import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { selectedFields } from '../graphql/selection';
import { ContainerConnection, ContainerFilterInput } from '../containers/container.inputs';
import { CONTAINER_ORDER } from '../containers/container.repository';
import { pageOf } from '../db/pagination';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { HostHealth } from '../health/health.types';
import { ImageConnection, NetworkConnection, VolumeConnection } from '../inventory/inventory.inputs';
import type { InventoryObject } from '../inventory/inventory.entity';
import type { InventoryKind } from '../inventory/inventory.queries';
import { DockerHost, type HostRow } from './host.entity';

const NODE_PATHS = [['nodes'], ['edges', 'node']];

/** Container fields computed by resolvers, and the stored properties they read. */
const COMPUTED: Record<string, string[]> = {
  status: ['state', 'health', 'exitCode', 'startedAt', 'finishedAt'],
  host: ['hostId'],
};

const SORT_KEYS: Record<InventoryKind, keyof InventoryObject & string> = { images: 'createdAt' as never, networks: 'name' as never, volumes: 'dockerId' };

/**
 * A host's inventory as nested connections. Each goes through a per-request DataLoader, so `dockerHosts { nodes {
 * containers { ... } } }` costs the same few statements for 10 hosts or 500. The end cursor continues in the
 * fleet-wide query with `filter: { hostId }`.
 */
@Resolver(() => DockerHost)
export class HostInventoryResolver {
  @FieldResolver(() => ContainerConnection)
  async containers(
    @Root() host: HostRow,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ContainerFilterInput, { nullable: true }) filter?: ContainerFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ) {
    // Only the columns asked for: a dashboard listing names and states need not parse every container's JSON columns.
    const fields = [...selectedFields(info, NODE_PATHS)].flatMap((f) => COMPUTED[f] ?? (f.startsWith('__') ? [] : [f]));
    const properties = [...new Set(fields)].sort();
    const slice = await ctx.loaders.containerSlices.load({ hostId: host.id, filter: { ...(filter ?? {}), hostId: null }, first, properties });
    return toConnection(pageOf(slice.nodes, slice.totalCount, CONTAINER_ORDER.sortKey));
  }

  @FieldResolver(() => ImageConnection)
  images(@Root() host: HostRow, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return this.slice(ctx, 'images', host, first);
  }

  @FieldResolver(() => NetworkConnection)
  networks(@Root() host: HostRow, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return this.slice(ctx, 'networks', host, first);
  }

  @FieldResolver(() => VolumeConnection)
  volumes(@Root() host: HostRow, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return this.slice(ctx, 'volumes', host, first);
  }

  @FieldResolver(() => HostHealth, { description: "The seed's HealthMonitor for this host" })
  health(@Root() host: HostRow): HostHealth {
    return Object.assign(new HostHealth(), { host });
  }

  private async slice(ctx: GraphQLContext, kind: InventoryKind, host: HostRow, first?: number | null) {
    const slice = await ctx.loaders.inventorySlices.load({ kind, hostId: host.id, first });
    return toConnection(pageOf(slice.nodes, slice.totalCount, SORT_KEYS[kind]));
  }
}
