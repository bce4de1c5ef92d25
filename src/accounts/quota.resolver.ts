import { Arg, Authorized, Ctx, Extensions, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { AccountQuotaView, SetAccountQuotaInput } from './quota.types';

@Resolver(() => AccountQuotaView)
export class AccountQuotaResolver {
  @Authorized(Permission.DockerHostsRead, Permission.AccountQuotasManage)
  @Query(() => AccountQuotaView, { description: "The calling account's limits and what its admitted container instances use now" })
  accountQuota(@CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.quotas.get(principal);
  }

  @Authorized(Permission.AccountQuotasManage)
  @Extensions({ auditTarget: 'AccountQuota' })
  @Mutation(() => AccountQuotaView, { description: "Replaces the calling account's limits (null: no limit). Runs already admitted keep running" })
  setAccountQuota(@Arg('input') input: SetAccountQuotaInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.quotas.set(principal, input);
  }
}
