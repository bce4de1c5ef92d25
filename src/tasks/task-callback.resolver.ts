import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { TaskCallbackDeliveryConnection, TaskCallbackDeliveryFilterInput, TaskCallbackSecretRotation } from './task-callback.inputs';

@Resolver()
export class TaskCallbackResolver {
  @Authorized(Permission.DockerHostsRead)
  @Query(() => TaskCallbackDeliveryConnection, { description: "The account's linked-task result deliveries, newest first" })
  async taskCallbackDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => TaskCallbackDeliveryFilterInput, { nullable: true }) filter?: TaskCallbackDeliveryFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return toConnection(await ctx.services.taskCallbacks.list(principal, filter ?? {}, { first, after }));
  }

  @Authorized(Permission.DockerHostsRead, Permission.AccountCallbacksManage)
  @Query(() => Boolean, { description: 'Whether the account has a callback signing secret (it is never returned but by rotateTaskCallbackSecret)' })
  taskCallbackSecretSet(@CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.taskCallbacks.secretSet(principal);
  }

  /**
   * Audited like every mutation. Answers an object rather than a bare String: the audit takes a scalar answer for
   * the target id, and the secret must not land in the activity log.
   */
  @Authorized(Permission.AccountCallbacksManage)
  @Mutation(() => TaskCallbackSecretRotation, { description: 'A new signing secret for task callbacks, answered once; every send from now on is signed with it' })
  rotateTaskCallbackSecret(@CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.taskCallbacks.rotateSecret(principal);
  }
}
