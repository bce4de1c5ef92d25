import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import type { Client } from 'graphql-ws';

export type Subscription<R> = AsyncIterableIterator<ExecutionResult<R>>;

export function subscribe<R, V>(client: Client, document: TypedDocumentNode<R, V>, variables: V): Subscription<R> {
  return client.iterate({ query: print(document), variables: variables as Record<string, unknown> }) as Subscription<R>;
}

/**
 * Waits for the next event while re-running `trigger` until one arrives. A subscription is registered on the server
 * some time after the client sends it, and nothing tells the client when: re-triggering an idempotent change is a
 * condition to wait on, where a sleep would be a guess. Bounded: fails after `attempts` triggers.
 */
export async function nextEvent<R>(subscription: Subscription<R>, trigger: () => Promise<unknown>, attempts = 50): Promise<ExecutionResult<R>> {
  const next = subscription.next();
  let done = false;
  next.then(() => (done = true), () => (done = true));
  for (let i = 0; i < attempts && !done; i++) {
    await trigger();
    await Promise.race([next, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  if (!done) throw new Error(`no subscription event after ${attempts} triggers`);
  const result = await next;
  if (result.done) throw new Error('subscription ended without an event');
  return result.value;
}
