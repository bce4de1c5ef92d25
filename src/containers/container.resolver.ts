import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { hostScopedStream } from '../graphql/subscriptions';
import { DockerHost } from '../hosts/host.entity';
import { Container, type ContainerRow } from './container.entity';
import { ContainerConnection, ContainerFilterInput, ContainerStateChange } from './container.inputs';
import { describeStatus } from './container.status';
import { ContainerTopic, type ContainerStateChangePayload } from './container.topics';

const READ = Permission.DockerHostsRead;

@Resolver(() => Container)
export class ContainerResolver {
  @Authorized(READ)
  @Query(() => ContainerConnection, { description: 'Containers across your fleet, as last synced' })
  async containers(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ContainerFilterInput, { nullable: true }) filter?: ContainerFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return toConnection(await ctx.services.inventory.containerPage(principal, filter ?? {}, { first, after }));
  }

  @Authorized(READ)
  @Query(() => Container, { nullable: true, description: 'NOT_FOUND when no container of your account has this id' })
  container(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.inventory.container(principal, id);
  }

  @FieldResolver(() => DockerHost)
  host(@Root() container: ContainerRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.hostById.load(container.hostId);
  }

  @FieldResolver(() => String, { description: 'Docker-style status, e.g. "Up 5 minutes (healthy)", "Exited (1) 2 hours ago"' })
  status(@Root() container: ContainerRow): string {
    return describeStatus(container);
  }

  @Authorized(READ)
  @Subscription(() => ContainerStateChange, {
    description: 'State changes of containers on your hosts (or one host), as Docker reports them',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return hostScopedStream(ctx, args.hostId as string | null, (account) => ctx.services.pubsub.subscribe(ContainerTopic.StateChanged, account), (change: ContainerStateChangePayload) => change.hostId);
    },
  })
  containerStateChanged(@Root() change: ContainerStateChangePayload, @Arg('hostId', () => ID, { nullable: true }) _hostId?: string | null): ContainerStateChangePayload {
    return change;
  }
}
