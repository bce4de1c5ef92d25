import { setTimeout as delay } from 'node:timers/promises';
import type { Principal } from '../auth/principal';
import { ConflictError, DomainError, ErrorCode, InputError, NotFoundError } from '../common/errors';
import type { HaproxyRuntime } from './haproxy.adapter';
import { parseCliEndpoint } from './haproxy.cli';
import { planBackends, validateServers, type BackendServerInput } from './router.backends';
import { backendName, frontendOf, HAPROXY_NAME, renderHaproxyConfig } from './router.config';
import { RouterKind, TrafficRoute, TrafficRouter } from './router.entity';
import type { RouterStore } from './router.repository';

/** Whose routers: a caller's principal, or a deployment acting for its account. */
export type Owner = Pick<Principal, 'accountId'>;

export interface RegisterRouterInput {
  name: string;
  kind?: RouterKind | null;
  runtimeEndpoint: string;
  masterEndpoint: string;
  configPath: string;
}

export interface EnsureRouteInput {
  routerId: string;
  clusterId: string;
  stack: string;
  service: string;
  listenPort: number;
  healthCheckPath?: string | null;
}

export interface ServerStats {
  name: string;
  address: string;
  port: number;
  weight: number;
  version: string | null;
  status: string;
  requests: number;
  responses2xx: number;
  errors5xx: number;
  /** Mean response time over the server's last 1024 requests (HAProxy's rtime), ms. */
  meanResponseTimeMs: number;
  sessionsCurrent: number;
}

export interface RouterManagerDeps {
  repository: RouterStore;
  haproxy: Pick<HaproxyRuntime, 'info' | 'processes' | 'reload' | 'frontendOpen' | 'servers' | 'addServer' | 'setWeight' | 'setState' | 'setAddress' | 'delServer'>;
  clusters: { get(owner: Owner, id: string): Promise<{ id: string }> };
  /** The config file on the API's machine: read (null when missing) and replaced atomically. */
  files: { read(path: string): Promise<string | null>; write(path: string, text: string): Promise<void> };
  /** Does something accept TCP connections at host:port (the new frontend after a reload)? */
  probe(host: string, port: number): Promise<boolean>;
  policy: { allowUnixSockets: boolean };
  /** How long a removed server may keep sessions while draining (default 10 s). */
  drainTimeoutMs?: number;
  /** How long a reload may take until its frontend answers (default 10 s). */
  settleTimeoutMs?: number;
}

/**
 * Traffic routers and their routes: registration, the config the product writes, and live backends. Changes to one
 * router are serialised in this process, then across API processes by the store's lock (config writes, route rows
 * and runtime commands never interleave: each change reads the routes after the previous one wrote them).
 */
export class RouterManager {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: RouterManagerDeps) {}

  async registerTrafficRouter(owner: Owner, input: RegisterRouterInput): Promise<TrafficRouter> {
    const router = new TrafficRouter();
    router.accountId = owner.accountId;
    router.name = input.name.trim();
    if (!router.name || router.name.length > 128) throw new InputError('name', 'must be 1–128 characters');
    router.kind = input.kind ?? RouterKind.HAPROXY;
    router.runtimeEndpoint = this.endpoint(input.runtimeEndpoint, 'runtimeEndpoint');
    router.masterEndpoint = this.endpoint(input.masterEndpoint, 'masterEndpoint');
    if (!input.configPath.startsWith('/') || input.configPath.includes('\0')) throw new InputError('configPath', 'must be an absolute path');
    router.configPath = input.configPath;
    await this.deps.haproxy.info(router.runtimeEndpoint);
    await this.deps.haproxy.processes(router.masterEndpoint);
    if (!(await this.deps.repository.insertRouter(router))) throw new ConflictError(`a traffic router named ${router.name} already exists`, 'name');
    return router;
  }

  list(owner: Owner): Promise<TrafficRouter[]> {
    return this.deps.repository.listRouters(owner.accountId);
  }

  async get(owner: Owner, id: string): Promise<TrafficRouter> {
    const router = await this.deps.repository.findRouter(owner.accountId, id);
    if (!router) throw new NotFoundError('traffic router', id);
    return router;
  }

  /** Forgets the router and its routes; HAProxy keeps running as it is. */
  async delete(owner: Owner, id: string): Promise<string> {
    if (!(await this.deps.repository.deleteRouter(owner.accountId, id))) throw new NotFoundError('traffic router', id);
    return id;
  }

  async routes(owner: Owner, routerId: string): Promise<TrafficRoute[]> {
    await this.get(owner, routerId);
    return this.deps.repository.routesOf(owner.accountId, routerId);
  }

  async route(owner: Owner, id: string): Promise<TrafficRoute> {
    const route = await this.deps.repository.findRoute(owner.accountId, id);
    if (!route) throw new NotFoundError('traffic route', id);
    return route;
  }

  /** The routes of one stack (any router): what a settled deployment refreshes. */
  routesOfStack(owner: Owner, clusterId: string, stack: string): Promise<TrafficRoute[]> {
    return this.deps.repository.routesOfStack(owner.accountId, clusterId, stack);
  }

  /**
   * The route of a stack's service on a router, with a frontend on listenPort. A new route (or a new port) rewrites
   * the config and reloads, and answers once the frontend accepts connections; an existing live one changes nothing.
   */
  async ensureRoute(owner: Owner, input: EnsureRouteInput): Promise<TrafficRoute> {
    const router = await this.get(owner, input.routerId);
    await this.deps.clusters.get(owner, input.clusterId);
    for (const field of ['stack', 'service'] as const) if (!HAPROXY_NAME.test(input[field])) throw new InputError(field, 'must be 1–100 letters, digits or -_.:');
    if (!Number.isInteger(input.listenPort) || input.listenPort < 1 || input.listenPort > 65535) throw new InputError('listenPort', 'must be 1–65535');
    if (input.healthCheckPath != null && !/^\/[\x21-\x7e]*$/.test(input.healthCheckPath)) throw new InputError('healthCheckPath', 'must be a path starting with /');
    return this.serialised(router.id, async () => {
      const routes = await this.deps.repository.routesOf(owner.accountId, router.id);
      const key = { routerId: router.id, clusterId: input.clusterId, stack: input.stack, service: input.service };
      const existing = routes.find((r) => r.clusterId === key.clusterId && r.stack === key.stack && r.service === key.service);
      const clash = routes.find((r) => r.listenPort === input.listenPort && r !== existing);
      if (clash) throw new ConflictError(`port ${input.listenPort} of router ${router.name} already serves ${clash.stack}/${clash.service}`, 'listenPort');
      const healthCheckPath = input.healthCheckPath ?? existing?.healthCheckPath ?? null;
      if (existing && existing.listenPort === input.listenPort && existing.healthCheckPath === healthCheckPath && (await this.frontendLive(router, existing))) return existing;
      const route = existing ?? Object.assign(new TrafficRoute(), { accountId: owner.accountId, ...key });
      route.backend ??= backendName(route);
      route.listenPort = input.listenPort;
      route.healthCheckPath = healthCheckPath;
      await this.writeAndReload(router, [...routes.filter((r) => r !== existing), route]);
      await this.deps.repository.saveRoute(route);
      return route;
    });
  }

  /**
   * Makes the route's live servers exactly these, through the runtime API only (no reload, no failed request): adds
   * the new ones, sets weights, then drains the ones no longer listed and removes them once their sessions ended. The
   * set is stored first, so a later config render (a reload) keeps it, and a retry after a failure converges.
   */
  async setBackends(owner: Owner, routeId: string, servers: readonly BackendServerInput[]): Promise<TrafficRoute> {
    const wanted = validateServers(servers);
    const found = await this.route(owner, routeId);
    const router = await this.get(owner, found.routerId);
    return this.serialised(router.id, async () => {
      // Read again under the lock: the whole row is written back, and another instance may have changed it meanwhile.
      const route = await this.route(owner, routeId);
      const { haproxy } = this.deps;
      const endpoint = router.runtimeEndpoint;
      const plan = planBackends(await haproxy.servers(endpoint, route.backend), wanted);
      const check = Boolean(route.healthCheckPath);
      route.servers = wanted;
      await this.deps.repository.saveRoute(route);
      for (const s of plan.add) await haproxy.addServer(endpoint, { backend: route.backend, name: s.name, address: s.address, port: s.port, weight: s.weight, check });
      for (const s of plan.readdress) await haproxy.setAddress(endpoint, route.backend, s.name, s.address, s.port);
      for (const s of plan.reweight) {
        await haproxy.setWeight(endpoint, route.backend, s.name, s.weight);
        await haproxy.setState(endpoint, route.backend, s.name, 'ready');
      }
      for (const name of plan.remove) await haproxy.setState(endpoint, route.backend, name, 'drain');
      if (plan.remove.length) await this.drained(endpoint, route.backend, plan.remove);
      for (const name of plan.remove) await haproxy.delServer(endpoint, route.backend, name);
      return route;
    });
  }

  /** Per server: requests, 2xx, 5xx and mean response time since the running worker started (a reload resets them). */
  async routeStats(owner: Owner, routeId: string): Promise<ServerStats[]> {
    const route = await this.route(owner, routeId);
    const router = await this.get(owner, route.routerId);
    const live = await this.deps.haproxy.servers(router.runtimeEndpoint, route.backend);
    return live.map((s) => ({
      name: s.name, address: s.address, port: s.port, weight: s.weight, status: s.status,
      version: route.servers.find((r) => r.name === s.name)?.version ?? null,
      requests: s.requestsTotal, responses2xx: s.responses2xx, errors5xx: s.responses5xx,
      meanResponseTimeMs: s.responseTimeMs, sessionsCurrent: s.sessionsCurrent,
    }));
  }

  private endpoint(value: string, field: string): string {
    const parsed = parseCliEndpoint(value.trim(), field);
    if (parsed.kind === 'unix' && !this.deps.policy.allowUnixSockets) throw new InputError(field, 'unix:// endpoints are not allowed on this server');
    return value.trim();
  }

  /** Writes the whole config and reloads; if HAProxy refuses it, the previous file is put back (nothing half-written). */
  private async writeAndReload(router: TrafficRouter, routes: TrafficRoute[]): Promise<void> {
    const { files, haproxy } = this.deps;
    const previous = await files.read(router.configPath);
    await files.write(router.configPath, renderHaproxyConfig(router, routes));
    try {
      await haproxy.reload(router.masterEndpoint, this.deps.settleTimeoutMs);
    } catch (error) {
      if (previous != null) await files.write(router.configPath, previous);
      throw error;
    }
    const deadline = Date.now() + (this.deps.settleTimeoutMs ?? 10_000);
    for (const route of routes) {
      // The new worker takes the runtime socket over too: it may not answer for a moment.
      while (!(await this.frontendLive(router, route).catch(() => false))) {
        if (Date.now() > deadline) throw new DomainError(ErrorCode.ROUTER_REFUSED, `router ${router.name} reloaded but port ${route.listenPort} does not answer`, { field: 'listenPort' });
        await delay(100);
      }
    }
  }

  private async frontendLive(router: TrafficRouter, route: TrafficRoute): Promise<boolean> {
    if (!(await this.deps.haproxy.frontendOpen(router.runtimeEndpoint, frontendOf(route.backend)))) return false;
    const parsed = parseCliEndpoint(router.runtimeEndpoint);
    return this.deps.probe(parsed.kind === 'tcp' ? parsed.host : '127.0.0.1', route.listenPort);
  }

  /** Waits until the drained servers hold no session, or the drain timeout passes (their sessions are then cut). */
  private async drained(endpoint: string, backend: string, names: string[]): Promise<void> {
    const deadline = Date.now() + (this.deps.drainTimeoutMs ?? 10_000);
    while (Date.now() < deadline) {
      const live = await this.deps.haproxy.servers(endpoint, backend);
      if (live.every((s) => !names.includes(s.name) || s.sessionsCurrent === 0)) return;
      await delay(100);
    }
  }

  private serialised<T>(routerId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(routerId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.deps.repository.locked(routerId, work));
    this.locks.set(routerId, next);
    void next.finally(() => this.locks.get(routerId) === next && this.locks.delete(routerId)).catch(() => undefined);
    return next;
  }
}
