import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The typed client for script authors: every operation of the API as a typed document (./generated, from
 * ./operations/*.graphql) and the schema's types and enums (./schema.types), sent with `request` (HTTP POST) or
 * followed with `subscribe` (graphql-ws). Usage in README.md, "Scripting the API".
 */
export * from './generated';
export * from './schema.types';

export interface FleetClientOptions {
  /** The API's GraphQL URL, e.g. http://localhost:4000/graphql (the WebSocket URL is the same with ws:/wss:). */
  url: string;
  /** A bearer JWT (npm run token, or the development token `npm start` prints). */
  token: string;
  /** One request not answered by then fails (default 90 s: some mutations answer after real work). */
  timeoutMs?: number;
}

/** A GraphQL error answer: the first error's message, with its `extensions.code` and `extensions.field`. */
export class FleetRequestError extends Error {
  readonly code?: string;
  readonly field?: string;
  constructor(
    readonly operationName: string,
    readonly errors: ReadonlyArray<{ message: string; extensions?: { code?: string; field?: string } }>,
    readonly status: number,
  ) {
    const first = errors[0];
    super(`${operationName}: ${first?.message ?? `HTTP ${status}`}${first?.extensions?.code ? ` (${first.extensions.code}${first.extensions.field ? `, ${first.extensions.field}` : ''})` : ''}`);
    this.code = first?.extensions?.code;
    this.field = first?.extensions?.field;
  }
}

/** A live subscription: what arrived so far, a wait for the first matching message, and close. */
export interface FleetSubscription<R> {
  readonly received: readonly R[];
  /** Resolves with the first message (already received or arriving) that matches; rejects on timeout or stream error. */
  waitFor(predicate: (message: R) => boolean, options?: { timeoutMs?: number; what?: string }): Promise<R>;
  close(): void;
}

export class FleetClient {
  private ws?: Client;

  constructor(private readonly options: FleetClientOptions) {}

  /** Sends a query or mutation; resolves with its data, or throws FleetRequestError with the server's code and field. */
  async request<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
    const operationName = operationNameOf(document);
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
      body: JSON.stringify({ query: print(document), operationName, variables }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 90_000),
    });
    const text = await response.text();
    let json: { data?: R | null; errors?: FleetRequestError['errors'] };
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      throw new FleetRequestError(operationName, [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }], response.status);
    }
    if (json.errors?.length || !json.data) throw new FleetRequestError(operationName, json.errors ?? [], response.status);
    return json.data;
  }

  /** Starts a subscription (one WebSocket per client, opened on first use); messages are buffered from the start. */
  subscribe<R, V>(document: TypedDocumentNode<R, V>, variables: V): FleetSubscription<R> {
    this.ws ??= createClient({
      url: this.options.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.options.token}` },
      retryAttempts: 0,
      lazy: true,
    });
    const received: R[] = [];
    const waiters = new Set<{ predicate: (m: R) => boolean; resolve: (m: R) => void; reject: (e: Error) => void }>();
    let failure: Error | undefined;
    const fail = (error: Error) => {
      failure = error;
      for (const w of waiters) w.reject(error);
      waiters.clear();
    };
    const operationName = operationNameOf(document);
    const stop = this.ws.subscribe<R>(
      { query: print(document), operationName, variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors?.length) return fail(new FleetRequestError(operationName, result.errors as FleetRequestError['errors'], 200));
          const message = result.data as R;
          received.push(message);
          for (const w of [...waiters]) if (w.predicate(message)) (waiters.delete(w), w.resolve(message));
        },
        error: (error) => fail(error instanceof Error ? error : new Error(`${operationName}: subscription failed (${describeClose(error)})`)),
        complete: () => undefined,
      },
    );
    return {
      received,
      waitFor: (predicate, options = {}) => {
        const seen = received.find(predicate);
        if (seen !== undefined) return Promise.resolve(seen);
        if (failure) return Promise.reject(failure);
        return new Promise<R>((resolve, reject) => {
          const timeoutMs = options.timeoutMs ?? 30_000;
          const timer = setTimeout(() => (waiters.delete(waiter), reject(new Error(`${operationName}: no message ${options.what ?? 'matching'} within ${timeoutMs} ms`))), timeoutMs);
          const waiter = { predicate, resolve: (m: R) => (clearTimeout(timer), resolve(m)), reject: (e: Error) => (clearTimeout(timer), reject(e)) };
          waiters.add(waiter);
        });
      },
      close: stop,
    };
  }

  /** Closes the WebSocket, if one was opened. */
  async close(): Promise<void> {
    await this.ws?.dispose();
  }
}

function operationNameOf(document: DocumentNode): string {
  for (const definition of document.definitions) if (definition.kind === 'OperationDefinition' && definition.name) return definition.name.value;
  return 'anonymous';
}

function describeClose(event: unknown): string {
  const close = event as { code?: number; reason?: string };
  return close?.code ? `closed ${close.code} ${close.reason ?? ''}`.trim() : String(event);
}
