import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { PrePullImageResult } from './image-prepull';
import { DeployStackInput, DeployStackPayload, RemoveStackPayload } from './stack.inputs';
import { StackView } from './stack.view';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;

@Resolver()
export class StackResolver {
  @Authorized(READ)
  @Query(() => [StackView], { description: 'The stacks of a cluster, as `docker stack ls` lists them (the namespaces of its services)' })
  swarmStacks(@Arg('clusterId', () => ID) clusterId: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stacks.list(principal, clusterId);
  }

  @Authorized(READ)
  @Query(() => StackView, { description: 'NOT_FOUND when the cluster has no object of this stack' })
  swarmStack(@Arg('clusterId', () => ID) clusterId: string, @Arg('name') name: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stacks.get(principal, clusterId, name);
  }

  @Authorized(MANAGE)
  @Mutation(() => DeployStackPayload, { description: 'docker stack deploy: creates or updates the stack in place; an unchanged file restarts nothing' })
  deployStack(@Arg('clusterId', () => ID) clusterId: string, @Arg('input') input: DeployStackInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stacks.deploy(principal, clusterId, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => RemoveStackPayload, { description: 'docker stack rm: its services, then secrets, configs, networks' })
  removeStack(@Arg('clusterId', () => ID) clusterId: string, @Arg('name') name: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stacks.remove(principal, clusterId, name);
  }

  @Authorized(MANAGE)
  @Mutation(() => PrePullImageResult, { description: 'Pulls an image on every node through the manager (a global job, removed afterwards), with the account\'s registry credentials; per node ok or the error' })
  prePullImage(
    @Arg('clusterId', () => ID) clusterId: string,
    @Arg('image') image: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('timeoutSeconds', () => Int, { nullable: true }) timeoutSeconds?: number | null,
  ) {
    return ctx.services.prePull.prePull(principal, clusterId, { image, timeoutSeconds });
  }
}
