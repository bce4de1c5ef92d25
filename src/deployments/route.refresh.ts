import type { Principal } from '../auth/principal';
import type { HostTarget } from '../docker/docker.types';
import type { EngineSpec } from '../docker/swarm.types';
import type { Logger } from '../log/logger';
import type { BackendServerInput } from '../routers/router.backends';
import type { RouteServer, TrafficRoute } from '../routers/router.entity';
import type { RouterManager } from '../routers/router.manager';
import { DeploymentStepKind } from './deployment-step.entity';
import type { NewStep } from './deployment.repository';
import type { SideBySide } from './strategies/side-by-side';

/** A route whose servers a refresh changed on the router: told as a TRAFFIC step of the deployment that settled. */
export interface RouteRefreshed {
  routeId: string;
  /** The compose service the route reaches (its short name, e.g. web). */
  service: string;
  listenPort: number;
  /** The route had no server: it was filled from the version that runs. */
  filled: boolean;
  before: string[];
  after: string[];
}

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
 * changes nothing on the router (setBackends plans by server name). A route with no server at all (made by a
 * deployment that failed before its switch, or registered before the stack ran) is filled from the color that runs,
 * as blue/green picks the live one: of `<stack>_<key>` and `<stack>_<key>-green`, the one with the most replicas.
 */
export class RouteRefresher {
  constructor(private readonly deps: RouteRefreshDeps) {}

  /** The routes whose servers changed on the router. */
  async refresh(principal: Principal, target: HostTarget, clusterId: string, stack: string): Promise<RouteRefreshed[]> {
    const routes = await this.deps.routers.routesOfStack(principal, clusterId, stack);
    const changed: RouteRefreshed[] = [];
    for (const route of routes) {
      const servers = route.servers.length ? await this.fresh(target, stack, route) : await this.fill(target, stack, route);
      const same = servers.length === route.servers.length && servers.every((s) => route.servers.some((o) => o.name === s.name && o.address === s.address && o.port === s.port && o.weight === s.weight));
      if (same) continue;
      await this.deps.routers.setBackends(principal, route.id, servers);
      changed.push({ routeId: route.id, service: route.service, listenPort: route.listenPort, filled: !route.servers.length, before: route.servers.map((s) => s.name), after: servers.map((s) => s.name) });
    }
    return changed;
  }

  /**
   * A refresh that failed is logged, never turned into the deployment's outcome (it has settled already): what did
   * change is still told, as steps of the deployment.
   */
  async refreshQuietly(principal: Principal, target: HostTarget, clusterId: string, stack: string): Promise<NewStep[]> {
    const changed = await this.refresh(principal, target, clusterId, stack).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, clusterId, stack }, 'router backends not refreshed after a deployment');
      return [];
    });
    return changed.map((c) => ({
      kind: DeploymentStepKind.TRAFFIC,
      service: `${stack}_${c.service}`,
      message: `${c.filled ? 'empty route filled' : 'route refreshed'} from the running tasks (router port ${c.listenPort}): ${c.after.length} server(s)${c.filled ? '' : `, was ${c.before.length}`}`,
      data: { routeId: c.routeId, before: c.before, after: c.after, filled: c.filled },
    }));
  }

  private async fresh(target: HostTarget, stack: string, route: TrafficRoute): Promise<BackendServerInput[]> {
    const servers: BackendServerInput[] = [];
    for (const [role, old] of groupByVersion(route.servers)) {
      const service = await this.deps.sides.service(target, stack, serviceOfRole(stack, route.service, role));
      const fresh = service ? await this.deps.sides.backends(target, service, role ?? 'blue', targetPortOf(service.spec, old[0]!.port)) : [];
      servers.push(...(fresh.length ? fresh.map((s) => ({ ...s, version: role, weight: old[0]!.weight })) : old));
    }
    return servers;
  }

  /** An empty route's servers: the running color's tasks at weight 1, at the first port it publishes; none if none runs. */
  private async fill(target: HostTarget, stack: string, route: TrafficRoute): Promise<BackendServerInput[]> {
    const colors = await Promise.all(['blue', 'green'].map(async (role) => ({ role, service: await this.deps.sides.service(target, stack, serviceOfRole(stack, route.service, role)) })));
    const live = colors.filter((c) => (c.service?.replicas ?? 0) > 0).sort((a, b) => (b.service!.replicas ?? 0) - (a.service!.replicas ?? 0))[0];
    if (!live) return [];
    const fresh = await this.deps.sides.backends(target, live.service!, live.role, null);
    return fresh.map((s) => ({ ...s, version: live.role, weight: 1 }));
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
