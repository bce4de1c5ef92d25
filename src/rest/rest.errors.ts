import { ZodError } from 'zod';
import { DomainError, ErrorCode } from '../common/errors';
import { databaseErrorSummary } from '../db/db-errors';

/** What a REST client gets for any failure: the GraphQL door's code and message, the offending field in snake_case. */
export interface RestError {
  status: number;
  body: { error: { code: string; message: string; field?: string } };
}

/**
 * HTTP status of each domain code. BAD_USER_INPUT is 400 when the request's shape is wrong (checked here, against the
 * route's schema) and 422 when a well-formed request breaks a rule the manager enforces (production needs TLS...).
 * Whatever the Docker daemon, Vault or a router failed to do is the server's dependency failing: 503.
 */
const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 422,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.QUORUM_RISK]: 409,
  [ErrorCode.QUOTA_EXCEEDED]: 409,
  [ErrorCode.STREAM_LIMIT_REACHED]: 409,
  [ErrorCode.REGISTRY_AUTH_FAILED]: 422,
  [ErrorCode.DECRYPTION_FAILED]: 500,
};
const UNAVAILABLE = 503;

/** Domain field paths are the GraphQL input's (camelCase); REST names them as its bodies do. */
export function snakeCase(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A request that does not have the documented shape, found beyond what its schema can say (400, like a schema miss). */
export class RequestError extends Error {
  constructor(readonly field: string, problem: string) {
    super(`${field} ${problem}`);
  }
}

export type FieldNamer = (domainField: string) => string;

/** A list's query parameters: the managers name them inside their GraphQL `filter` argument (filter.clusterId). */
export const filterField: FieldNamer = (field) => snakeCase(field.replace(/^filter\./, ''));

/** Query arguments the managers know by their GraphQL names. */
const PAGE_FIELDS: Record<string, string> = { first: 'per_page', after: 'cursor' };

/**
 * `inputStatus` is what a manager's BAD_USER_INPUT becomes: 422 for a body a rule refuses, 400 on reads, where the
 * refused value is a query parameter (a cursor the server did not write, a label filter of the wrong form).
 */
export function toRestError(error: unknown, fieldOf: FieldNamer, inputStatus: 400 | 422 = 422): RestError | null {
  if (error instanceof ZodError) {
    const issue = error.issues[0]!;
    // An unknown key is named itself, not the object holding it.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const field = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
    return { status: 400, body: { error: { code: ErrorCode.BAD_USER_INPUT, message: field ? `${field}: ${issue.message}` : issue.message, ...(field ? { field } : {}) } } };
  }
  if (error instanceof RequestError) return { status: 400, body: { error: { code: ErrorCode.BAD_USER_INPUT, message: error.message, field: error.field } } };
  if (error instanceof DomainError) {
    const domainField = typeof error.details.field === 'string' ? error.details.field : undefined;
    const field = domainField ? (PAGE_FIELDS[domainField] ?? fieldOf(domainField)) : undefined;
    const message = domainField && field ? error.message.replace(domainField, field) : error.message;
    const status = error.code === ErrorCode.BAD_USER_INPUT ? inputStatus : (STATUS[error.code] ?? UNAVAILABLE);
    return { status, body: { error: { code: error.code, message, ...(field ? { field } : {}) } } };
  }
  const database = databaseErrorSummary(error);
  if (database) return { status: 500, body: { error: { code: 'INTERNAL_SERVER_ERROR', message: database.message } } };
  return null;
}

export function internalError(): RestError {
  return { status: 500, body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } } };
}
