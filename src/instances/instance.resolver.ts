import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Diagnosis } from '../health/diagnosis.view';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { ContainerInstance } from './instance.entity';
import { ContainerInstanceChangedFilterInput, ContainerInstanceConnection, ContainerInstanceFilterInput, RunContainerInstanceInput } from './instance.inputs';

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;
const DATES = ['createdAt', 'startedAt', 'finishedAt', 'deadlineAt', 'vaultRevokedAt'] as const;

@Resolver(() => ContainerInstance)
export class ContainerInstanceResolver {
  @Authorized(MANAGE)
  @Mutation(() => ContainerInstance, { description: 'Admitted against the account quota (QUOTA_EXCEEDED otherwise), judged by the workload policy on the host chosen, then driven PENDING → PROVISIONING → RUNNING → its end' })
  runContainerInstance(@Arg('input') input: RunContainerInstanceInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.instances.run(principal, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => ContainerInstance, { description: 'Stops the run (SIGTERM, SIGKILL after its grace period): CANCELLED' })
  cancelContainerInstance(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.instances.cancel(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => ContainerInstance, { description: 'An ended run again, as a new instance (retryOf names the old one): what it ran, its environment and task' })
  retryContainerInstance(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.instances.retry(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => ContainerInstance, { description: 'Revokes the run\'s Vault token now, by its accessor (also while it runs)' })
  cleanupVaultToken(@Arg('instanceId', () => ID) instanceId: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.instances.cleanupVaultToken(principal, instanceId);
  }

  @Authorized(READ)
  @Query(() => ContainerInstance, { description: 'NOT_FOUND when no run of your account has this id' })
  containerInstance(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.instances.get(principal, id);
  }

  @Authorized(READ)
  @Query(() => ContainerInstanceConnection, { description: 'The account\'s runs, newest first' })
  async containerInstances(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ContainerInstanceFilterInput, { nullable: true }) filter?: ContainerInstanceFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return toConnection(await ctx.services.instances.list(principal, filter ?? {}, { first, after }));
  }

  @FieldResolver(() => Diagnosis, { nullable: true, description: 'The runbook\'s troubleshooting row for this run (e.g. "container provisioning → never running"), from its facts and Vault probed now; null when it is fine' })
  diagnosis(@Root() instance: ContainerInstance, @Ctx() ctx: GraphQLContext) {
    return ctx.services.instances.diagnose(instance);
  }

  @Authorized(READ)
  @Subscription(() => ContainerInstance, {
    description: "The account's runs as they change (status, container, usage, violations)",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.instances.changes(ctx.principal!, (args.filter as ContainerInstanceChangedFilterInput | null) ?? {});
    },
  })
  containerInstanceChanged(@Root() payload: ContainerInstance, @Arg('filter', () => ContainerInstanceChangedFilterInput, { nullable: true }) _filter?: ContainerInstanceChangedFilterInput | null): ContainerInstance {
    // Through Redis the payload is JSON: dates are strings and the getters are gone; rebuilt as the type.
    const instance = Object.assign(new ContainerInstance(), payload);
    for (const key of DATES) if (payload[key]) (instance as unknown as Record<string, unknown>)[key] = new Date(payload[key] as unknown as string);
    instance.transitions = (payload.transitions ?? []).map((t) => ({ ...t, at: new Date(t.at) }));
    instance.violations = (payload.violations ?? []).map((v) => ({ ...v, detectedAt: new Date(v.detectedAt) }));
    if (payload.usage?.sampledAt) instance.usage = { ...payload.usage, sampledAt: new Date(payload.usage.sampledAt) };
    return instance;
  }
}
