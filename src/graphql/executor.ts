import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export interface ExecuteArgs {
  document: DocumentNode;
  contextValue: unknown;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
}

export type Executor = (args: ExecuteArgs) => Promise<ExecutionResult>;

type GatewayInterface = ApolloServerOptionsWithGateway<never>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * Queries and mutations run compiled by graphql-jit: each operation is compiled once into plain JavaScript that walks
 * its own selection, instead of graphql-js interpreting the document for every field of every row (B1, the nested
 * fleet read, spent a sixth of its time there). Resolvers are the schema's own, so every type-graphql `@Authorized`
 * check, the input guard and the mutation audit run exactly as before; validation (depth, cost, aliases) happens
 * before execution and is untouched. Compiled operations are kept per parsed document, which Apollo caches by query
 * text (a bounded LRU), so the cache goes with it. A document graphql-jit cannot compile, or seen only once, runs on
 * graphql-js.
 */
export function createExecutor(schema: GraphQLSchema): Executor {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | number | null>>();
  /** Compiled on its second run: a document sent once (any ad-hoc or hostile query) never pays for a compile. */
  const compiledFor = (document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const seen = byName.get(key);
    if (seen === undefined) {
      byName.set(key, 1);
      return null;
    }
    if (typeof seen !== 'number') return seen; // compiled, or null: graphql-jit cannot compile it
    const result = compileQuery(schema, document, operationName ?? undefined);
    const query = isCompiledQuery(result) ? result : null;
    byName.set(key, query);
    return query;
  };
  return async (args) => {
    const { document, contextValue, variableValues, operationName } = args;
    const query = compiledFor(document, operationName);
    if (!query) return execute({ schema, document, contextValue, variableValues, operationName });
    const result = await (query.query(undefined, contextValue, variableValues ?? {}) as Promise<ExecutionResult> | ExecutionResult);
    // No data at all: the request failed before any resolver ran (variables that do not coerce). graphql-js answers
    // it again, in its wording, which the error formatter reads the offending variable path from.
    if (!('data' in result)) return execute({ schema, document, contextValue, variableValues, operationName });
    // In graphql-js's order (errors, then data), so that an answer serialises byte for byte as it did.
    return result.errors ? { errors: result.errors.map(asGraphQLError), data: result.data } : result;
  };
}

/**
 * graphql-jit's errors are look-alikes of graphql's GraphQLError (its prototype, but not built by its constructor: no
 * `extensions` object when the resolver's error had none, and Apollo's formatting then fails into a masked 500). Rebuilt as graphql-js would have made them: the resolver's
 * error as originalError (its extensions with it), the same message, path and locations.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  if (error.locations) (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

/**
 * Apollo Server's one hook for another executor is its gateway interface: a "gateway" that serves a fixed schema and
 * hands back our executor. Apollo still parses, validates (with our limit rules), runs its plugins and formats errors.
 */
export function executorGateway(schema: GraphQLSchema, executor: Executor): GatewayInterface {
  return {
    async load() {
      const run: GatewayExecutor = (request) =>
        executor({ document: request.document, contextValue: request.context, variableValues: request.request.variables, operationName: request.operationName }) as ReturnType<GatewayExecutor>;
      return { executor: run };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
