import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Principal } from '../auth/principal';

/**
 * Subscriptions executed once per event for all the subscribers that would get the same answer: one event fanned out
 * to a thousand dashboards of an account ran the whole GraphQL execution a thousand times (B16). Subscribers share a
 * result only when everything it can depend on is the same: the same operation text, operation name and variables,
 * and the same principal (user, account, permissions: field authorization and account scoping read nothing else), for
 * the same event object (pubsub hands every local subscriber the one object it received). Anything else, including
 * an operation whose text is unknown, is executed on its own.
 */
export class SharedSubscriptions {
  private readonly texts = new WeakMap<DocumentNode, string>();
  private readonly results = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();

  /** Remembers the text a document was parsed from (the sharing key names the text, not the parsed object). */
  parsed(document: DocumentNode, text: string): void {
    this.texts.set(document, text);
  }

  /** graphql's `subscribe`, with each event's execution shared between subscribers of the same key. */
  subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = this.keyOf(args);
    const run = (event: unknown) => execute({ ...args, rootValue: event });
    return mapEvents(source, key === undefined ? run : (event) => this.shared(event, key, run));
  };

  private shared(event: unknown, key: string, run: (event: unknown) => Promise<ExecutionResult> | ExecutionResult): Promise<ExecutionResult> | ExecutionResult {
    if (event === null || typeof event !== 'object') return run(event);
    let byKey = this.results.get(event);
    if (!byKey) this.results.set(event, (byKey = new Map()));
    let result = byKey.get(key);
    if (result === undefined) byKey.set(key, (result = run(event)));
    return result;
  }

  private keyOf(args: ExecutionArgs): string | undefined {
    const text = this.texts.get(args.document);
    const principal = (args.contextValue as { principal?: Principal | null } | undefined)?.principal;
    if (text === undefined || !principal) return undefined;
    return JSON.stringify([principal.accountId, principal.userId, [...principal.permissions].sort(), args.operationName ?? null, args.variableValues ?? null, text]);
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/**
 * Maps a source stream to results, as graphql's own subscribe does: return() and throw() reach the source at once,
 * even while a next() is waiting for an event (an async generator would hold them until the next event came).
 */
function mapEvents<R>(source: AsyncIterable<unknown>, fn: (event: unknown) => Promise<R> | R): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const done = (): Promise<IteratorResult<R>> => Promise.resolve({ value: undefined, done: true });
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await iterator.next();
      return step.done ? { value: undefined, done: true } : { value: await fn(step.value), done: false };
    },
    async return() {
      await iterator.return?.();
      return done();
    },
    async throw(error: unknown) {
      if (iterator.throw) await iterator.throw(error);
      throw error;
    },
  };
}
