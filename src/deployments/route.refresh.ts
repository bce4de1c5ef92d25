import type { Principal } from '../auth/principal';
import type { HostTarget } from '../docker/docker.types';
import type { EngineSpec } from '../docker/swarm.types';
import type { Logger } from '../log/logger';
import type { BackendServerInput } from '../routers/router.backends';
import type { RouteServer } from '../routers/router.entity';
import type { RouterManager } from '../routers/router.manager';
import type { SideBySide } from './strategies/side-by-side';

export interface RouteRefreshDeps {
  routers: Pick<RouterManager, 'routesOfStack' | 'setBackends'>;
  sides: Pick<SideBySide, 'service' | 'backends'>;
  logger: Pick<Logger, 'warn'>;
}

/** The swarm service a server's version names: the compose name serves as blue and stable, the side ones by suffix. */
export function serviceOfRole(stack: string, key: string, role: string | null | undefined): string {
  return role === 'green' || role === 'canary' ? `${stack}_${key}-${role}` : `${stack}_${key}`;
}

/**
 * After a deployment of a stack settles, whatever its strategy, every route of the stack gets the servers of the
 * tasks that run now. A rolling update replaces tasks (a host-mode port's task may move to another node): servers
 * pointing at the old ones would fail requests. Each version the route serves keeps its weight; a version whose
 * service is gone or has no running task is left as it was (a route is never emptied by a refresh); an unchanged set
 * changes nothing on the router (setBackends plans by server name).
 */
export class RouteRefresher {
  constructor(private readonly deps: RouteRefreshDeps) {}

  async refresh(principal: Principal, target: HostTarget, clusterId: string, stack: string): Promise<void> {
    const routes = await this.deps.routers.routesOfStack(principal, clusterId, stack);
    for (const route of routes) {
      if (!route.servers.length) continue;
      const servers: BackendServerInput[] = [];
      for (const [role, old] of groupByVersion(route.servers)) {
        const service = await this.deps.sides.service(target, stack, serviceOfRole(stack, route.service, role));
        const fresh = service ? await this.deps.sides.backends(target, service, role ?? 'blue', targetPortOf(service.spec, old[0]!.port)) : [];
        servers.push(...(fresh.length ? fresh.map((s) => ({ ...s, version: role, weight: old[0]!.weight })) : old));
      }
      const same = servers.length === route.servers.length && servers.every((s) => route.servers.some((o) => o.name === s.name && o.address === s.address && o.port === s.port && o.weight === s.weight));
      if (same) continue;
      await this.deps.routers.setBackends(principal, route.id, servers);
    }
  }

  /** A refresh that failed is logged, never turned into the deployment's outcome (it has settled already). */
  async refreshQuietly(principal: Principal, target: HostTarget, clusterId: string, stack: string): Promise<void> {
    await this.refresh(principal, target, clusterId, stack).catch((error: unknown) => this.deps.logger.warn({ err: error, clusterId, stack }, 'router backends not refreshed after a deployment'));
  }
}

function groupByVersion(servers: readonly RouteServer[]): Map<string | null, RouteServer[]> {
  const groups = new Map<string | null, RouteServer[]>();
  for (const s of servers) groups.set(s.version ?? null, [...(groups.get(s.version ?? null) ?? []), s]);
  return groups;
}

/** The container port the route reaches: the one published at the port the route's servers use (or the first). */
function targetPortOf(spec: EngineSpec, publishedPort: number): number | null {
  const ports = ((spec.EndpointSpec as EngineSpec | undefined)?.Ports ?? []) as Array<{ TargetPort?: number; PublishedPort?: number }>;
  return ports.find((p) => p.PublishedPort === publishedPort)?.TargetPort ?? null;
}
