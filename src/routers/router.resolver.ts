import { Arg, Authorized, Ctx, Extensions, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { TrafficRoute, TrafficRouter } from './router.entity';
import { RegisterTrafficRouterInput, TrafficServerStatsView } from './router.inputs';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;

@Resolver(() => TrafficRouter)
export class TrafficRouterResolver {
  @Authorized(MANAGE)
  @Mutation(() => TrafficRouter, { description: 'Checks that its runtime API and master CLI answer (ROUTER_UNREACHABLE naming the endpoint otherwise), then stores it' })
  registerTrafficRouter(@Arg('input') input: RegisterTrafficRouterInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.routers.registerTrafficRouter(principal, input);
  }

  @Authorized(READ)
  @Query(() => [TrafficRouter])
  trafficRouters(@CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.routers.list(principal);
  }

  @Authorized(READ)
  @Query(() => TrafficRouter, { description: 'NOT_FOUND when no router of your account has this id' })
  trafficRouter(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.routers.get(principal, id);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'TrafficRouter' })
  @Mutation(() => ID, { description: 'Forgets the router and its routes (HAProxy keeps running as it is); returns its id' })
  deleteTrafficRouter(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.routers.delete(principal, id);
  }

  @Authorized(READ)
  @Query(() => [TrafficRoute], { description: "A router's routes with their stored servers and weights" })
  trafficRoutes(@Arg('routerId', () => ID) routerId: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.routers.routes(principal, routerId);
  }

  @Authorized(READ)
  @Query(() => [TrafficServerStatsView], { description: "Live per-server counters of a route, read from the router's runtime API" })
  trafficRouteStats(@Arg('routeId', () => ID) routeId: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.routers.routeStats(principal, routeId);
  }
}
