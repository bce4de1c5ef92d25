import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ALL_PERMISSIONS } from '../../src/auth/permissions';
import { TokenService } from '../../src/auth/token.service';
import { runNode, type RunningProcess } from './process';
import { newAccountId } from './harness';

/** A real server process (`node dist/src/main.js`), as an operator would run several behind a load balancer. */
export class Instance {
  private constructor(
    readonly name: string,
    readonly process: RunningProcess,
    readonly url: string,
  ) {}

  static async start(name: string, env: Record<string, string>): Promise<Instance> {
    const proc = runNode('dist/src/main.js', {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      JWT_SECRET: process.env.JWT_SECRET,
      ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
      ENCRYPTION_ACTIVE_KEY_ID: process.env.ENCRYPTION_ACTIVE_KEY_ID,
      DOCKER_TIMEOUT_MS: process.env.DOCKER_TIMEOUT_MS,
      INSTANCE_ID: name,
      ...env,
    });
    const [, url] = await proc.waitFor(/"url":"(http:\/\/[^"]+)"[^\n]*listening/);
    return new Instance(name, proc, url!);
  }

  async ok<R, V>(document: TypedDocumentNode<R, V>, variables: V, token: string): Promise<R> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(document), variables }),
      // Bounded: a process that accepted the connection but never answers (its database mid-restart) must fail this
      // call, so a poll around it (waitFor) tries again instead of hanging on one request forever. Generous: some
      // mutations answer only after real work (deployStack after its first apply).
      signal: AbortSignal.timeout(90_000),
    });
    const json = (await response.json()) as { data?: R; errors?: unknown[] };
    if (json.errors?.length || !json.data) throw new Error(`${this.name}: GraphQL errors: ${JSON.stringify(json.errors)}`);
    return json.data;
  }

  wsClient(token: string): Client {
    return createClient({ url: this.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: true });
  }

  /** A crash: no drain, no lease release. */
  async kill(): Promise<void> {
    this.process.child.kill('SIGKILL');
    await this.process.exited;
  }

  /** SIGTERM, and SIGKILL if it has not drained in 15 s (a hung child must not keep jest from exiting). */
  async stop(): Promise<number | null> {
    if (this.process.child.exitCode !== null || this.process.child.signalCode !== null) return this.process.child.exitCode;
    this.process.child.kill('SIGTERM');
    const timer = setTimeout(() => this.process.child.kill('SIGKILL'), 15_000);
    try {
      return await this.process.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A token the instances accept (they share JWT_SECRET with the test environment). */
export function instanceToken(accountId = newAccountId(), ttlSeconds = 600): Promise<string> {
  const tokens = new TokenService({ clockSkewSeconds: 30, maxLifetimeSeconds: 86_400, keys: { algorithm: 'HS256', secret: process.env.JWT_SECRET! } });
  return tokens.sign({ sub: 'operator', accountId, permissions: [...ALL_PERMISSIONS] }, ttlSeconds);
}
