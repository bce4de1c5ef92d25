import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, FieldResolver, Info, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import { Connection, readsTotalCount, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { DockerHost } from '../hosts/host.entity';
import { Activity, ActivityOutcome } from './activity.entity';

@InputType()
export class ActivityFilter {
  @Field(() => String, { nullable: true, description: 'Mutation name, e.g. registerDockerHost' })
  action?: string | null;

  @Field(() => ActivityOutcome, { nullable: true })
  outcome?: ActivityOutcome | null;

  @Field(() => String, { nullable: true })
  targetId?: string | null;

  @Field(() => Date, { nullable: true })
  since?: Date | null;
}

@ObjectType()
export class ActivityConnection extends Connection(Activity, 'Activity') {}

@Resolver(() => Activity)
export class ActivityResolver {
  @Authorized(Permission.DockerHostsRead, Permission.SwarmClustersRead)
  @Query(() => ActivityConnection, { description: "Your account's audit trail, newest first" })
  async activities(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter?: ActivityFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return toConnection(await ctx.services.activities.list(principal, filter ?? {}, { first, after, counted: info && readsTotalCount(info) }));
  }

  @Authorized(Permission.DockerHostsRead)
  @FieldResolver(() => DockerHost, { nullable: true, description: 'The host acted on, while it exists' })
  dockerHost(@Root() activity: Activity, @Ctx() ctx: GraphQLContext) {
    if (activity.targetType !== 'DockerHost' || !activity.targetId) return null;
    return ctx.loaders.hostById.load(activity.targetId);
  }
}
