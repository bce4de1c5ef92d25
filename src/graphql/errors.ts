import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../common/errors';
import type { Logger } from '../log/logger';

export const INTERNAL_ERROR_CODE = 'INTERNAL_SERVER_ERROR';

/**
 * The one place errors become what clients see. Domain errors keep their message and code (plus the offending
 * field); GraphQL's own errors (parse, validation, variable coercion) pass through; anything else is a bug: logged with
 * its context, and masked in production.
 */
export function createErrorFormatter(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      const field = typeof original.details.field === 'string' ? { field: original.details.field } : {};
      return { ...formatted, message: original.message, extensions: { code: original.code, ...field } };
    }
    if (original instanceof GraphQLError && !original.originalError) {
      // A GraphQL-level error: invalid query, unknown field, bad variable. In production its "Did you mean" hints
      // are cut: they spell out the schema that introspection being off is meant to keep private.
      const code = original.extensions?.code ?? formatted.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED';
      const message = options.production ? formatted.message.replace(/ ?Did you mean .*\?$/, '') : formatted.message;
      return { ...formatted, message, extensions: { ...formatted.extensions, code } };
    }
    options.logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
    if (options.production) {
      return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: INTERNAL_ERROR_CODE } };
    }
    return { ...formatted, extensions: { code: INTERNAL_ERROR_CODE } };
  };
}

/** The code a thrown error will carry to the client (for the activity log). */
export function errorCodeOf(error: unknown): string {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) return original.code;
  if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') return original.extensions.code;
  return INTERNAL_ERROR_CODE;
}
