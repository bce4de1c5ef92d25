import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws/client';

/** A codegen'd document (web/generated): its text, typed by its result and variables. */
export type Document<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

export type LinkStatus = 'connecting' | 'live' | 'closed';

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; field?: string };
}

/** An answer's errors as one line a user can act on: code, field, message. */
export class ApiError extends Error {
  readonly code?: string;
  constructor(errors: readonly GraphQLErrorLike[]) {
    const first = errors[0];
    const code = first?.extensions?.code;
    const field = first?.extensions?.field;
    super([code, field && `(${field})`, first?.message ?? 'request failed'].filter(Boolean).join(' '));
    this.code = code;
  }
}

/**
 * One graphql-ws connection per signed-in tab: queries, mutations and every live feed share it. The token goes in
 * connectionParams only (never in a URL). A refused token (4401/4403) is final; anything else reconnects, and the
 * graphql-ws client subscribes again by itself.
 */
export class Session {
  private readonly client: Client;

  constructor(token: string, on: { status(status: LinkStatus, reason?: string): void; reconnected(): void }) {
    let connections = 0;
    this.client = createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: Number.MAX_SAFE_INTEGER,
      shouldRetry: (event) => !isRefusal(event),
      on: {
        connecting: () => on.status('connecting'),
        connected: () => {
          on.status('live');
          if (++connections > 1) on.reconnected();
        },
        closed: (event) => on.status('closed', isRefusal(event) ? (event as CloseEvent).reason || 'token refused' : undefined),
      },
    });
  }

  /** A query or mutation: its data, or an ApiError. */
  request<R, V>(document: Document<R, V>, variables: V): Promise<R> {
    return new Promise((resolve, reject) => {
      let data: R | undefined;
      this.client.subscribe<R>(
        { query: document.toString(), variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            if (result.errors?.length) reject(new ApiError(result.errors));
            else data = result.data ?? undefined;
          },
          error: (error) => reject(error instanceof Error ? error : new ApiError(Array.isArray(error) ? error : [{ message: 'connection closed' }])),
          complete: () => (data === undefined ? reject(new ApiError([{ message: 'no data' }])) : resolve(data)),
        },
      );
    });
  }

  /** A subscription: each message's data to `next`; returns the unsubscribe. */
  live<R, V>(document: Document<R, V>, variables: V, next: (data: R) => void, fail: (error: Error) => void): () => void {
    return this.client.subscribe<R>(
      { query: document.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => (result.errors?.length ? fail(new ApiError(result.errors)) : result.data && next(result.data)),
        error: (error) => fail(error instanceof Error ? error : new ApiError(Array.isArray(error) ? error : [{ message: 'connection closed' }])),
        complete: () => undefined,
      },
    );
  }

  close(): void {
    void this.client.dispose();
  }
}

function isRefusal(event: unknown): boolean {
  const code = (event as { code?: number } | null)?.code;
  return code === 4401 || code === 4403;
}
