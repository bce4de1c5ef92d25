import { BREAK, GraphQLError, Kind, parse, visit, type ASTNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
import { DomainError } from '../common/errors';
import { databaseErrorSummary } from '../db/db-errors';
import type { Logger } from '../log/logger';

export const INTERNAL_ERROR_CODE = 'INTERNAL_SERVER_ERROR';
export const VALIDATION_ERROR_CODE = 'GRAPHQL_VALIDATION_FAILED';

type Classified =
  | { kind: 'domain'; error: DomainError; code: string; field?: string }
  | { kind: 'graphql'; code: string; field?: string }
  | { kind: 'unknown'; error: unknown; code: typeof INTERNAL_ERROR_CODE };

/**
 * What an error is, whoever asks (the formatter, the request log, the audit): so the log line and the activity row
 * carry the code the client got. Apollo wraps GraphQL's own errors (ValidationError, UserInputError: the code on the
 * outside, the graphql-js error inside); graphql-js wraps resolver errors (the domain or unknown error inside).
 */
function classify(error: unknown): Classified {
  let code: string | undefined;
  let variable: string | undefined;
  for (let current = error; ; ) {
    if (current instanceof DomainError) {
      const field = typeof current.details.field === 'string' ? current.details.field : undefined;
      return { kind: 'domain', error: current, code: current.code, field };
    }
    if (!(current instanceof GraphQLError)) return code ? { kind: 'graphql', code, field: variable } : { kind: 'unknown', error: current, code: INTERNAL_ERROR_CODE };
    if (typeof current.extensions?.code === 'string') code ??= current.extensions.code;
    variable ??= variableField(current.message);
    if (!current.originalError) {
      // A GraphQL-level error (parse, validation, variable coercion; the scalar's own error may sit inside). graphql-ws
      // applies no codes of its own, so a variable that does not coerce is told by graphql-js's wording, on both doors.
      // A literal argument value the document spells wrong (a date the scalar refuses) is bad input as much as a
      // variable is: the same code and field whichever way the value came.
      const literal = variable ? undefined : literalField(current);
      if (literal) return { kind: 'graphql', code: 'BAD_USER_INPUT', field: literal };
      return { kind: 'graphql', code: code ?? (variable ? 'BAD_USER_INPUT' : VALIDATION_ERROR_CODE), field: variable };
    }
    current = current.originalError;
  }
}

/**
 * The variable path a coercion error names: graphql-js 16 writes `Variable "$input" got invalid value ... at
 * "input.labels.foo"; ...` (no structured path), or just the variable when it is missing or wrong as a whole.
 */
function variableField(message: string): string | undefined {
  const match = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"(?: got invalid value [\s\S]*? at "([^"]+)";)?/.exec(message);
  return match ? (match[2] ?? match[1]) : undefined;
}

const VALUE_KINDS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT]);

/**
 * The argument path (`filter.since`, `input.ports[0].protocol`) of the literal value a validation error points at, or
 * undefined when it points at something else (a field, an operation). Errors are rare: parsing the document again
 * here costs nothing on the path that matters.
 */
function literalField(error: GraphQLError): string | undefined {
  const target = error.nodes?.[0];
  if (!target?.loc || !error.source || !VALUE_KINDS.has(target.kind)) return undefined;
  const start = target.loc.start;
  const within = (node: ASTNode) => node.loc !== undefined && node.loc.start <= start && start < node.loc.end;
  const descend = (path: string, value: ValueNode): string => {
    if (value.kind === Kind.OBJECT) {
      const field = value.fields.find((f) => within(f.value));
      return field ? descend(`${path}.${field.name.value}`, field.value) : path;
    }
    if (value.kind === Kind.LIST) {
      const index = value.values.findIndex(within);
      return index >= 0 ? descend(`${path}[${index}]`, value.values[index]!) : path;
    }
    return path;
  };
  let path: string | undefined;
  visit(parse(error.source), {
    Argument(argument) {
      if (!within(argument.value)) return undefined;
      path = descend(argument.name.value, argument.value);
      return BREAK;
    },
  });
  return path;
}

/** Details a client may act on: the run an error recorded, a quota's limit, use and request. */
const PUBLIC_DETAILS = new Set(['instanceId', 'limit', 'max', 'use', 'requested']);

/**
 * The one place errors become what clients see. Domain errors keep their message and code (plus the offending
 * field); GraphQL's own errors (parse, validation, variable coercion) pass through, with the variable path as `field`;
 * anything else is a bug: logged with its context, and masked in production. A database error is masked everywhere:
 * its message is the SQL with the values.
 */
export function createErrorFormatter(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const classified = classify(error);
    if (classified.kind === 'domain') {
      const field = classified.field ? { field: classified.field } : {};
      // A compose file's problems one by one ({ path, line, message }), for clients that mark them in an editor.
      const problems = Array.isArray(classified.error.details.problems) ? { problems: classified.error.details.problems } : {};
      const facts = Object.fromEntries(Object.entries(classified.error.details).filter(([key]) => PUBLIC_DETAILS.has(key)));
      return { ...formatted, message: classified.error.message, extensions: { code: classified.code, ...field, ...problems, ...facts } };
    }
    if (classified.kind === 'graphql') {
      // In production "Did you mean" hints are cut: they spell out the schema that introspection being off keeps private.
      const message = options.production ? formatted.message.replace(/ ?Did you mean .*\?$/, '') : formatted.message;
      const field = classified.field ? { field: classified.field } : {};
      return { ...formatted, message, extensions: { ...formatted.extensions, code: classified.code, ...field } };
    }
    options.logger.error({ err: classified.error, path: formatted.path }, 'unexpected error in GraphQL operation');
    const database = databaseErrorSummary(classified.error);
    if (options.production || database) {
      return { message: database ? database.message : 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: INTERNAL_ERROR_CODE } };
    }
    return { ...formatted, extensions: { code: INTERNAL_ERROR_CODE } };
  };
}

/** The code a thrown error carries to the client (for the activity log and the request log). */
export function errorCodeOf(error: unknown): string {
  return classify(error).code;
}
