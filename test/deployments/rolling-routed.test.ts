import { DeploymentStatus, DeploymentStrategyKind, TrafficRoutesDocument } from '../generated/graphql';
import { freePort } from '../support/router';
import { hostPort, probe, strategyFixture, webCompose, type StrategyFixture } from '../support/deployment-traffic';
import { waitFor } from '../support/wait';

/**
 * A stack a real HAProxy routes (its route made by a blue/green deploy), then updated ROLLING: Swarm replaces the
 * task, and with a host-mode port and start-first the new one runs on another node. Once the deployment settles the
 * router's servers are the new task's, so the router answers v2 at once (pointing at the old node, it would fail).
 */
describe('a rolling deploy of a routed stack on the fleet swarm', () => {
  jest.setTimeout(120_000);
  let f: StrategyFixture;

  beforeAll(async () => {
    f = await strategyFixture('rr');
  }, 60_000);

  afterAll(async () => {
    await f?.close();
  }, 90_000);

  const route = async (stack: string) => (await f.server.ok(TrafficRoutesDocument, { routerId: f.routerId }, f.token)).trafficRoutes.find((r) => r.stack === stack)!;

  it("refreshes the router's servers from the new tasks once the rolling update settles", async () => {
    const name = f.stackName('a');
    const [port, listenPort] = [hostPort(), await freePort()];
    const first = await f.deploy(name, webCompose(f.swarm.web.v1, port, 1), { strategy: DeploymentStrategyKind.BlueGreen, blueGreen: { routerId: f.routerId, listenPort } });
    await f.until(first.id, 'r1 to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    await waitFor(async () => (await probe(listenPort)).ok, { what: 'v1 through the router' });
    const before = await route(name);
    const [oldTask] = (await f.runningTasks(`${name}_web`))!;

    const r2 = await f.deploy(name, webCompose(f.swarm.web.v2, port, 1), { strategy: DeploymentStrategyKind.Rolling });
    await f.until(r2.id, 'the rolling update to succeed', (d) => d.status === DeploymentStatus.Succeeded);
    const [newTask] = (await f.runningTasks(`${name}_web`))!;
    expect(newTask).not.toBe(oldTask);
    const after = await route(name);
    console.log(`rolling on a routed stack: servers ${before.servers.map((s) => `${s.name}@${s.address}`).join(',')} -> ${after.servers.map((s) => `${s.name}@${s.address}`).join(',')}`);
    expect(after.servers).toEqual([{ name: `blue-${newTask!.slice(0, 12)}`, address: expect.any(String), port, weight: 1, version: 'blue' }]);
    expect(after.servers[0]!.address).not.toBe(before.servers[0]!.address);
    // Right after SUCCEEDED, not eventually: the refresh happens before the final status is written.
    expect(await probe(listenPort)).toEqual({ ok: true, version: 'v2' });
  });
});
