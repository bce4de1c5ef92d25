import {
  AbortDeploymentDocument,
  DeploymentProgressDocument,
  DeploymentStatus,
  DeploymentStepKind,
  DeploymentStrategyKind,
  PromoteDeploymentDocument,
  type DeploymentProgressSubscription,
} from '../generated/graphql';
import { freePort } from '../support/router';
import { hostPort, probe, prober, strategyFixture, webCompose, type StrategyFixture } from '../support/deployment-traffic';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

/** CANARY on the fleet swarm behind a real HAProxy the product drives, and by replica ratio without one. */
describe('canary deployments on the fleet swarm', () => {
  jest.setTimeout(120_000);
  let f: StrategyFixture;

  beforeAll(async () => {
    f = await strategyFixture('cn');
  }, 60_000);

  afterAll(async () => {
    await f?.close();
  }, 90_000);

  const progress = (deploymentId: string) => {
    const client = f.server.wsClient({ authorization: `Bearer ${f.token}` });
    return { client, seen: new Collector<DeploymentProgressSubscription>(subscribe(client, DeploymentProgressDocument, { id: deploymentId })) };
  };

  it('sends ~10% of requests to v2 at weight 10, then on promotion updates the stable service to v2 and removes the canary (SUCCEEDED)', async () => {
    const name = f.stackName('a');
    const [stablePort, canaryPort, listenPort] = [hostPort(), hostPort(), await freePort()];
    const canary = { routerId: f.routerId, listenPort, publishedPort: canaryPort };
    const r1 = await f.deploy(name, webCompose(f.swarm.web.v1, stablePort, 2), { strategy: DeploymentStrategyKind.Canary, canary });
    await f.until(r1.id, 'r1 to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    await waitFor(async () => (await probe(listenPort)).ok, { what: 'v1 through the router' });

    const started = Date.now();
    const r2 = await f.deploy(name, webCompose(f.swarm.web.v2, stablePort, 2), { strategy: DeploymentStrategyKind.Canary, canary: { ...canary, steps: [{ setWeight: 10 }, { pause: true }, { analysis: { intervalSeconds: 2, count: 2, maxErrorRate: 0.01 } }, { setWeight: 100 }] } });
    const { client, seen } = progress(r2.id);
    const paused = await f.until(r2.id, 'the canary at 10%, paused', (d) => d.status === DeploymentStatus.Paused);
    const pausedAfter = Date.now() - started;
    expect(paused.trafficMode).toBe('router');
    const answers: string[] = [];
    for (let i = 0; i < 400; i++) {
      const result = await probe(listenPort);
      expect(result).toMatchObject({ ok: true });
      if (result.ok) answers.push(result.version);
    }
    const share = answers.filter((a) => a === 'v2').length / answers.length;

    const traffic = prober(listenPort);
    await f.server.ok(PromoteDeploymentDocument, { id: r2.id }, f.token);
    const done = await f.until(r2.id, 'r2 to succeed', (d) => d.status === DeploymentStatus.Succeeded, 100_000);
    await waitFor(() => traffic.answers.length >= 50, { what: 'probes after the promotion' });
    await traffic.stop();
    console.log(`canary: v2 share at weight 10: ${(share * 100).toFixed(1)}% of ${answers.length}; paused at 10% after ${pausedAfter} ms; promotion to the end: ${traffic.answers.length} requests, ${traffic.failures.length} failed`);
    expect(share).toBeGreaterThanOrEqual(0.06);
    expect(share).toBeLessThanOrEqual(0.14);
    expect(traffic.failures).toEqual([]);
    expect(traffic.answers.at(-1)).toBe('v2');
    expect(done.services.map((s) => [s.name, s.image])).toEqual([[`${name}_web`, f.swarm.web.v2]]);
    expect(await f.runningTasks(`${name}_web-canary`)).toBeNull();
    const messages = seen.messages.map((m) => m.deploymentProgress);
    expect(messages.filter((m) => m.kind === DeploymentStepKind.Traffic).map((m) => m.message)).toEqual([
      'traffic to the canary: 10% (1 server(s) at weight 2), stable 90% (2 at 9)',
      'traffic to the canary: 100% (2 server(s) at weight 1), stable 0% (2 at 0)',
      `traffic to the updated stable ${name}_web: 100% over 2 server(s); the canary drained`,
    ]);
    expect(messages.filter((m) => m.kind === DeploymentStepKind.Analysis).map((m) => m.message)).toEqual(['analysis (step 3) 1/2: passed', 'analysis (step 3) 2/2: passed']);
    await client.dispose();
  });

  it('aborts a canary to fleet/web:broken at its first step (its HEALTHCHECK never passes): ROLLED_BACK, the stable tasks untouched', async () => {
    const name = f.stackName('b');
    const [stablePort, canaryPort, listenPort] = [hostPort(), hostPort(), await freePort()];
    const canary = { routerId: f.routerId, listenPort, publishedPort: canaryPort };
    const r1 = await f.deploy(name, webCompose(f.swarm.web.v1, stablePort, 2), { strategy: DeploymentStrategyKind.Canary, canary });
    await f.until(r1.id, 'r1 to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    const before = await f.runningTasks(`${name}_web`);
    expect(before).toHaveLength(2);

    const traffic = prober(listenPort);
    const started = Date.now();
    const r2 = await f.deploy(name, webCompose(f.swarm.web.broken, stablePort, 2), { strategy: DeploymentStrategyKind.Canary, canary: { ...canary, steps: [{ setWeight: 10 }, { pause: true }, { setWeight: 100 }] } });
    const ended = await f.until(r2.id, 'the canary rolled back', (d) => d.status === DeploymentStatus.RolledBack, 100_000);
    const after = Date.now() - started;
    await traffic.stop();
    console.log(`canary to broken: ROLLED_BACK after ${after} ms (${ended.reason}); ${traffic.answers.length} requests meanwhile, ${traffic.failures.length} failed`);
    expect(ended.reason).toMatch(/canary \(.*_web-canary\): \d+ task\(s\) failed/);
    expect(await f.runningTasks(`${name}_web`)).toEqual(before);
    expect(await f.runningTasks(`${name}_web-canary`)).toBeNull();
    expect(ended.services.map((s) => [s.name, s.image])).toEqual([[`${name}_web`, f.swarm.web.v1]]);
    expect(traffic.failures).toEqual([]);
    expect(traffic.answers.every((a) => a === 'v1')).toBe(true);
  });

  it('without a router moves replicas: 4 at 10% = 1 canary + 3 stable (paused), and an abort returns the 4 stable ones', async () => {
    const name = f.stackName('c');
    const r1 = await f.deploy(name, webCompose(f.swarm.web.v1, null, 4), { strategy: DeploymentStrategyKind.Canary });
    await f.until(r1.id, 'r1 to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    const r2 = await f.deploy(name, webCompose(f.swarm.web.v2, null, 4), { strategy: DeploymentStrategyKind.Canary, canary: { steps: [{ setWeight: 10 }, { pause: true }, { setWeight: 100 }] } });
    const { client, seen } = progress(r2.id);
    const paused = await f.until(r2.id, 'the canary at 10%, paused', (d) => d.status === DeploymentStatus.Paused);
    expect(paused.trafficMode).toBe('replica-ratio');
    const ratio = await seen.waitFor((m) => m.deploymentProgress.kind === DeploymentStepKind.Traffic, { what: 'the traffic step' });
    expect(ratio.deploymentProgress.message).toBe('traffic by replica ratio: 1 canary + 3 stable (10% of 4)');
    await waitFor(async () => (await f.runningTasks(`${name}_web`))?.length === 3 && (await f.runningTasks(`${name}_web-canary`))?.length === 1, { what: '3 stable + 1 canary running' });
    await f.server.ok(AbortDeploymentDocument, { id: r2.id }, f.token);
    const ended = await f.until(r2.id, 'the abort', (d) => d.status === DeploymentStatus.RolledBack);
    expect(ended.reason).toMatch(/aborted by a user/);
    await waitFor(async () => (await f.runningTasks(`${name}_web`))?.length === 4 && (await f.runningTasks(`${name}_web-canary`)) === null, { what: '4 stable again, no canary' });
    await client.dispose();
  });
});
