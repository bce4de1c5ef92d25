import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { refuseUnstorable } from '../common/storable';

/**
 * One guard for every argument of every field (queries, mutations, subscriptions, nested fields): input that
 * PostgreSQL cannot hold (a NUL, an unpaired surrogate, a date outside years 1-9999) is BAD_USER_INPUT naming its path
 * (`input.labels.foo`), before any resolver sees it. Otherwise it would reach SQL (an INTERNAL_SERVER_ERROR) or,
 * worse, Docker, which takes a NUL in a label and so makes an object no inventory can store. Only fields that take
 * arguments are wrapped: plain object fields (thousands per nested read) stay untouched. The guard runs before the
 * permission check, like GraphQL's own coercion of argument values.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      field.resolve = guarded(field.resolve ?? defaultFieldResolver);
      if (field.subscribe) field.subscribe = guarded(field.subscribe);
    }
  }
  return schema;
}

function guarded<T>(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown, Record<string, unknown>, T> {
  return (root, args, context, info) => {
    refuseUnstorable(args);
    return resolve(root, args, context, info) as T;
  };
}
