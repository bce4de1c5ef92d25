import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../common/errors';
import type { GraphQLContext } from '../graphql/context';
import { errorCodeOf } from '../graphql/errors';
import { ActivityOutcome } from './activity.entity';
import { redactParameters } from './activity.redact';

const DENIED = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN]);

/**
 * Every mutation leaves an activity: success, failure or denial. The wrapper goes around each Mutation field's whole
 * resolver, outside type-graphql's auth check (which runs before any type-graphql middleware), so denied calls are
 * recorded too. The target is the `id` argument or the returned object's id; a mutation returning a scalar names its
 * target type with `@Extensions({ auditTarget: 'DockerHost' })`. A mutation whose answer wraps what it made names the
 * field holding it: `@Extensions({ auditTarget: 'Deployment', auditTargetField: 'deployment' })` (the new
 * deployment is the target, ahead of an `id` argument naming the one it came from).
 */
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    const returnType = getNamedType(field.type);
    const targetField = field.extensions.auditTargetField as string | undefined;
    const targetType = isObjectType(returnType) && !targetField ? returnType.name : ((field.extensions.auditTarget as string | undefined) ?? null);

    field.resolve = async (root, args: Record<string, unknown>, context: GraphQLContext, info) => {
      const started = performance.now();
      const record = (outcome: ActivityOutcome, targetId: string | null, errorCode: string | null) =>
        context.services.activities.record({
          accountId: context.principal?.accountId ?? null,
          actor: context.principal?.userId ?? null,
          action: field.name,
          targetType,
          targetId,
          outcome,
          errorCode,
          parameters: redactParameters(args) as Record<string, unknown>,
          requestId: context.requestId,
          durationMs: Math.round(performance.now() - started),
        });
      // Bounded like the column: an absurd id in a denied call must still leave its row.
      const argId = typeof args.id === 'string' ? args.id.slice(0, 128) : null;
      try {
        const result: unknown = await resolve(root, args, context, info);
        const made = targetField ? (result as Record<string, { id?: string } | null> | null)?.[targetField]?.id : undefined;
        const resultId = typeof result === 'string' ? result : (result as { id?: string } | null)?.id;
        await record(ActivityOutcome.SUCCESS, made ?? argId ?? resultId ?? null, null);
        return result;
      } catch (error) {
        const code = errorCodeOf(error);
        await record(DENIED.has(code) ? ActivityOutcome.DENIED : ActivityOutcome.FAILURE, argId, code);
        throw error;
      }
    };
  }
  return schema;
}
