import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Principal } from '../auth/principal';
import { isBefore } from '../auth/token-revocations';
import { bearerToken } from '../auth/token.service';
import type { Config } from '../config/config';
import { authenticate, buildContext, type GraphQLContext, type Services } from '../graphql/context';
import { createErrorFormatter, errorCodeOf } from '../graphql/errors';
import { createExecutor, executorGateway } from '../graphql/executor';
import { operationLimits, pageSizeCostErrors, parseBounded, parseOptions, type OperationLimits } from '../graphql/limits';
import { SharedSubscriptions } from '../graphql/shared-subscribe';
import type { Logger } from '../log/logger';
import { restRouter } from '../rest/rest.router';
import { requestIdOf } from './request-id';
import { explorerPage } from './explorer';
import type { Metrics } from '../metrics/metrics';
import { metricsRoute } from '../metrics/metrics.route';
import { fleetPage } from './fleet-page';

export interface GraphQLServer {
  httpServer: http.Server;
  close(): Promise<void>;
}

/**
 * HTTP POST /graphql (Apollo) and WebSocket /graphql (graphql-transport-ws) on one port, sharing the schema, the
 * operation limits, the error formatter and the authentication code. Probes: /healthz (process up), /readyz (database).
 */
export async function createGraphQLServer(options: {
  config: Config;
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  metrics: Metrics;
  isReady: () => Promise<boolean>;
}): Promise<GraphQLServer> {
  const { config, schema, services, logger, metrics } = options;
  const formatError = createErrorFormatter({ production: config.production, logger });
  const limits: OperationLimits = {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxCost: config.GRAPHQL_MAX_COST,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxFields: config.GRAPHQL_MAX_FIELDS,
    maxDuplicateFields: config.GRAPHQL_MAX_DUPLICATE_FIELDS,
  };
  const rules = operationLimits(limits);

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const ready = await options.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.get('/metrics', metricsRoute(metrics, { token: config.METRICS_TOKEN, production: config.production }));
  // A client must send its whole request within REQUEST_TIMEOUT_MS (slow bodies hold a socket and a parser otherwise).
  const httpServer = http.createServer({ requestTimeout: config.REQUEST_TIMEOUT_MS, headersTimeout: Math.min(config.REQUEST_TIMEOUT_MS, 60_000) }, app);

  // The same size cap as HTTP bodies (ws would otherwise read 100 MiB frames, even before authentication).
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: config.bodyLimitBytes });
  const sockets = new SocketsByAccount();
  const stopRevocations = services.revocations.onRevoked((accountId, before) => sockets.closeIssuedBefore(accountId, before));
  // Apollo turns introspection off itself; graphql-ws validates with exactly the rules given here.
  const wsRules = [...specifiedRules, ...rules, ...(config.production ? [NoSchemaIntrospectionCustomRule] : [])];
  // One execution per event for the subscribers of one principal asking the same operation (see shared-subscribe.ts).
  const shared = new SharedSubscriptions();
  const wsServerCleanup = useServer<{ authorization?: unknown }>(
    {
      schema,
      subscribe: shared.subscribe,
      // Parsed with the token cap and shape-checked before validation, as on HTTP; returning the arguments means
      // graphql-ws neither parses nor validates again.
      onSubscribe: (_ctx, _id, payload) => {
        const parsed = parseBounded(payload.query, limits);
        if ('errors' in parsed) return parsed.errors;
        const errors = validate(schema, parsed.document, wsRules);
        if (errors.length > 0) return errors;
        const costly = pageSizeCostErrors(schema, parsed.document, payload.variables, limits, payload.operationName);
        if (costly.length > 0) return [...costly];
        shared.parsed(parsed.document, payload.query);
        return { schema, document: parsed.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onConnect: async (ctx) => {
        const auth = await authenticate(services, bearerToken(ctx.connectionParams?.authorization));
        if (!auth.principal) {
          // 4401, not graphql-ws's default 4403: clients must tell "log in again" from "not allowed".
          ctx.extra.socket.close(4401, `Unauthorized: ${auth.authError?.message ?? 'invalid token'}`);
          return false;
        }
        closeAtExpiry(ctx.extra.socket, auth.principal.expiresAt);
        sockets.add(ctx.extra.socket, auth.principal);
        return true;
      },
      // Built per operation: permissions are checked on every subscribe, and each gets fresh loaders.
      context: async (ctx) =>
        buildContext({
          services,
          logger,
          requestId: randomUUID(),
          auth: await authenticate(services, bearerToken(ctx.connectionParams?.authorization)),
          live: true,
          connectionId: connectionIdOf(ctx.extra.socket),
        }),
      // Counted open until the stream ends, however it ends.
      onOperation: (_ctx, _id, _payload, _args, result) => (isAsyncIterator(result) ? metrics.subscriptionOpened(result) : undefined),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : result,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    // Queries and mutations run compiled (graphql-jit, see executor.ts); subscriptions stay on graphql-ws's execute.
    gateway: executorGateway(schema, createExecutor(schema)),
    validationRules: rules,
    introspection: !config.production, // field suggestions are cut by formatError, for HTTP and WS alike
    includeStacktraceInErrorResponses: false,
    // Off: a request carrying only a persisted query's hash would reach execution without the page-size pricing that
    // boundedOperations gives every query text (and no client of ours sends them).
    persistedQueries: false,
    csrfPrevention: true,
    // main.ts owns shutdown. Apollo's own handlers (installed unless NODE_ENV=test) stop it and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError,
    parseOptions: parseOptions(limits),
    // No Sandbox from Apollo's CDN (telemetry, blank offline): GET /graphql in a browser is our own page (explorer.ts).
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), requestLogging(metrics)],
  });
  await apollo.start();

  // The live fleet page (web/, built into dist/web) at / for browsers; JSON clients get what they got before.
  app.use(fleetPage());

  // The runbook's REST paths, over the same services (src/rest).
  app.use('/api/v1', restRouter({ services, logger, bodyLimit: config.BODY_LIMIT }));

  app.use(
    '/graphql',
    explorerPage(),
    express.json({ limit: config.BODY_LIMIT }),
    (req, res, next) => {
      res.setHeader('x-request-id', requestIdOf(req.header('x-request-id')));
      next();
    },
    boundedOperations(schema, limits, formatError, logger),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(res.getHeader('x-request-id'));
        const auth = await authenticate(services, bearerToken(req.header('authorization')));
        return buildContext({ services, logger, requestId, auth });
      },
    }),
  );
  // Oversized or malformed JSON bodies: a GraphQL-shaped error instead of express's HTML page.
  app.use((error: { status?: number; type?: string; message: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!error.status || error.status >= 500) return next(error);
    const code = error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    res.status(error.status).json({ errors: [{ message: error.message, extensions: { code } }] });
  });

  return {
    httpServer,
    async close() {
      stopRevocations();
      await wsServerCleanup.dispose();
      await apollo.stop(); // the drain plugin stops accepting, then waits for in-flight requests
    },
  };
}

/** A socket outlives its token otherwise. setTimeout overflows past 24.8 days, so long tokens re-arm the timer. */
function closeAtExpiry(socket: WebSocket, expiresAt: number): void {
  const MAX_DELAY = 2 ** 31 - 1;
  let timer: NodeJS.Timeout;
  const arm = () => {
    const remaining = expiresAt * 1000 - Date.now();
    if (remaining <= 0) socket.close(4401, 'Token expired');
    else timer = setTimeout(arm, Math.min(remaining, MAX_DELAY));
  };
  arm();
  socket.once('close', () => clearTimeout(timer));
}

/** Open sockets by account, so a revocation closes those whose token it now refuses (on whichever instance). */
class SocketsByAccount {
  private readonly byAccount = new Map<string, Map<WebSocket, Principal>>();

  add(socket: WebSocket, principal: Principal): void {
    const sockets = this.byAccount.get(principal.accountId) ?? new Map<WebSocket, Principal>();
    this.byAccount.set(principal.accountId, sockets.set(socket, principal));
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.byAccount.get(principal.accountId) === sockets) this.byAccount.delete(principal.accountId);
    });
  }

  closeIssuedBefore(accountId: string, before: Date): void {
    for (const [socket, principal] of this.byAccount.get(accountId) ?? []) {
      if (isBefore(principal, before.getTime())) socket.close(4401, 'Token revoked');
    }
  }
}

const connectionIds = new WeakMap<WebSocket, string>();
function connectionIdOf(socket: WebSocket): string {
  let id = connectionIds.get(socket);
  if (!id) connectionIds.set(socket, (id = randomUUID()));
  return id;
}

/** One log line per operation: name, duration, error codes. Variables are never logged (they carry TLS keys). */
function requestLogging(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, operation, response }) {
          const codes = errors?.map(errorCodeOf);
          const ms = performance.now() - started;
          contextValue.logger.info({ operationName, durationMs: Math.round(ms), errors: codes }, 'graphql request');
          const failed = Boolean(errors?.length) || (response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length));
          metrics.graphqlRequest(operation?.operation, !failed, ms / 1000);
        },
      };
    },
  };
}

/**
 * The token cap and shape check in front of Apollo, before anything is validated (Apollo has no hook that can answer
 * an error between parsing and validation: a throwing plugin becomes a masked 500). The document is parsed twice for
 * requests that pass; both parses are linear and bounded by the token cap.
 */
function boundedOperations(schema: GraphQLSchema, limits: OperationLimits, formatError: ReturnType<typeof createErrorFormatter>, logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const source = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof source !== 'string') return next();
    const started = performance.now();
    const parsed = parseBounded(source, limits);
    // Page sizes given as variables priced as the cost rule prices written ones (see pageSizeCostErrors).
    const errors = 'errors' in parsed ? parsed.errors : [...subscriptionOverHttp(parsed.document, operationNameOf(req)), ...pageSizeCostErrors(schema, parsed.document, variablesOf(req), limits, operationNameOf(req))];
    if (errors.length === 0) return next();
    const codes = errors.map(errorCodeOf);
    logger.info({ requestId: res.getHeader('x-request-id'), durationMs: Math.round(performance.now() - started), errors: codes }, 'graphql request');
    res.status(400).json({ errors: errors.map((e) => formatError(e.toJSON(), e)) });
  };
}

/**
 * Subscriptions are graphql-ws's, on this same address over WebSocket. Sent over HTTP, one ran as a query and answered
 * a masked null-field error (INTERNAL_SERVER_ERROR); it is refused by name instead.
 */
function subscriptionOverHttp(document: DocumentNode, operationName: string | undefined): GraphQLError[] {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'subscription') return [];
  return [new GraphQLError('Subscriptions are served over WebSocket (the graphql-ws protocol) at this same address, not over HTTP', { nodes: [operation], extensions: { code: 'BAD_REQUEST' } })];
}

/** The operation a request names, if any. */
function operationNameOf(req: express.Request): string | undefined {
  const name = req.method === 'GET' ? req.query.operationName : (req.body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' ? name : undefined;
}

/** A request's variables: the POST body's object, or GET's JSON `variables` parameter (unreadable ones are Apollo's to refuse). */
function variablesOf(req: express.Request): Record<string, unknown> | undefined {
  const raw = req.method === 'GET' ? req.query.variables : (req.body as { variables?: unknown } | undefined)?.variables;
  if (typeof raw === 'string') {
    try {
      const value: unknown = JSON.parse(raw);
      return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
}

function isAsyncIterator(value: unknown): value is AsyncIterableIterator<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value && typeof (value as { next?: unknown }).next === 'function';
}
