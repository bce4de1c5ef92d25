import type { Principal } from '../../src/auth/principal';
import { DeploymentStepKind } from '../../src/deployments/deployment-step.entity';
import { RouteRefresher, serviceOfRole } from '../../src/deployments/route.refresh';
import type { BackendServerInput } from '../../src/routers/router.backends';
import type { TrafficRoute } from '../../src/routers/router.entity';
import { FakeSides } from './fakes/side-strategy.fake';

const principal = { accountId: 'a1' } as Principal;
const target = { hostId: 'h' } as never;

/** Routes of one stack and what setBackends was asked. */
class Routes {
  set: Array<{ routeId: string; servers: BackendServerInput[] }> = [];
  constructor(private readonly rows: TrafficRoute[]) {}
  async routesOfStack(_o: unknown, clusterId: string, stack: string) {
    return this.rows.filter((r) => r.clusterId === clusterId && r.stack === stack);
  }
  async setBackends(_o: unknown, routeId: string, servers: readonly BackendServerInput[]) {
    this.set.push({ routeId, servers: [...servers] });
    return this.rows.find((r) => r.id === routeId)!;
  }
}

const route = (id: string, servers: TrafficRoute['servers'], service = 'web') => ({ id, clusterId: 'c1', stack: 'shop', service, servers }) as TrafficRoute;
const server = (name: string, version: string, weight = 1) => ({ name, address: '10.0.0.9', port: 80, weight, version });

describe('RouteRefresher: the routes of a settled stack on the tasks that run', () => {
  const setup = (rows: TrafficRoute[]) => {
    const sides = new FakeSides();
    const routers = new Routes(rows);
    const warned: unknown[] = [];
    const refresher = new RouteRefresher({ routers, sides, logger: { warn: (o: unknown) => warned.push(o) } as never });
    return { sides, routers, refresher, warned };
  };

  it('names the swarm service of each version', () => {
    expect([serviceOfRole('shop', 'web', 'blue'), serviceOfRole('shop', 'web', 'green'), serviceOfRole('shop', 'web', 'stable'), serviceOfRole('shop', 'web', 'canary'), serviceOfRole('shop', 'web', null)]).toEqual(['shop_web', 'shop_web-green', 'shop_web', 'shop_web-canary', 'shop_web']);
  });

  it('replaces servers of replaced tasks, each version keeping its weight', async () => {
    const { sides, routers, refresher } = setup([route('r1', [server('stable-old', 'stable', 9), server('canary-old', 'canary', 1)])]);
    sides.add('shop_web', 2, 'v1');
    sides.add('shop_web-canary', 1, 'v2');
    await refresher.refresh(principal, target, 'c1', 'shop');
    expect(routers.set).toEqual([{ routeId: 'r1', servers: [
      { name: 'stable-shop_web-t1', address: '10.0.0.1', port: 80, weight: 9, version: 'stable' },
      { name: 'stable-shop_web-t2', address: '10.0.0.1', port: 80, weight: 9, version: 'stable' },
      { name: 'canary-shop_web-canary-t3', address: '10.0.0.1', port: 80, weight: 1, version: 'canary' },
    ] }]);
  });

  it('changes nothing when the servers are the running tasks already, and never empties a route', async () => {
    const { sides, routers, refresher } = setup([route('r1', [{ name: 'green-shop_web-green-t1', address: '10.0.0.1', port: 80, weight: 1, version: 'green' }]), route('r2', [server('blue-gone', 'blue')]), route('r3', [], 'api')]);
    sides.add('shop_web-green', 1, 'v2');
    expect(await refresher.refresh(principal, target, 'c1', 'shop')).toEqual([]);
    expect(routers.set).toEqual([]);
    expect(await refresher.refreshQuietly(principal, target, 'c1', 'shop')).toEqual([]); // no step either
  });

  it('fills an empty route from the color that runs (the one with more replicas), at weight 1, and tells it as a TRAFFIC step', async () => {
    const { sides, routers, refresher } = setup([{ ...route('r1', []), listenPort: 8081 } as TrafficRoute, { ...route('r2', [], 'api'), listenPort: 8082 } as TrafficRoute]);
    sides.add('shop_web', 0, 'v1');
    sides.add('shop_web-green', 2, 'v2');
    sides.add('shop_api', 1, 'v1');
    const steps = await refresher.refreshQuietly(principal, target, 'c1', 'shop');
    expect(routers.set).toEqual([
      { routeId: 'r1', servers: [
        { name: 'green-shop_web-green-t1', address: '10.0.0.1', port: 80, weight: 1, version: 'green' },
        { name: 'green-shop_web-green-t2', address: '10.0.0.1', port: 80, weight: 1, version: 'green' },
      ] },
      { routeId: 'r2', servers: [{ name: 'blue-shop_api-t3', address: '10.0.0.1', port: 80, weight: 1, version: 'blue' }] },
    ]);
    expect(steps).toEqual([
      { kind: DeploymentStepKind.TRAFFIC, service: 'shop_web', message: 'empty route filled from the running tasks (router port 8081): 2 server(s)', data: { routeId: 'r1', before: [], after: ['green-shop_web-green-t1', 'green-shop_web-green-t2'], filled: true } },
      { kind: DeploymentStepKind.TRAFFIC, service: 'shop_api', message: 'empty route filled from the running tasks (router port 8082): 1 server(s)', data: { routeId: 'r2', before: [], after: ['blue-shop_api-t3'], filled: true } },
    ]);
  });

  it('tells a refresh of replaced tasks as a TRAFFIC step naming the servers before and after', async () => {
    const { sides, refresher } = setup([{ ...route('r1', [server('blue-old', 'blue')]), listenPort: 8081 } as TrafficRoute]);
    sides.add('shop_web', 1, 'v2');
    expect(await refresher.refreshQuietly(principal, target, 'c1', 'shop')).toEqual([
      { kind: DeploymentStepKind.TRAFFIC, service: 'shop_web', message: 'route refreshed from the running tasks (router port 8081): 1 server(s), was 1', data: { routeId: 'r1', before: ['blue-old'], after: ['blue-shop_web-t1'], filled: false } },
    ]);
  });

  it('logs a refresh that failed instead of failing the settled deployment', async () => {
    const { routers, refresher, warned } = setup([route('r1', [server('blue-x', 'blue')])]);
    routers.routesOfStack = async () => {
      throw new Error('router store down');
    };
    await expect(refresher.refreshQuietly(principal, target, 'c1', 'shop')).resolves.toEqual([]);
    expect(warned).toHaveLength(1);
  });
});
