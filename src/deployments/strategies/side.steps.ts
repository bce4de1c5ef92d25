import type { SwarmServiceSnapshot } from '../../docker/swarm.types';
import type { RouterManager } from '../../routers/router.manager';
import { parseStack, type PlannedService, type StackPlan } from '../../stacks/compose';
import type { ResolveImage } from '../../stacks/stack.deployer';
import { DeploymentStepKind } from '../deployment-step.entity';
import type { SideBySide, SideHealth } from './side-by-side';
import type { StrategyContext } from './strategy';

export type Sides = Pick<SideBySide, 'service' | 'health' | 'backends' | 'scale' | 'setAliases' | 'remove'>;
export type Routers = Pick<RouterManager, 'ensureRoute' | 'setBackends' | 'routeStats'>;

/** What blue/green and canary are built with (hand-written fakes in the unit tests). */
export interface SideStrategyDeps {
  routers: Routers;
  sides: Sides;
  /** One HTTP GET from where the router stands: the status, or the error. */
  probe?: (url: string) => Promise<{ status: number } | { error: string }>;
  now?: () => number;
}

/** The compose services of the revision, as the stack deployer will plan them (names, keys). */
export function plannedServices(context: StrategyContext): PlannedService[] {
  const { deployment } = context;
  return parseStack({ name: deployment.stack!, compose: deployment.compose!, variables: deployment.variables ?? {} }).plan.services;
}

/**
 * Applies the revision through the stack deployer with `shape` choosing what is deployed (the second version
 * renamed beside the first, the others as the revision says). Never prunes: the version that serves is not in the
 * plan. A redeploy's stored spec for the routed service is found under either of its names.
 */
export async function applyShaped(context: StrategyContext, shape: (plan: StackPlan, stored: (name: string) => Record<string, unknown> | null) => void) {
  const { deployment, tools } = context;
  const specs = (deployment.state.specs ?? null) as Record<string, Record<string, unknown>> | null;
  return tools.applyStack({
    principal: context.principal,
    clusterId: deployment.clusterId,
    stack: deployment.stack!,
    compose: deployment.compose!,
    variables: deployment.variables ?? {},
    specs,
    resolveImage: (deployment.state.resolveImage as ResolveImage | undefined) ?? undefined,
    prune: false,
    adjust: (plan) => shape(plan, (name) => specs?.[name] ?? null),
  });
}

export type HealthEnd = { end: 'healthy'; health: SideHealth } | { end: 'failed'; why: string; health: SideHealth | null } | { end: 'abort' } | { end: 'supersede' };

/**
 * Polls a service until its wanted tasks of the current spec run (healthy, when the image has a HEALTHCHECK), more
 * tasks fail than allowed, the deadline passes, or a user aborts. Each change of the counts is a HEALTH step.
 */
export async function waitHealthy(
  context: StrategyContext,
  sides: Sides,
  name: string,
  options: { since: Date; deadlineAt: Date; maxFailures: number; label: string; now: () => number; check?: (health: SideHealth) => Promise<string | null> },
): Promise<HealthEnd> {
  let last = '';
  let health: SideHealth | null = null;
  for (;;) {
    const asked = await context.requested();
    if (asked === 'abort') return { end: 'abort' };
    if (asked === 'supersede') return { end: 'supersede' };
    const service = await sides.service(context.target, context.deployment.stack!, name);
    if (!service) return { end: 'failed', why: `${name} is gone`, health };
    health = await sides.health(context.target, service, options.since);
    const line = `${options.label} (${name}): ${health.running}/${health.desired} tasks running${health.failed ? `, ${health.failed} failed${health.lastError ? ` (${health.lastError})` : ''}` : ''}`;
    if (line !== last) {
      last = line;
      await context.step({ kind: DeploymentStepKind.HEALTH, service: name, message: line, data: { running: health.running, desired: health.desired, failed: health.failed, restarts: health.restarts, unhealthy: health.unhealthy } });
    }
    const extra = options.check ? await options.check(health) : null;
    if (extra) return { end: 'failed', why: extra, health };
    if (health.failed > options.maxFailures) return { end: 'failed', why: `${options.label} (${name}): ${health.failed} task(s) failed${health.lastError ? ` (${health.lastError})` : ''}`, health };
    if (health.desired > 0 && health.running >= health.desired) return { end: 'healthy', health };
    if (options.now() > options.deadlineAt.getTime()) return { end: 'failed', why: `${options.label} (${name}) not healthy by the progress deadline (${health.running}/${health.desired} running)`, health };
    await context.tick(1000);
  }
}

/** The router's servers for the given services, each with its per-server weight. */
export async function weighted(context: StrategyContext, sides: Sides, parts: Array<{ service: SwarmServiceSnapshot | null; role: string; weight: number }>, targetPort: number | null) {
  const servers = [];
  for (const part of parts) {
    if (!part.service) continue;
    for (const b of await sides.backends(context.target, part.service, part.role, targetPort)) servers.push({ ...b, weight: part.weight });
  }
  return servers;
}

export const defaultProbe = async (url: string): Promise<{ status: number } | { error: string }> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return { status: response.status };
  } catch (error) {
    return { error: String((error as Error).cause ?? error) };
  }
};
