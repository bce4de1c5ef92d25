import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { createApp, type App } from '../../src/app';
import { ALL_PERMISSIONS } from '../../src/auth/permissions';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string } }>;
  status: number;
}

/** The real app (real PostgreSQL, real Docker adapter) on an ephemeral port, with every log line captured. */
export class TestServer {
  readonly logs: string[] = [];
  app!: App;
  url!: string;
  wsUrl!: string;

  /** `env` overrides the test environment, parsed by the real config loader (so derived settings follow). */
  static async start(env: Record<string, string> = {}): Promise<TestServer> {
    const server = new TestServer();
    const config = loadConfig({ ...process.env, ...env });
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        server.logs.push(chunk.toString());
        callback();
      },
    });
    server.app = await createApp({ config, logger: createLogger({ level: 'debug', destination }) });
    const { port } = await server.app.listen();
    server.url = `http://127.0.0.1:${port}/graphql`;
    server.wsUrl = `ws://127.0.0.1:${port}/graphql`;
    return server;
  }

  /** A token for a fresh account unless one is named: tests never share accounts. */
  token(options: { accountId?: string; permissions?: readonly string[]; sub?: string; ttlSeconds?: number } = {}): Promise<string> {
    return this.app.services.tokens.sign(
      { sub: options.sub ?? 'tester', accountId: options.accountId ?? newAccountId(), permissions: [...(options.permissions ?? ALL_PERMISSIONS)] },
      options.ttlSeconds ?? 600,
    );
  }

  async request<R, V>(document: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<GraphQLResponse<R>> {
    return this.post({ query: print(document), variables }, token);
  }

  async post<R = unknown>(body: unknown, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResponse<R>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const json = (await response.json()) as GraphQLResponse<R>;
    return { ...json, status: response.status };
  }

  /** Asserts the operation succeeded and returns its data. */
  async ok<R, V>(document: TypedDocumentNode<R, V>, variables: V, token: string): Promise<R> {
    const result = await this.request(document, variables, token);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  wsClient(connectionParams: Record<string, unknown>): Client {
    return createClient({ url: this.wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export function newAccountId(): string {
  return `acct-${randomUUID()}`;
}

/** The error code of the first error, for terse assertions. */
export function codeOf(result: GraphQLResponse<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
