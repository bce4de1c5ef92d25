import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ValidationRule } from 'graphql';

/**
 * Depth, alias and cost limits for every operation, HTTP and WebSocket alike (Apollo sets none by default: 50 aliases
 * returned 6.6 MB in 279 ms). The limits are not echoed to clients, so probing them teaches nothing.
 */
export function operationLimits(options: { maxDepth: number; maxAliases: number; maxCost: number }): ValidationRule[] {
  return [
    maxDepthRule({ n: options.maxDepth, exposeLimits: false, flattenFragments: true }),
    maxAliasesRule({ n: options.maxAliases, exposeLimits: false }),
    costLimitRule({ maxCost: options.maxCost, exposeLimits: false }),
  ] as ValidationRule[];
}
