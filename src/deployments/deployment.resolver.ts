import { Arg, Authorized, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { StackView } from '../stacks/stack.view';
import { SwarmService } from '../swarm/service.entity';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { toConnection } from '../graphql/connection';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { DeployStackInput, DeployStackPayload } from '../stacks/stack.inputs';
import { Deployment } from './deployment.entity';
import { DeploymentStep } from './deployment-step.entity';
import { DeploymentChangedFilterInput, DeploymentConnection, DeploymentPlanView, DeploymentFilterInput, DeploymentOptionsInput, strategyOptions } from './deployment.inputs';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;
/** The activity of a mutation that records a revision names the new deployment as its target. */
const MADE_DEPLOYMENT = { auditTarget: 'Deployment', auditTargetField: 'deployment' };

@Resolver()
export class DeploymentResolver {
  @Authorized(READ)
  @Query(() => DeploymentConnection, { description: 'Every revision of the account\'s stacks, newest first' })
  async deployments(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => DeploymentFilterInput, { nullable: true }) filter?: DeploymentFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return toConnection(await ctx.services.deployments.list(principal, filter ?? {}, { first, after }));
  }

  @Authorized(READ)
  @Query(() => Deployment)
  deployment(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.deployments.get(principal, id);
  }

  @Authorized(READ)
  @Query(() => DeploymentPlanView, { description: 'What deployStack with this input would change: per-service spec differences, tasks that restart, keys ignored, images pulled' })
  planDeployment(@Arg('clusterId', () => ID) clusterId: string, @Arg('input') input: DeployStackInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.deploymentPlanner.plan(principal, clusterId, input);
  }

  @Authorized(MANAGE)
  @Extensions(MADE_DEPLOYMENT)
  @Mutation(() => DeployStackPayload, { description: 'docker stack deploy as the next revision of the stack, through its strategy; answered once the first writes are done, the rollout goes on (deploymentProgress)' })
  deployStack(
    @Arg('clusterId', () => ID) clusterId: string,
    @Arg('input') input: DeployStackInput,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('deployment', () => DeploymentOptionsInput, { nullable: true }) deployment?: DeploymentOptionsInput | null,
  ) {
    return ctx.services.deployments.deployStack(principal, clusterId, { ...input, ...strategyOptions(deployment) });
  }

  @Authorized(MANAGE)
  @Extensions(MADE_DEPLOYMENT)
  @Mutation(() => DeployStackPayload, { description: 'That revision again, exactly (its specs and pinned digests, not "latest"), as a new revision' })
  redeployDeployment(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext, @Arg('deployment', () => DeploymentOptionsInput, { nullable: true }) deployment?: DeploymentOptionsInput | null) {
    // No options given: the strategy is chosen by the stack (a blue/green stack goes on switching colors).
    return ctx.services.deployments.redeploy(principal, id, deployment ? strategyOptions(deployment) : {});
  }

  @Authorized(MANAGE)
  @Extensions(MADE_DEPLOYMENT)
  @Mutation(() => DeployStackPayload, { description: 'The whole stack back to a revision (default: the newest one that succeeded before what runs now)' })
  rollbackStack(@Arg('clusterId', () => ID) clusterId: string, @Arg('name') name: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext, @Arg('toRevision', () => Int, { nullable: true }) toRevision?: number | null) {
    return ctx.services.deployments.rollbackStack(principal, clusterId, name, toRevision);
  }

  @Authorized(MANAGE)
  @Mutation(() => Deployment, { description: 'Ends a pause of a blue/green or canary deployment (switches traffic, or goes to the next step)' })
  promoteDeployment(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.deployments.request(principal, id, 'PROMOTE');
  }

  @Authorized(MANAGE)
  @Mutation(() => Deployment, { description: 'Stops a running deployment and returns the stack to its previous good revision' })
  abortDeployment(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.deployments.request(principal, id, 'ABORT');
  }

  @Authorized(READ)
  @Subscription(() => DeploymentStep, {
    description: 'Every step after `after` (the last seq a client saw; 0 for all), then each as it happens, ending after the final status: resumable without gaps or duplicates',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.deployments.progress(ctx.principal!, args.id as string, (args.after as number | null) ?? 0);
    },
  })
  deploymentProgress(@Root() step: DeploymentStep, @Arg('id', () => ID) _id: string, @Arg('after', () => Int, { nullable: true }) _after?: number | null): DeploymentStep {
    return step;
  }

  @Authorized(READ)
  @Subscription(() => Deployment, {
    description: "The account's deployments as they change",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.deployments.changes(ctx.principal!, (args.filter as DeploymentChangedFilterInput | null) ?? {});
    },
  })
  deploymentChanged(@Root() deployment: Deployment, @Arg('filter', () => DeploymentChangedFilterInput, { nullable: true }) _filter?: DeploymentChangedFilterInput | null): Deployment {
    return { ...deployment, createdAt: new Date(deployment.createdAt), startedAt: deployment.startedAt ? new Date(deployment.startedAt) : null, finishedAt: deployment.finishedAt ? new Date(deployment.finishedAt) : null, deadlineAt: deployment.deadlineAt ? new Date(deployment.deadlineAt) : null } as Deployment;
  }
}

@Resolver(() => Deployment)
export class DeploymentStateResolver {
  @FieldResolver(() => String, { nullable: true, description: 'How a blue/green or canary moves traffic: router, replica-ratio (canary without a router) or network-alias (blue/green without one); null for rolling' })
  trafficMode(@Root() deployment: Deployment): string | null {
    const mode = deployment.state?.trafficMode;
    return typeof mode === 'string' ? mode : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The strategy's current phase (stored at each one: a resumed run continues there)" })
  phase(@Root() deployment: Deployment): string | null {
    const phase = deployment.state?.phase;
    return typeof phase === 'string' ? phase : null;
  }
}

@Resolver(() => StackView)
export class StackRevisionResolver {
  @FieldResolver(() => Deployment, { nullable: true, description: 'Its latest revision (running, or how it ended); null for a stack never deployed through this API' })
  revision(@Root() stack: StackView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.stackRevision.load({ clusterId: stack.clusterId, stack: stack.name });
  }
}

@Resolver(() => SwarmService)
export class ServiceRevisionResolver {
  @FieldResolver(() => Deployment, { nullable: true, description: "The latest revision of its stack; null outside a stack or before any deployment through this API" })
  revision(@Root() service: SwarmService, @Ctx() ctx: GraphQLContext) {
    return service.stack ? ctx.loaders.stackRevision.load({ clusterId: service.clusterId, stack: service.stack }) : null;
  }
}
