import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import express from 'express';
import type { ZodType, ZodTypeAny } from 'zod';
import { redactParameters } from '../activities/activity.redact';
import { ActivityOutcome } from '../activities/activity.entity';
import type { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { bearerToken } from '../auth/token.service';
import { DomainError, ErrorCode } from '../common/errors';
import { authenticate, type Services } from '../graphql/context';
import type { Logger } from '../log/logger';
import { ErrorBody } from './rest.openapi';
import { internalError, snakeCase, toRestError, type FieldNamer } from './rest.errors';

export interface RouteInput<P, Q, B> {
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  services: Services;
}

/** What a mutation route records: the GraphQL mutation's name and arguments, so the audit trail reads the same from both doors. */
export interface AuditSpec<P, Q, B, R> {
  action: string;
  targetType: string;
  args(input: { params: P; query: Q; body: B }): Record<string, unknown>;
  targetId?(result: R): string | undefined;
}

export interface RouteSpec<P, Q, B, R> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express syntax (`/docker/hosts/:id`), relative to /api/v1. */
  path: string;
  summary: string;
  tag: string;
  /** Any one of these, as `@Authorized(...)` on the resolver. */
  permissions: Permission[];
  /** And each of these too: a route whose answer is made of two kinds of object, each with its own read permission. */
  alsoRequires?: Permission[];
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  status: 200 | 201;
  response: ZodTypeAny;
  /** Error codes worth documenting besides 400/401/403 (NOT_FOUND, CONFLICT...), by HTTP status. */
  errors?: Partial<Record<404 | 409 | 422 | 503, string>>;
  /** Domain field (camelCase GraphQL input path) to the request's field; snake_case when absent. */
  fieldOf?: FieldNamer;
  audit?: AuditSpec<P, Q, B, R>;
  handle(input: RouteInput<P, Q, B>): Promise<R>;
  present(result: R, input: RouteInput<P, Q, B>): unknown;
}

export interface RouteDeps {
  router: express.Router;
  registry: OpenAPIRegistry;
  services: Services;
  logger: Logger;
}

const DENIED = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN]);

/**
 * One route, declared once: the express handler (token, permission, schema parsing, one manager call, audit, error
 * mapping) and its OpenAPI operation, both from the same zod schemas.
 */
export function defineRoute<P, Q, B, R>(deps: RouteDeps, spec: RouteSpec<P, Q, B, R>): void {
  deps.registry.registerPath(openApiOperation(spec));
  const fieldOf = spec.fieldOf ?? snakeCase;
  deps.router[spec.method](spec.path, async (req, res) => {
    const started = performance.now();
    const requestId = String(res.getHeader('x-request-id'));
    const logger = deps.logger.child({ requestId });
    let principal: Principal | null = null;
    let parsed: { params: P; query: Q; body: B } | undefined;
    const record = async (outcome: ActivityOutcome, targetId: string | null, errorCode: string | null) => {
      if (!spec.audit) return;
      const args = parsed ? spec.audit.args(parsed) : { id: req.params.id };
      await deps.services.activities.record({
        accountId: principal?.accountId ?? null,
        actor: principal?.userId ?? null,
        action: spec.audit.action,
        targetType: spec.audit.targetType,
        targetId,
        outcome,
        errorCode,
        parameters: redactParameters(args) as Record<string, unknown>,
        requestId,
        durationMs: Math.round(performance.now() - started),
      });
    };
    // Bounded like the activity column: an absurd id in a denied call must still leave its row.
    const argId = typeof req.params.id === 'string' ? req.params.id.slice(0, 128) : null;
    try {
      const auth = await authenticate(deps.services, bearerToken(req.header('authorization')));
      principal = auth.principal;
      if (!principal) throw auth.authError ?? new DomainError(ErrorCode.UNAUTHENTICATED, 'authentication required');
      const granted = principal.permissions;
      if (!spec.permissions.some((p) => granted.has(p))) throw new DomainError(ErrorCode.FORBIDDEN, `missing permission: ${spec.permissions.join(' or ')}`);
      const missing = (spec.alsoRequires ?? []).filter((p) => !granted.has(p));
      if (missing.length > 0) throw new DomainError(ErrorCode.FORBIDDEN, `missing permission: ${missing.join(' and ')}`);
      parsed = {
        params: spec.params ? spec.params.parse(req.params) : (undefined as P),
        query: spec.query ? spec.query.parse(req.query) : (undefined as Q),
        body: spec.body ? spec.body.parse(req.body ?? {}) : (undefined as B),
      };
      const input = { ...parsed, principal, services: deps.services };
      const result = await spec.handle(input);
      // Done: what follows must not answer an error for a change that was made (nor audit it a second time).
      try {
        await record(ActivityOutcome.SUCCESS, spec.audit?.targetId?.(result) ?? argId ?? null, null);
      } catch (error) {
        logger.error({ err: error, method: spec.method, path: spec.path }, 'recording the activity of a REST request that succeeded failed');
      }
      res.status(spec.status).json(await spec.present(result, input));
      logger.info({ method: spec.method, path: spec.path, status: spec.status, durationMs: Math.round(performance.now() - started) }, 'rest request');
    } catch (error) {
      const mapped = toRestError(error, fieldOf, spec.method === 'get' ? 400 : 422);
      if (!mapped || mapped.status >= 500) logger.error({ err: error, method: spec.method, path: spec.path }, 'unexpected error in REST request');
      const answer = mapped ?? internalError();
      await record(DENIED.has(answer.body.error.code) ? ActivityOutcome.DENIED : ActivityOutcome.FAILURE, argId, answer.body.error.code).catch((e: unknown) => logger.error({ err: e }, 'recording the activity of a failed REST request failed'));
      if (!res.headersSent) res.status(answer.status).json(answer.body);
      logger.info({ method: spec.method, path: spec.path, status: answer.status, error: answer.body.error.code, durationMs: Math.round(performance.now() - started) }, 'rest request');
    }
  });
}

function openApiOperation<P, Q, B, R>(spec: RouteSpec<P, Q, B, R>): RouteConfig {
  const json = (schema: ZodTypeAny) => ({ 'application/json': { schema } });
  const error = (description: string) => ({ description, content: json(ErrorBody) });
  const documented = Object.fromEntries(Object.entries(spec.errors ?? {}).map(([status, description]) => [status, error(description!)]));
  return {
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}').replace(/^/, '/api/v1'),
    summary: spec.summary,
    tags: [spec.tag],
    request: {
      ...(spec.params ? { params: spec.params as never } : {}),
      ...(spec.query ? { query: spec.query as never } : {}),
      ...(spec.body ? { body: { required: true, content: json(spec.body as ZodTypeAny) } } : {}),
    },
    responses: {
      [spec.status]: { description: spec.summary, content: json(spec.response) },
      400: error('BAD_USER_INPUT: the request does not have the documented shape'),
      401: error('UNAUTHENTICATED: no token, or an invalid, expired or revoked one'),
      403: error(`FORBIDDEN: the token lacks ${spec.permissions.join(' or ')}${spec.alsoRequires?.length ? ` (and ${spec.alsoRequires.join(' and ')})` : ''}`),
      ...(spec.body ? { 413: error('PAYLOAD_TOO_LARGE: the body is over BODY_LIMIT') } : {}),
      ...documented,
    },
  };
}
