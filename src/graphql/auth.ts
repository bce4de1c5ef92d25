import { createParameterDecorator, type AuthChecker } from 'type-graphql';
import type { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { DomainError, ErrorCode } from '../common/errors';
import type { GraphQLContext } from './context';

/**
 * `@Authorized(p1, p2)` means: an authenticated caller holding ANY of the listed permissions. It runs on every query,
 * mutation and subscription (type-graphql wraps `subscribe` too), so a socket's permissions are checked per operation.
 */
export const authChecker: AuthChecker<GraphQLContext, Permission> = ({ context }, required) => {
  const principal = context.principal;
  // The token was verified (exp included) when this operation's context was built, per request and per WS operation.
  if (!principal) throw context.authError ?? new DomainError(ErrorCode.UNAUTHENTICATED, 'authentication required');
  if (required.length > 0 && !required.some((p) => principal.permissions.has(p))) {
    throw new DomainError(ErrorCode.FORBIDDEN, `missing permission: ${required.join(' or ')}`);
  }
  return true;
};

/** The authenticated caller; only valid on fields guarded by @Authorized. */
export function CurrentPrincipal() {
  return createParameterDecorator<GraphQLContext>(({ context }) => context.principal as Principal);
}
