import { getNamedType, isObjectType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { ErrorCode } from '../common/errors';
import type { GraphQLContext } from '../graphql/context';
import { errorCodeOf } from '../graphql/errors';
import { ActivityOutcome } from './activity.entity';

const DENIED = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN]);

/**
 * Global middleware: every mutation leaves an activity. It runs outside the auth check (type-graphql applies global
 * middlewares first), so denied calls are recorded too. The target is the `id` argument or the returned object.
 * A mutation returning a scalar names its target type with `@Extensions({ auditTarget: 'DockerHost' })`.
 */
export const auditMutations: MiddlewareFn<GraphQLContext> = async ({ info, args, context }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  const started = performance.now();
  const returnType = getNamedType(info.returnType);
  const field = info.parentType.getFields()[info.fieldName];
  const targetType = isObjectType(returnType) ? returnType.name : ((field?.extensions?.auditTarget as string | undefined) ?? null);
  const base = {
    accountId: context.principal?.accountId ?? null,
    actor: context.principal?.userId ?? null,
    action: info.fieldName,
    targetType,
    requestId: context.requestId,
  };
  const argId = typeof args.id === 'string' ? args.id : null;
  try {
    const result: unknown = await next();
    const resultId = typeof result === 'string' ? result : (result as { id?: string } | null)?.id;
    await context.services.activities.record({
      ...base,
      targetId: argId ?? resultId ?? null,
      outcome: ActivityOutcome.SUCCESS,
      errorCode: null,
      durationMs: Math.round(performance.now() - started),
    });
    return result;
  } catch (error) {
    const errorCode = errorCodeOf(error);
    await context.services.activities.record({
      ...base,
      targetId: argId,
      outcome: DENIED.has(errorCode) ? ActivityOutcome.DENIED : ActivityOutcome.FAILURE,
      errorCode,
      durationMs: Math.round(performance.now() - started),
    });
    throw error;
  }
};
