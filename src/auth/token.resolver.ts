import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { Permission } from './permissions';
import type { Principal } from './principal';
import { TokenRevocation } from './token-revocation.entity';

@Resolver()
export class TokenResolver {
  @Authorized(Permission.AccountTokensRevoke)
  @Mutation(() => TokenRevocation, {
    description:
      'Refuses every token of this account issued before `before` (default: now; a cut-off only moves forward), on HTTP and on every WebSocket operation; open sockets holding such tokens are closed (4401). A token made in the same second as the cut-off is refused too.',
  })
  revokeTokens(@CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext, @Arg('before', () => Date, { nullable: true }) before?: Date | null) {
    return ctx.services.revocations.revoke(principal, before);
  }
}
