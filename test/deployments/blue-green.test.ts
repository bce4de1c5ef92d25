import {
  AbortDeploymentDocument,
  DeploymentDocument,
  DeploymentProgressDocument,
  DeploymentStatus,
  DeploymentStepKind,
  DeploymentStrategyKind,
  PromoteDeploymentDocument,
  RedeployDeploymentDocument,
  type DeploymentProgressSubscription,
} from '../generated/graphql';
import { freePort } from '../support/router';
import { hostPort, probe, prober, strategyFixture, webCompose, type StrategyFixture } from '../support/deployment-traffic';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

/**
 * BLUE_GREEN on the fleet swarm behind a real HAProxy the product drives: a prober sends requests through the router
 * the whole time, and not one fails across the switch to green, nor across an instant rollback to blue.
 */
describe('blue/green deployments on the fleet swarm with a real router', () => {
  jest.setTimeout(150_000);
  let f: StrategyFixture;

  beforeAll(async () => {
    f = await strategyFixture('bg');
  }, 60_000);

  afterAll(async () => {
    await f?.close();
  }, 90_000);

  const steps = (deploymentId: string) => {
    const client = f.server.wsClient({ authorization: `Bearer ${f.token}` });
    return { client, steps: new Collector<DeploymentProgressSubscription>(subscribe(client, DeploymentProgressDocument, { id: deploymentId })) };
  };

  it('switches blue -> green with zero failed requests (paused for promotion, preview route, HTTP probe), removes blue after the grace period, and the next deploy finds green live', async () => {
    const name = f.stackName('a');
    const [bluePort, greenPort, listenPort, previewPort] = [hostPort(), hostPort(), await freePort(), await freePort()];
    const options = { routerId: f.routerId, listenPort, publishedPort: greenPort };
    const first = await f.deploy(name, webCompose(f.swarm.web.v1, bluePort, 2), { strategy: DeploymentStrategyKind.BlueGreen, blueGreen: options });
    const r1 = await f.until(first.id, 'r1 to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    expect(r1).toMatchObject({ trafficMode: 'router', services: [{ name: `${name}_web`, outcome: 'SERVING' }] });
    await waitFor(async () => (await probe(listenPort)).ok, { what: 'v1 through the router' });

    const traffic = prober(listenPort);
    await waitFor(() => traffic.answers.length >= 30, { what: 'probes before the deploy' });
    const started = Date.now();
    const r2 = await f.deploy(name, webCompose(f.swarm.web.v2, bluePort, 2), { strategy: DeploymentStrategyKind.BlueGreen, blueGreen: { ...options, previewPort, probePath: '/', autoPromotionEnabled: false, scaleDownDelaySeconds: 5 } });
    const { client, steps: seen } = steps(r2.id);
    const paused = await f.until(r2.id, 'green healthy, paused for promotion', (d) => d.status === DeploymentStatus.Paused);
    const pausedAfter = Date.now() - started;
    expect(paused.phase).toBe('promote');
    // The preview route reaches green only; the live route still blue only.
    expect(await probe(previewPort)).toEqual({ ok: true, version: 'v2' });
    expect(traffic.answers.every((a) => a === 'v1')).toBe(true);
    expect(await f.runningTasks(`${name}_web-green`)).toHaveLength(2);

    const beforeSwitch = traffic.answers.length;
    await f.server.ok(PromoteDeploymentDocument, { id: r2.id }, f.token);
    const switched = await seen.waitFor((m) => m.deploymentProgress.kind === DeploymentStepKind.Traffic && /switched to green/.test(m.deploymentProgress.message), { what: 'the switch' });
    const switchedAt = Date.now();
    // The step is recorded once the router holds the new weights: what is sent after it (one request may have been
    // in flight) reaches green only. Between the runtime commands of the switch blue and green may both answer.
    const afterSwitch = traffic.answers.length + 1;
    await waitFor(() => traffic.answers.length >= beforeSwitch + 100 && traffic.answers.at(-1) === 'v2', { what: 'v2 answers after the switch' });
    // Blue goes once the grace period is over (a condition, not a sleep).
    await waitFor(async () => (await f.runningTasks(`${name}_web`)) === null, { what: 'blue removed', timeoutMs: 60_000 });
    const removedAfter = Date.now() - switchedAt;
    const done = await f.until(r2.id, 'r2 to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    await waitFor(() => traffic.answers.length >= beforeSwitch + 200, { what: 'probes after blue went' });
    await traffic.stop();
    console.log(`blue/green switch: ${traffic.answers.length} requests, ${traffic.failures.length} failed; paused for promotion after ${pausedAfter} ms; blue removed ${removedAfter} ms after the switch (grace 5 s)`);
    expect(traffic.failures).toEqual([]);
    expect(traffic.answers.slice(afterSwitch).every((a) => a === 'v2')).toBe(true);
    expect(switched.deploymentProgress.data).toMatchObject({ trafficMode: 'router', weights: { [`${name}_web-green`]: 100, [`${name}_web`]: 0 } });
    expect(removedAfter).toBeGreaterThanOrEqual(4000);
    expect(done.services.map((s) => s.name)).toEqual([`${name}_web-green`]);
    const kinds = seen.messages.map((m) => m.deploymentProgress.kind);
    expect(kinds).toEqual(expect.arrayContaining([DeploymentStepKind.Health, DeploymentStepKind.Traffic, DeploymentStepKind.Replicas]));
    expect(seen.messages.some((m) => /HTTP probe GET \/ on 2 green task\(s\): passed/.test(m.deploymentProgress.message))).toBe(true);
    await client.dispose();

    // A redeploy of r1 finds green live and deploys into the compose file's name again, with r1's stored spec: its
    // image exactly as r1 ran it (digest included), not the compose tag resolved again. (Without options it would
    // follow r2's, paused for a promotion.)
    const redeploy = (await f.server.ok(RedeployDeploymentDocument, { id: first.id, deployment: { strategy: DeploymentStrategyKind.BlueGreen, blueGreen: { ...options, scaleDownDelaySeconds: 1 } } }, f.token)).redeployDeployment.deployment;
    expect(redeploy.strategy).toBe(DeploymentStrategyKind.BlueGreen);
    const third = await f.until(redeploy.id, 'the redeploy of r1 to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    expect(third.services.map((s) => s.name)).toEqual([`${name}_web`]);
    const storedImage = r1.services[0]!.image!;
    expect(third.services[0]!.image).toBe(storedImage);
    expect((await f.docker('service', 'inspect', '--format', '{{.Spec.TaskTemplate.ContainerSpec.Image}}', `${name}_web`)).stdout.trim()).toBe(storedImage);
    const [stored, again] = await Promise.all([first.id, redeploy.id].map(async (id) => (await f.server.ok(DeploymentDocument, { id }, f.token)).deployment));
    expect(again!.digests).toEqual(stored!.digests);
    expect(await probe(listenPort)).toEqual({ ok: true, version: 'v1' });
  });

  it('rolls back instantly during the grace period (abortDeployment): traffic back on blue with zero failed requests, blue kept as it ran, green removed', async () => {
    const name = f.stackName('b');
    const [bluePort, greenPort, listenPort] = [hostPort(), hostPort(), await freePort()];
    const options = { routerId: f.routerId, listenPort, publishedPort: greenPort };
    const first = await f.deploy(name, webCompose(f.swarm.web.v1, bluePort, 2), { strategy: DeploymentStrategyKind.BlueGreen, blueGreen: options });
    await f.until(first.id, 'r1 to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    await waitFor(async () => (await probe(listenPort)).ok, { what: 'v1 through the router' });
    const blueTasks = await f.runningTasks(`${name}_web`);

    const traffic = prober(listenPort);
    await waitFor(() => traffic.answers.length >= 30, { what: 'probes before the deploy' });
    const r2 = await f.deploy(name, webCompose(f.swarm.web.v2, bluePort, 2), { strategy: DeploymentStrategyKind.BlueGreen, blueGreen: { ...options, scaleDownDelaySeconds: 120 } });
    await f.until(r2.id, 'the switch (grace period)', (d) => d.phase === 'grace');
    await waitFor(() => traffic.answers.at(-1) === 'v2', { what: 'v2 answering' });
    const atAbort = traffic.answers.length;
    const abortedAt = Date.now();
    await f.server.ok(AbortDeploymentDocument, { id: r2.id }, f.token);
    const ended = await f.until(r2.id, 'the rollback', (d) => d.status === DeploymentStatus.RolledBack);
    const backAfter = Date.now() - abortedAt;
    await waitFor(() => traffic.answers.length >= atAbort + 100 && traffic.answers.at(-1) === 'v1', { what: 'v1 answering again' });
    await traffic.stop();
    const lastV2 = traffic.answers.lastIndexOf('v2');
    console.log(`blue/green instant rollback: ${traffic.answers.length} requests, ${traffic.failures.length} failed; ROLLED_BACK ${backAfter} ms after abortDeployment`);
    expect(traffic.failures).toEqual([]);
    expect(traffic.answers.slice(lastV2 + 1).every((a) => a === 'v1')).toBe(true);
    expect(ended.reason).toMatch(/traffic back on blue/);
    expect(ended.services.map((s) => s.name)).toEqual([`${name}_web`]);
    expect(await f.runningTasks(`${name}_web`)).toEqual(blueTasks);
    await waitFor(async () => (await f.runningTasks(`${name}_web-green`)) === null, { what: 'green removed' });
  });
});
