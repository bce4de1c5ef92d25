import { Arg, Authorized, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { liveDockerStream } from '../graphql/subscriptions';
import type { ServiceAnswer } from './service.manager';
import { SwarmService } from './service.entity';
import { SwarmLogLine, SwarmServiceLogs, SwarmServiceSpecInput, SwarmServiceUpdateInput } from './service.inputs';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;

/** The Engine's warnings of a mutation's answer, by the answered row (they are not stored: a read has none). */
const warningsOf = new WeakMap<object, string[]>();
async function answer(pending: Promise<ServiceAnswer>): Promise<SwarmService> {
  const { service, warnings } = await pending;
  warningsOf.set(service, warnings);
  return service;
}

/** Service operations (the seed's ServiceManager). `id` is our SwarmService id; answers are read back from the swarm. */
@Resolver(() => SwarmService)
export class ServiceOperationsResolver {
  @Authorized(MANAGE)
  @Mutation(() => SwarmService, { description: 'Creates a service from a typed spec (names of networks, secrets, configs resolved on the cluster); node-reaching settings need docker.hosts.privileged' })
  createSwarmService(@Arg('clusterId', () => ID) clusterId: string, @Arg('spec', () => SwarmServiceSpecInput) spec: SwarmServiceSpecInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return answer(ctx.services.swarmServices.create(principal, clusterId, spec));
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmService, { description: "Applies a patch onto the service's current spec, at its current version (retried when another writer got there first)" })
  updateSwarmService(@Arg('id', () => ID) id: string, @Arg('spec', () => SwarmServiceUpdateInput) spec: SwarmServiceUpdateInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return answer(ctx.services.swarmServices.update(principal, id, spec));
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmService, { description: 'Replicas of a replicated service (concurrency of a replicated job); BAD_USER_INPUT on global modes' })
  scaleSwarmService(@Arg('id', () => ID) id: string, @Arg('replicas', () => Int) replicas: number, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return answer(ctx.services.swarmServices.scale(principal, id, replicas));
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmService, { description: 'Replaces every task with the spec unchanged (a force update)' })
  redeploySwarmService(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return answer(ctx.services.swarmServices.redeploy(principal, id));
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmService, { description: "Docker's rollback to the previous spec (a second one goes forward again); CONFLICT when there is none" })
  rollbackSwarmService(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return answer(ctx.services.swarmServices.rollback(principal, id));
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'SwarmService' })
  @Mutation(() => ID, { description: 'Removes the service (its tasks stop); answers its id' })
  removeSwarmService(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.swarmServices.remove(principal, id);
  }

  @Authorized(READ)
  @Query(() => SwarmServiceLogs, { description: 'Log lines of all its tasks so far, each with its task, node and stream (1 MiB at most)' })
  swarmServiceLogs(
    @Arg('id', () => ID) id: string,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('tail', () => Int, { nullable: true, description: 'The last lines of each task' }) tail?: number | null,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
  ) {
    return ctx.services.swarmServices.logs(principal, id, { tail, since });
  }

  @Authorized(READ)
  @Subscription(() => SwarmLogLine, {
    description: "New log lines of a service's tasks as they are written (STREAM_LIMIT_REACHED past the live-stream limits)",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return liveDockerStream(ctx, () => ctx.services.swarmServices.followLogs(ctx.principal!, args.id as string));
    },
  })
  swarmServiceLogStream(@Root() line: SwarmLogLine, @Arg('id', () => ID) _id: string): SwarmLogLine {
    return line;
  }

  @FieldResolver(() => [String], { description: "What the Engine warned of in a mutation's answer (e.g. an image it could not pin to a digest); empty on reads" })
  warnings(@Root() service: SwarmService): string[] {
    return warningsOf.get(service) ?? [];
  }
}
