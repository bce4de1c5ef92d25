import { filter, pipe } from '@graphql-yoga/subscription';
import type { GraphQLContext } from './context';

/**
 * A subscription over the caller's account stream, optionally narrowed to one host: a foreign or unknown hostId is
 * NOT_FOUND before anything streams (like a missing host), and nothing of another account can arrive at all (the
 * topic itself is keyed by account).
 */
export async function hostScopedStream<T>(
  ctx: GraphQLContext,
  hostId: string | null | undefined,
  open: (accountId: string) => AsyncIterable<T>,
  hostOf: (payload: T) => string,
  keep: (payload: T) => boolean = () => true,
): Promise<AsyncIterable<T>> {
  const principal = ctx.principal!;
  if (hostId) await ctx.services.hosts.get(principal, hostId);
  return pipe(open(principal.accountId), filter((payload: T) => (!hostId || hostOf(payload) === hostId) && keep(payload)));
}
