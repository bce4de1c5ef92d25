import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Diagnosis } from '../health/diagnosis.view';
import { diagnoseStack } from './stack.diagnosis';
import type { OperationProgressMessage } from '../operations/operation.topics';
import { StackOperation } from './stack-operation.entity';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { PrePullImageResult } from './image-prepull';
import { RemoveStackPayload, StackProgressMessage } from './stack.inputs';
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
  @Query(() => StackOperation, { description: 'A stack deploy or removal, running or ended' })
  stackOperation(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stacks.operation(principal, id);
  }

  @Authorized(READ)
  @Subscription(() => StackProgressMessage, {
    description: "The operation's state now, then each object as it is done, ending with a message where done is true",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.stacks.progress(ctx.principal!, args.operationId as string);
    },
  })
  stackOperationProgress(@Root() message: OperationProgressMessage, @Arg('operationId', () => ID) _operationId: string): OperationProgressMessage {
    return message;
  }

  @Authorized(READ)
  @Query(() => StackView, { description: 'NOT_FOUND when the cluster has no object of this stack' })
  swarmStack(@Arg('clusterId', () => ID) clusterId: string, @Arg('name') name: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.stacks.get(principal, clusterId, name);
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

@Resolver(() => StackView)
export class StackViewResolver {
  @FieldResolver(() => Diagnosis, { nullable: true, description: 'The runbook\'s troubleshooting row for this stack ("stack deploy fails with service convergence"): the failing tasks per node with their errors, image pull failures with prePullImage; null while it converges or has converged' })
  diagnosis(@Root() stack: StackView): Diagnosis | null {
    return diagnoseStack(stack);
  }
}
