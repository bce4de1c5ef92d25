import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import { readsTotalCount, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { hostScopedStream } from '../graphql/subscriptions';
import { DockerHost } from '../hosts/host.entity';
import { DockerEvent } from './event.entity';
import { DockerEventConnection, DockerEventFilterInput } from './event.inputs';
import { EventTopic } from './event.topics';

const READ = Permission.DockerHostsRead;

@Resolver(() => DockerEvent)
export class EventResolver {
  @Authorized(READ)
  @Query(() => DockerEventConnection, {
    description: 'Stored Docker events, newest first. The seed\'s post-operation check is `dockerEvents(filter: { severity: ERROR, since: $start }) { totalCount }`',
  })
  async dockerEvents(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => DockerEventFilterInput, { nullable: true }) filter?: DockerEventFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return toConnection(await ctx.services.inventory.events(principal, filter ?? {}, { first, after, counted: info && readsTotalCount(info) }));
  }

  @FieldResolver(() => DockerHost)
  host(@Root() event: DockerEvent, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.hostById.load(event.hostId);
  }

  @Authorized(READ)
  @Subscription(() => DockerEvent, {
    description: 'Docker events from your hosts as they are stored (exec events are not stored)',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      const wanted = (args.filter ?? {}) as DockerEventFilterInput;
      return hostScopedStream(
        ctx,
        wanted.hostId,
        (account) => ctx.services.pubsub.subscribe(EventTopic.Received, account),
        (e: DockerEvent) => e.hostId,
        (e) => (!wanted.type || e.type === wanted.type) && (!wanted.action || e.action === wanted.action) && (!wanted.severity || e.severity === wanted.severity),
      );
    },
  })
  dockerEventReceived(@Root() event: DockerEvent, @Arg('filter', () => DockerEventFilterInput, { nullable: true }) _filter?: DockerEventFilterInput | null): DockerEvent {
    return event;
  }
}
