import { DomainError, ErrorCode, NotFoundError } from '../../src/common/errors';
import type { RuntimeServer } from '../../src/routers/haproxy.adapter';
import { planBackends } from '../../src/routers/router.backends';
import { TrafficRoute, TrafficRouter } from '../../src/routers/router.entity';
import { RouterManager, type RouterManagerDeps } from '../../src/routers/router.manager';
import type { RouterStore } from '../../src/routers/router.repository';

const live = (name: string, fields: Partial<RuntimeServer> = {}): RuntimeServer => ({
  backend: 'bk', name, address: '10.0.0.1', port: 8080, weight: 50, status: 'UP', sessionsCurrent: 0, sessionsTotal: 0,
  requestsTotal: 0, responses2xx: 0, responses5xx: 0, responseTimeMs: 0, totalTimeMs: 0, ...fields,
});

/** A HAProxy that keeps servers per backend and records every runtime command in order. */
class FakeHaproxy implements Pick<RouterManagerDeps['haproxy'], keyof RouterManagerDeps['haproxy']> {
  calls: string[] = [];
  backends = new Map<string, RuntimeServer[]>();
  reachable = true;
  frontends = new Set<string>();

  private guard(endpoint: string) {
    if (!this.reachable) throw new DomainError(ErrorCode.ROUTER_UNREACHABLE, `the HAProxy CLI at ${endpoint} did not answer: connection refused`);
  }
  async info(endpoint: string) { this.guard(endpoint); return { name: 'HAProxy', version: '2.6', pid: 1, uptimeSeconds: 1 }; }
  async processes(endpoint: string) { this.guard(endpoint); return { reloads: 0, failed: 0, workers: [] }; }
  /** The config file the manager wrote: a reload opens the frontends it names. */
  config = () => '';
  async reload() {
    this.calls.push('reload');
    this.frontends = new Set([...this.config().matchAll(/^frontend (\S+)/gm)].map((m) => m[1]!));
    return { reloads: 1, failed: 0, workers: [] };
  }
  async frontendOpen(_e: string, frontend: string) { return this.frontends.has(frontend); }
  async servers(_e: string, backend: string) { return (this.backends.get(backend) ?? []).map((s) => ({ ...s })); }
  private list(backend: string) { return this.backends.get(backend) ?? this.backends.set(backend, []).get(backend)!; }
  async addServer(_e: string, spec: { backend: string; name: string; address: string; port: number; weight: number }) {
    this.calls.push(`add ${spec.name} ${spec.weight}`);
    this.list(spec.backend).push(live(spec.name, { backend: spec.backend, address: spec.address, port: spec.port, weight: spec.weight }));
  }
  async setWeight(_e: string, backend: string, name: string, weight: number) {
    this.calls.push(`weight ${name} ${weight}`);
    this.list(backend).find((s) => s.name === name)!.weight = weight;
  }
  async setState(_e: string, backend: string, name: string, state: string) {
    this.calls.push(`${state} ${name}`);
    this.list(backend).find((s) => s.name === name)!.status = state === 'ready' ? 'UP' : state.toUpperCase();
  }
  async setAddress(_e: string, backend: string, name: string, address: string, port: number) {
    this.calls.push(`addr ${name} ${address}:${port}`);
    Object.assign(this.list(backend).find((s) => s.name === name)!, { address, port });
  }
  async delServer(_e: string, backend: string, name: string) {
    this.calls.push(`del ${name}`);
    this.backends.set(backend, this.list(backend).filter((s) => s.name !== name));
  }
}

class MemoryStore implements RouterStore {
  routers: TrafficRouter[] = [];
  routeRows: TrafficRoute[] = [];
  async findRouter(accountId: string, id: string) { return this.routers.find((r) => r.id === id && r.accountId === accountId) ?? null; }
  async listRouters(accountId: string) { return this.routers.filter((r) => r.accountId === accountId); }
  async insertRouter(router: TrafficRouter) {
    if (this.routers.some((r) => r.accountId === router.accountId && r.name === router.name)) return false;
    this.routers.push(router);
    return true;
  }
  async deleteRouter(accountId: string, id: string) { const before = this.routers.length; this.routers = this.routers.filter((r) => !(r.id === id && r.accountId === accountId)); return this.routers.length < before; }
  async findRoute(accountId: string, id: string) { return this.routeRows.find((r) => r.id === id && r.accountId === accountId) ?? null; }
  async findRouteFor() { return null; }
  async routesOf(accountId: string, routerId: string) { return this.routeRows.filter((r) => r.accountId === accountId && r.routerId === routerId); }
  async routesOfStack(accountId: string, clusterId: string, stack: string) { return this.routeRows.filter((r) => r.accountId === accountId && r.clusterId === clusterId && r.stack === stack); }
  async saveRoute(route: TrafficRoute) { if (!this.routeRows.includes(route)) this.routeRows.push(route); }
  async locked<T>(_routerId: string, work: () => Promise<T>) { return work(); }
}

function setup() {
  const haproxy = new FakeHaproxy();
  const repository = new MemoryStore();
  const written: string[] = [];
  const clusters = { get: async (owner: { accountId: string }, id: string) => { if (id !== 'c1' || owner.accountId !== 'acct-a') throw new NotFoundError('swarm cluster', id); return { id }; } };
  haproxy.config = () => written.at(-1) ?? '';
  const files = { read: async () => written.at(-1) ?? null, write: async (_p: string, text: string) => void written.push(text) };
  const manager = new RouterManager({ repository, haproxy, clusters, files, probe: async () => true, policy: { allowUnixSockets: true }, drainTimeoutMs: 200 });
  return { haproxy, repository, written, manager };
}

const alice = { accountId: 'acct-a' };
const register = (manager: RouterManager, owner = alice) => manager.registerTrafficRouter(owner, { name: 'edge', runtimeEndpoint: 'tcp://127.0.0.1:9999', masterEndpoint: 'unix:///run/haproxy-master.sock', configPath: '/etc/haproxy/fleet.cfg' });

describe(RouterManager.name, () => {
  it('plans adds, weight changes, readdressing and removals by server name', () => {
    const plan = planBackends([live('a', { weight: 90 }), live('b', { weight: 10, status: 'DRAIN' }), live('old')], [
      { name: 'a', address: '10.0.0.2', port: 8080, weight: 90 },
      { name: 'b', address: '10.0.0.1', port: 8080, weight: 10 },
      { name: 'new', address: '10.0.0.3', port: 81, weight: 5 },
    ]);
    expect(plan.add.map((s) => s.name)).toEqual(['new']);
    expect(plan.readdress.map((s) => s.name)).toEqual(['a']);
    expect(plan.reweight.map((s) => s.name)).toEqual(['b']); // same weight, but drained: back to ready
    expect(plan.remove).toEqual(['old']);
  });

  it('refuses to register a router whose runtime API does not answer, naming the endpoint', async () => {
    const { manager, haproxy, repository } = setup();
    haproxy.reachable = false;
    await expect(register(manager)).rejects.toMatchObject({ code: ErrorCode.ROUTER_UNREACHABLE, message: expect.stringContaining('tcp://127.0.0.1:9999') });
    expect(repository.routers).toEqual([]);
  });

  it('refuses a bad endpoint, a unix socket where the policy forbids it, and a relative config path, naming the field', async () => {
    const { manager } = setup();
    const base = { name: 'x', runtimeEndpoint: 'tcp://127.0.0.1:9999', masterEndpoint: 'tcp://127.0.0.1:9998', configPath: '/etc/h.cfg' };
    await expect(manager.registerTrafficRouter(alice, { ...base, runtimeEndpoint: 'http://x' })).rejects.toMatchObject({ details: { field: 'runtimeEndpoint' } });
    await expect(manager.registerTrafficRouter(alice, { ...base, configPath: 'h.cfg' })).rejects.toMatchObject({ details: { field: 'configPath' } });
    const strict = new RouterManager({ ...(manager as unknown as { deps: RouterManagerDeps }).deps, policy: { allowUnixSockets: false } });
    await expect(strict.registerTrafficRouter(alice, { ...base, masterEndpoint: 'unix:///run/m.sock' })).rejects.toMatchObject({ details: { field: 'masterEndpoint' } });
  });

  it('writes the config with the new route and reloads once; an existing live route changes nothing', async () => {
    const { manager, haproxy, written } = setup();
    const router = await register(manager);
    const route = await manager.ensureRoute(alice, { routerId: router.id, clusterId: 'c1', stack: 'shop', service: 'web', listenPort: 8088 });
    expect(haproxy.calls).toEqual(['reload']);
    expect(written.at(-1)).toMatch(new RegExp(`frontend fe_shop_web_\\w+\\n  bind :8088\\n  default_backend ${route.backend}`));
    expect(written.at(-1)).toContain(`backend ${route.backend}\n  balance roundrobin`);
    await manager.ensureRoute(alice, { routerId: router.id, clusterId: 'c1', stack: 'shop', service: 'web', listenPort: 8088 });
    expect(haproxy.calls).toEqual(['reload']);
    await expect(manager.ensureRoute(alice, { routerId: router.id, clusterId: 'c1', stack: 'shop', service: 'api', listenPort: 8088 })).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: { field: 'listenPort' } });
  });

  it('puts the previous config back and stores no route when HAProxy refuses the reload', async () => {
    const { manager, haproxy, repository, written } = setup();
    const router = await register(manager);
    written.push('# the config before\n');
    haproxy.reload = async () => { throw new DomainError(ErrorCode.ROUTER_REFUSED, 'the new configuration did not load'); };
    await expect(manager.ensureRoute(alice, { routerId: router.id, clusterId: 'c1', stack: 'shop', service: 'web', listenPort: 8088 })).rejects.toMatchObject({ code: ErrorCode.ROUTER_REFUSED });
    expect(written.at(-1)).toBe('# the config before\n');
    expect(repository.routeRows).toEqual([]);
  });

  it('sets backends live: adds first, then weights, then drains and removes the ones left out; stores the set, no reload', async () => {
    const { manager, haproxy, repository } = setup();
    const router = await register(manager);
    const route = await manager.ensureRoute(alice, { routerId: router.id, clusterId: 'c1', stack: 'shop', service: 'web', listenPort: 8088 });
    haproxy.backends.set(route.backend, [live('v1-0', { weight: 100 }), live('v1-1', { weight: 100 })]);
    haproxy.calls = [];
    await manager.setBackends(alice, route.id, [
      { name: 'v1-0', address: '10.0.0.1', port: 8080, weight: 90 },
      { name: 'v2-0', address: '10.0.0.9', port: 8080, weight: 10, version: 'v2' },
    ]);
    expect(haproxy.calls).toEqual(['add v2-0 10', 'weight v1-0 90', 'ready v1-0', 'drain v1-1', 'del v1-1']);
    expect(haproxy.backends.get(route.backend)!.map((s) => [s.name, s.weight])).toEqual([['v1-0', 90], ['v2-0', 10]]);
    expect(repository.routeRows[0]!.servers.map((s) => [s.name, s.weight, s.version])).toEqual([['v1-0', 90, null], ['v2-0', 10, 'v2']]);
    expect((await manager.routeStats(alice, route.id)).find((s) => s.name === 'v2-0')!.version).toBe('v2');
  });

  it('refuses servers with a bad name, weight or a duplicate, naming the entry; another account reads NOT_FOUND', async () => {
    const { manager } = setup();
    const router = await register(manager);
    const route = await manager.ensureRoute(alice, { routerId: router.id, clusterId: 'c1', stack: 'shop', service: 'web', listenPort: 8088 });
    const ok = { name: 'a', address: '10.0.0.1', port: 8080, weight: 1 };
    await expect(manager.setBackends(alice, route.id, [{ ...ok, weight: 300 }])).rejects.toMatchObject({ details: { field: 'servers[0].weight' } });
    await expect(manager.setBackends(alice, route.id, [ok, ok])).rejects.toMatchObject({ details: { field: 'servers[1].name' } });
    await expect(manager.setBackends(alice, route.id, [{ ...ok, name: 'a b' }])).rejects.toMatchObject({ details: { field: 'servers[0].name' } });
    const bob = { accountId: 'acct-b' };
    await expect(manager.get(bob, router.id)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(manager.setBackends(bob, route.id, [ok])).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(manager.ensureRoute(alice, { routerId: router.id, clusterId: 'c-of-bob', stack: 's', service: 'w', listenPort: 1 })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });
});
