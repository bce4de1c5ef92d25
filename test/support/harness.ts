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
import { Client as PgClient } from 'pg';
import { TEST_DATABASE_URL } from './setup-env';
import type Docker from 'dockerode';
import { ContainersDocument, DockerHostEnvironment, RegisterDockerHostDocument } from '../generated/graphql';
import { dockerPsA, loadFleet } from './fleet';
import { waitFor } from './wait';

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

  private dropDatabase?: () => Promise<void>;
  private started?: { config: ReturnType<typeof loadConfig>; logger: ReturnType<typeof createLogger> };

  /**
   * A server running the sync engine (leases, event streams), on a database of its own: its worker claims every host
   * in its database. Fast ticks and short leases, so tests wait on conditions for seconds, not minutes.
   */
  static syncing(env: Record<string, string> = {}, options: { logLevel?: 'debug' | 'info' | 'warn' | 'silent' } = {}): Promise<TestServer> {
    return TestServer.start({ SYNC_WORKER_ENABLED: 'true', SYNC_TICK_SECONDS: '1', SYNC_LEASE_SECONDS: '5', ...env }, { ...options, isolatedDatabase: true });
  }

  /**
   * `env` overrides the test environment, parsed by the real config loader (so derived settings follow).
   * `isolatedDatabase` gives the server a database of its own (dropped on close): a sync worker claims every host in
   * its database, and must not pick up other test files' hosts.
   */
  static async start(env: Record<string, string> = {}, options: { isolatedDatabase?: boolean; logLevel?: 'debug' | 'info' | 'warn' | 'silent'; embeddedDataDir?: string } = {}): Promise<TestServer> {
    const server = new TestServer();
    if (options.isolatedDatabase && !env.DATABASE_URL && !options.embeddedDataDir) {
      const isolated = await createIsolatedDatabase();
      env = { ...env, DATABASE_URL: isolated.url };
      server.dropDatabase = isolated.drop;
    }
    const merged: Record<string, string | undefined> = { ...process.env, ...env };
    // `embeddedDataDir`: the `npm start` default, no DATABASE_URL, so the app runs its embedded PGlite in that folder.
    if (options.embeddedDataDir) Object.assign(merged, { DATABASE_URL: undefined, EMBEDDED_DATA_DIR: options.embeddedDataDir });
    const config = loadConfig(merged);
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        server.logs.push(chunk.toString());
        callback();
      },
    });
    server.started = { config, logger: createLogger({ level: options.logLevel ?? 'debug', destination }) };
    server.app = await createApp(server.started);
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

  /**
   * Stops the API as a deploy or crash-restart would (its WebSockets close), runs `meanwhile`, then starts it again on
   * the same port and database with the same settings: clients reconnect to the same address.
   */
  async restart(meanwhile: () => Promise<unknown> = async () => undefined): Promise<void> {
    await this.app.close();
    try {
      await meanwhile();
    } finally {
      // Started again whatever `meanwhile` did, so close() after a failed test closes a running app, not a closed one.
      this.app = await createApp({ ...this.started!, config: { ...this.started!.config, PORT: Number(new URL(this.url).port) } });
      await this.app.listen();
    }
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase?.();
  }
}

/** A new empty database on the test PostgreSQL server; the app migrates it on start. */
export async function createIsolatedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(TEST_DATABASE_URL);
  const name = `${base.pathname.slice(1)}_${randomUUID().slice(0, 8)}`;
  const admin = async (sql: string) => {
    const client = new PgClient({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  return { url: Object.assign(new URL(base), { pathname: `/${name}` }).toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

export function newAccountId(): string {
  return `acct-${randomUUID()}`;
}

/** The error code of the first error, for terse assertions. */
export function codeOf(result: GraphQLResponse<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** The stored inventory of one host as `name -> { state, exitCode }`, the shape `dockerPsA` gives for Docker's. */
export async function inventoryOf(server: TestServer, token: string, hostId: string): Promise<Record<string, { state: string; exitCode: number | null }>> {
  const { containers } = await server.ok(ContainersDocument, { filter: { hostId }, first: 500 }, token);
  return Object.fromEntries(containers.nodes.map((c) => [c.name, { state: c.state, exitCode: c.exitCode }]));
}

/** Waits until the stored inventory of the host equals what Docker itself says (`docker ps -a`). */
export async function expectInventoryToMatch(server: TestServer, token: string, hostId: string, docker: Docker, options: { timeoutMs?: number } = {}): Promise<void> {
  // Docker is read again on every poll: a container still finishing must not pin an old answer.
  let [expected, actual] = ['', ''];
  await waitFor(async () => {
    expected = canonical(await dockerPsA(docker));
    actual = canonical(await inventoryOf(server, token, hostId));
    return actual === expected;
  }, { what: 'the inventory to equal docker ps -a', ...options }).catch((error: Error) => {
    throw new Error(`${error.message}\nexpected ${expected}\nactual   ${actual}`);
  });
}

function canonical(record: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Registers one of the real fleet's hosts for the token's account (an hour-long interval: events, not polling). */
export async function registerFleetHost(server: TestServer, token: string, which: 'socket' | 'tcp' | 'tls', name = `fleet-${which}`): Promise<string> {
  const fleet = loadFleet();
  const apiEndpoint = { socket: fleet.socketEndpoint, tcp: fleet.tcpEndpoint, tls: fleet.tlsEndpoint }[which];
  const input = { name, apiEndpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600, ...(which === 'tls' ? { tlsCredentials: fleet.tls } : {}) };
  return (await server.ok(RegisterDockerHostDocument, { input }, token)).registerDockerHost.id;
}
