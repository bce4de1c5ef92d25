import { filter, pipe } from '@graphql-yoga/subscription';
import { holdingSlot } from '../common/stream-limits';
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

/**
 * A live Docker stream for a subscription, within the per-socket and per-account limits: the slot is taken before
 * the Engine is asked and given back when the stream ends or the subscriber leaves.
 */
export async function liveDockerStream<T>(ctx: GraphQLContext, open: () => Promise<AsyncIterator<T>>): Promise<AsyncIterableIterator<T>> {
  const release = ctx.services.streams.acquire(ctx.principal!.accountId, ctx.connectionId ?? ctx.requestId);
  try {
    return holdingSlot(await open(), release);
  } catch (error) {
    release();
    throw error;
  }
}
