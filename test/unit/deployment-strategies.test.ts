import { DeploymentStatus, DeploymentStrategyKind } from '../../src/deployments/deployment.entity';
import { BlueGreenStrategy } from '../../src/deployments/strategies/blue-green.strategy';
import { CanaryStrategy } from '../../src/deployments/strategies/canary.strategy';
import { judge, replicaSplit, routerWeights, trafficDelta } from '../../src/deployments/strategies/traffic.rules';
import { strategyOptions } from '../../src/deployments/deployment.inputs';
import { FakeRouters, FakeSides, fakeContext } from './fakes/side-strategy.fake';

describe('traffic rules', () => {
  it('splits replicas to the nearest whole number, as Argo Rollouts does: 10 at 10% = 1 canary + 9 stable', () => {
    expect(replicaSplit(10, 10)).toEqual({ canary: 1, stable: 9 });
    expect(replicaSplit(10, 15)).toEqual({ canary: 2, stable: 8 });
    expect(replicaSplit(10, 14)).toEqual({ canary: 1, stable: 9 });
    expect(replicaSplit(10, 50)).toEqual({ canary: 5, stable: 5 });
    expect(replicaSplit(4, 10)).toEqual({ canary: 1, stable: 3 });
    expect(replicaSplit(4, 90)).toEqual({ canary: 3, stable: 1 });
    expect(replicaSplit(10, 0)).toEqual({ canary: 0, stable: 10 });
    expect(replicaSplit(10, 100)).toEqual({ canary: 10, stable: 0 });
    expect(replicaSplit(1, 30)).toEqual({ canary: 1, stable: 1 });
  });

  it('weights servers so that the canary servers together get the weight: 2 stable + 1 canary at 10% = 9, 9, 2', () => {
    expect(routerWeights(2, 1, 10)).toEqual({ stable: 9, canary: 2 });
    const w = routerWeights(3, 2, 33);
    expect((2 * w.canary) / (2 * w.canary + 3 * w.stable)).toBeCloseTo(0.33, 2);
    const big = routerWeights(7, 3, 1);
    expect(Math.max(big.stable, big.canary)).toBeLessThanOrEqual(256);
    expect(routerWeights(2, 1, 0)).toEqual({ stable: 1, canary: 0 });
    expect(routerWeights(2, 1, 100)).toEqual({ stable: 0, canary: 1 });
  });

  it('judges the router counters as deltas (a reload that reset them counts from zero) and names each threshold crossed', () => {
    const before = { canary: { requests: 100, errors5xx: 1, meanResponseTimeMs: 5 } };
    const delta = trafficDelta(before, { canary: { requests: 120, errors5xx: 6, meanResponseTimeMs: 900 } });
    expect(delta.canary).toEqual({ requests: 20, errors5xx: 5, meanResponseTimeMs: 900 });
    expect(trafficDelta(before, { canary: { requests: 7, errors5xx: 0, meanResponseTimeMs: 1 } }).canary!.requests).toBe(7);
    const verdict = judge({ health: { failed: 0, restarts: 0, unhealthy: 0 }, canary: delta.canary!, stable: null }, { maxErrorRate: 0.1, maxMeanLatencyMs: 500 });
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual(['error rate 0.250 > 0.1', 'mean latency 900 ms > 500 ms']);
    expect(judge({ health: { failed: 1, restarts: 1, unhealthy: 1 }, canary: null, stable: null }, {}).failures).toEqual(['task failures 1 > 0', 'unhealthy containers 1 > 0']);
    expect(judge({ health: { failed: 0, restarts: 0, unhealthy: 0 }, canary: { requests: 0, errors5xx: 0, meanResponseTimeMs: null }, stable: null }, {}).passed).toBe(true);
  });

  it('flattens the GraphQL options: pause: true and an explicit pauseSeconds: null both mean until promoted', () => {
    const { options } = strategyOptions({ strategy: DeploymentStrategyKind.CANARY, canary: { routerId: 'r', listenPort: 80, steps: [{ setWeight: 10 }, { pause: true }, { pauseSeconds: null }, { pauseSeconds: 5 }, { analysis: { count: 2, maxErrorRate: 0.1 } }] } as never });
    expect(options).toEqual({ routerId: 'r', listenPort: 80, steps: [{ setWeight: 10 }, { pauseSeconds: null }, { pauseSeconds: null }, { pauseSeconds: 5 }, { analysis: { count: 2, maxErrorRate: 0.1 } }] });
  });
});

describe(CanaryStrategy.name, () => {
  const routed = { routerId: 'r1', listenPort: 8000, publishedPort: 81 };

  it('refuses bad options naming the field', () => {
    const strategy = new CanaryStrategy({ routers: new FakeRouters(), sides: new FakeSides() });
    const services = ['shop_web'];
    expect(() => strategy.validate({ steps: [{ setWeight: 120 }] }, { services })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('canary.steps[0].setWeight') }));
    expect(() => strategy.validate({ steps: [{ setWeight: 10, pauseSeconds: 5 }] }, { services })).toThrow(/canary.steps\[0\] must set exactly one/);
    expect(() => strategy.validate({ routerId: 'r' }, { services })).toThrow(/canary.listenPort is required/);
    expect(() => strategy.validate({ service: 'db' }, { services })).toThrow(/canary.service must name a service/);
    expect(() => strategy.validate({}, { services: ['shop_web', 'shop_db'] })).toThrow(/canary.service must name the routed service/);
    expect(() => strategy.validate({ steps: [{ analysis: { maxErrorRate: 2 } }] }, { services })).toThrow(/canary.steps\[0\].analysis.maxErrorRate/);
    expect(() => strategy.validate({ ...routed, steps: [{ setWeight: 10 }, { pauseSeconds: null }, { analysis: { count: 2 } }] }, { services })).not.toThrow();
  });

  it('goes through its steps in order behind a router: 10%, a timed pause, an analysis, then the stable updated and the canary removed', async () => {
    const sides = new FakeSides();
    sides.add('shop_web', 2, 'shop/web:v1');
    const stableTasks = [...sides.services.get('shop_web')!.taskIds];
    const routers = new FakeRouters();
    const run = fakeContext(sides, { strategy: DeploymentStrategyKind.CANARY, options: { ...routed, steps: [{ setWeight: 10 }, { pauseSeconds: 30 }, { setWeight: 50 }, { analysis: { intervalSeconds: 5, count: 2 } }] } });
    const strategy = new CanaryStrategy({ routers, sides, now: () => run.clock.now });
    const outcome = await strategy.run(run.context);
    expect(outcome).toEqual({ status: DeploymentStatus.SUCCEEDED, reason: null });
    expect(run.messages('TRAFFIC')).toEqual([
      'traffic to the canary: 10% (1 server(s) at weight 2), stable 90% (2 at 9)',
      'traffic to the canary: 50% (1 server(s) at weight 2), stable 50% (2 at 1)',
      'traffic to the canary: 100% (2 server(s) at weight 1), stable 0% (2 at 0)',
      'traffic to the updated stable shop_web: 100% over 2 server(s); the canary drained',
    ]);
    expect(run.messages('ANALYSIS')).toEqual(['analysis (step 4) 1/2: passed', 'analysis (step 4) 2/2: passed']);
    // The canary was created alone (replicas 0) beside the stable, then the whole revision applied at the end.
    expect(run.applied).toEqual([['shop_web-canary'], ['shop_web']]);
    expect(sides.calls).toEqual(['scale shop_web-canary 1', 'scale shop_web-canary 2', 'remove shop_web-canary']);
    expect(routers.history.map((h) => h.canary ?? 0)).toEqual([2, 2, 2, 0]);
    expect(stableTasks).toHaveLength(2);
    expect(run.deployment.state).toMatchObject({ phase: 'finalize', trafficMode: 'router', stepIndex: 4, weight: 100 });
  });

  it('aborts when a threshold is crossed during a pause: traffic back to the stable, canary removed, the stable never scaled (ROLLED_BACK)', async () => {
    const sides = new FakeSides();
    sides.add('shop_web', 2, 'shop/web:v1');
    const routers = new FakeRouters();
    const run = fakeContext(sides, { strategy: DeploymentStrategyKind.CANARY, options: { ...routed, analysis: { maxErrorRate: 0.1 }, steps: [{ setWeight: 10 }, { pauseSeconds: 60 }, { setWeight: 100 }] } });
    routers.stats = { canary: { requests: 0, errors5xx: 0, meanResponseTimeMs: 3 }, stable: { requests: 0, errors5xx: 0, meanResponseTimeMs: 3 } };
    // 10 s into the pause the canary starts answering 5xx: 8 of 20 requests.
    run.hooks.onTick = (now) => {
      if (now - start > 10_000) routers.stats.canary = { requests: 20, errors5xx: 8, meanResponseTimeMs: 3 };
    };
    const start = run.clock.now;
    const outcome = await new CanaryStrategy({ routers, sides, now: () => run.clock.now }).run(run.context);
    expect(outcome.status).toBe(DeploymentStatus.ROLLED_BACK);
    expect(outcome.reason).toMatch(/error rate 0.400 > 0.1/);
    expect(run.messages('ANALYSIS')).toEqual(['canary watch: failed (error rate 0.400 > 0.1)']);
    expect(run.messages('TRAFFIC').at(-1)).toBe('traffic back to the stable shop_web: 100% over 2 server(s)');
    expect(sides.calls).toEqual(['scale shop_web-canary 1', 'remove shop_web-canary']);
    expect(run.clock.now - start).toBeLessThan(20_000);
  });

  it('aborts at the first step when the canary never gets healthy (its tasks fail), the stable untouched', async () => {
    const sides = new FakeSides();
    sides.add('shop_web', 2, 'shop/web:v1');
    const stableTasks = [...sides.services.get('shop_web')!.taskIds];
    const run = fakeContext(sides, { strategy: DeploymentStrategyKind.CANARY, options: { ...routed, steps: [{ setWeight: 10 }, { pauseSeconds: null }] }, compose: 'services:\n  web:\n    image: shop/web:broken\n    ports:\n      - target: 8080\n        published: 80\n        mode: host\n' });
    run.hooks.onTick = () => {
      const canary = sides.services.get('shop_web-canary');
      if (canary) canary.failed = 1;
    };
    const outcome = await new CanaryStrategy({ routers: new FakeRouters(), sides, now: () => run.clock.now }).run(run.context);
    expect(outcome.status).toBe(DeploymentStatus.ROLLED_BACK);
    expect(outcome.reason).toMatch(/canary \(shop_web-canary\): 1 task\(s\) failed/);
    expect(run.messages('TRAFFIC')).toEqual(['traffic back to the stable shop_web: 100% over 2 server(s)']);
    expect(sides.services.get('shop_web')!.taskIds).toEqual(stableTasks);
    expect(run.deployment.status).not.toBe(DeploymentStatus.PAUSED);
  });

  it('without a router moves replicas: 10 at 10% = 1 canary + 9 stable; waits PAUSED for promotion; restores 10 stable on an abort', async () => {
    const sides = new FakeSides();
    sides.add('shop_web', 10, 'shop/web:v1');
    const run = fakeContext(sides, { strategy: DeploymentStrategyKind.CANARY, options: { publishedPort: 81, steps: [{ setWeight: 10 }, { pauseSeconds: null }, { setWeight: 100 }] } });
    run.hooks.onStep = (step) => {
      if (/^paused:/.test(step.message)) setImmediate(() => run.ask('abort'));
    };
    const outcome = await new CanaryStrategy({ routers: new FakeRouters(), sides, now: () => run.clock.now }).run(run.context);
    expect(run.messages('TRAFFIC')).toEqual(['traffic by replica ratio: 1 canary + 9 stable (10% of 10)', 'traffic by replica ratio: 0 canary + 10 stable']);
    expect(run.messages('STATUS')).toEqual(['paused: canary at 10%: waiting for promoteDeployment']);
    expect(outcome).toMatchObject({ status: DeploymentStatus.ROLLED_BACK, reason: expect.stringMatching(/aborted by a user/) });
    expect(sides.calls).toEqual(['scale shop_web-canary 1', 'scale shop_web 9', 'scale shop_web 10', 'remove shop_web-canary']);
    expect(run.deployment.state.trafficMode).toBe('replica-ratio');
  });

  it('resumes at its stored step without redoing the ones done', async () => {
    const sides = new FakeSides();
    sides.add('shop_web', 2, 'shop/web:v1');
    sides.add('shop_web-canary', 1, 'shop/web:v2');
    const routers = new FakeRouters();
    const run = fakeContext(sides, { strategy: DeploymentStrategyKind.CANARY, options: { ...routed, steps: [{ setWeight: 10 }, { pauseSeconds: 30 }, { setWeight: 100 }] } });
    run.deployment.state = { phase: 'steps', trafficMode: 'router', key: 'web', stable: 'shop_web', canary: 'shop_web-canary', routeId: 'route-web', total: 2, stepIndex: 1, weight: 10, since: new Date().toISOString(), pauseStartedAt: new Date(run.clock.now - 25_000).toISOString() };
    const outcome = await new CanaryStrategy({ routers, sides, now: () => run.clock.now }).run(run.context);
    expect(outcome.status).toBe(DeploymentStatus.SUCCEEDED);
    expect(run.applied).toEqual([['shop_web']]);
    expect(run.messages('TRAFFIC')[0]).toBe('traffic to the canary: 100% (2 server(s) at weight 1), stable 0% (2 at 0)');
  });
});

describe(BlueGreenStrategy.name, () => {
  const routed = { routerId: 'r1', listenPort: 8000, publishedPort: 81 };

  it('refuses bad options naming the field', () => {
    const strategy = new BlueGreenStrategy({ routers: new FakeRouters(), sides: new FakeSides() });
    const services = ['shop_web'];
    expect(() => strategy.validate({ previewPort: 9000 }, { services })).toThrow(/blueGreen.previewPort needs routerId/);
    expect(() => strategy.validate({ ...routed, probePath: 'health' }, { services })).toThrow(/blueGreen.probePath must be a path/);
    expect(() => strategy.validate({ ...routed, scaleDownDelaySeconds: -1 }, { services })).toThrow(/blueGreen.scaleDownDelaySeconds/);
    expect(() => strategy.validate({ ...routed, autoPromotionEnabled: false, autoPromoteSeconds: 5 }, { services })).toThrow(/blueGreen.autoPromoteSeconds/);
  });

  it('deploys green beside blue, waits PAUSED for promotion, switches 0 -> 100 in one step, then removes blue after the grace period', async () => {
    const sides = new FakeSides();
    sides.add('shop_web', 2, 'shop/web:v1');
    const routers = new FakeRouters();
    const run = fakeContext(sides, { strategy: DeploymentStrategyKind.BLUE_GREEN, options: { ...routed, autoPromotionEnabled: false, scaleDownDelaySeconds: 30 } });
    let switchedAt = 0;
    run.hooks.onStep = (step) => {
      if (/^paused:/.test(step.message)) setImmediate(() => run.ask('promote'));
      if (/switched to green/.test(step.message)) switchedAt = run.clock.now;
    };
    const outcome = await new BlueGreenStrategy({ routers, sides, now: () => run.clock.now }).run(run.context);
    expect(outcome.status).toBe(DeploymentStatus.SUCCEEDED);
    expect(run.applied).toEqual([['shop_web-green']]);
    expect(routers.history).toEqual([{ green: 2 }]);
    expect(run.messages('TRAFFIC')).toEqual(['traffic switched to green (shop_web-green): 100% over 2 server(s), blue (shop_web) 0%']);
    expect(sides.calls).toEqual(['remove shop_web']);
    expect(run.clock.now - switchedAt).toBeGreaterThanOrEqual(30_000);
    expect(run.deployment.services.map((s) => s.name)).toEqual(['shop_web-green']);
  });

  it('finds the live color on the next deploy (green), deploys into the compose name, and an abort in the grace period puts traffic back on green', async () => {
    const sides = new FakeSides();
    sides.add('shop_web-green', 2, 'shop/web:v2');
    const routers = new FakeRouters();
    const run = fakeContext(sides, { strategy: DeploymentStrategyKind.BLUE_GREEN, options: { ...routed, scaleDownDelaySeconds: 60 } });
    run.hooks.onStep = (step) => {
      if (/switched to green \(shop_web\)/.test(step.message)) setImmediate(() => run.ask('abort'));
    };
    const outcome = await new BlueGreenStrategy({ routers, sides, now: () => run.clock.now }).run(run.context);
    expect(run.applied).toEqual([['shop_web']]);
    expect(outcome).toMatchObject({ status: DeploymentStatus.ROLLED_BACK, reason: expect.stringMatching(/traffic back on blue \(shop_web-green\)/) });
    expect(routers.history).toEqual([{ blue: 2 }, { green: 2 }]);
    expect(run.messages('TRAFFIC')).toEqual(['traffic switched to green (shop_web): 100% over 2 server(s), blue (shop_web-green) 0%', 'traffic switched to blue (shop_web-green): 100% over 2 server(s), green (shop_web) 0%']);
    expect(sides.calls).toEqual(['remove shop_web']);
  });

  it('without a router moves the network aliases: green up with them first, then blue without (network-alias)', async () => {
    const sides = new FakeSides();
    sides.add('shop_web', 2, 'shop/web:v1');
    const run = fakeContext(sides, { strategy: DeploymentStrategyKind.BLUE_GREEN, options: { publishedPort: 81, scaleDownDelaySeconds: 0 } });
    const outcome = await new BlueGreenStrategy({ routers: new FakeRouters(), sides, now: () => run.clock.now }).run(run.context);
    expect(outcome.status).toBe(DeploymentStatus.SUCCEEDED);
    expect(sides.calls).toEqual(['aliases shop_web-green web', 'aliases shop_web -', 'remove shop_web']);
    expect(run.messages('TRAFFIC')).toEqual(['traffic by network-alias move: web now resolve(s) to green (shop_web-green), not shop_web']);
    expect(run.deployment.state.trafficMode).toBe('network-alias');
  });
});
