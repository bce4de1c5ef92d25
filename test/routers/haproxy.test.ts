import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { HaproxyRuntime } from '../../src/routers/haproxy.adapter';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { Permission } from '../../src/auth/permissions';
import type { TrafficRoute } from '../../src/routers/router.entity';
import {
  DeleteTrafficRouterDocument,
  DockerHostEnvironment,
  RegisterSwarmClusterDocument,
  RegisterTrafficRouterDocument,
  TrafficRouteStatsDocument,
  TrafficRouterDocument,
  TrafficRoutersDocument,
  TrafficRoutesDocument,
} from '../generated/graphql';
import { loadSwarmFleet, swarmDocker, swarmNode, type SwarmFleet } from '../support/fleet';
import { probe, prober } from '../support/deployment-traffic';
import { codeOf, TestServer } from '../support/harness';
import { freePort, startRouter, type RunningRouter } from '../support/router';
import { waitFor } from '../support/wait';

const run = promisify(execFile);

interface Backend { name: string; address: string; port: number; version: string }

/**
 * Real traffic switching: two versions of a web service on the fleet's swarm (host-mode ports, dnsrr: no routing mesh
 * here), a real HAProxy started beside the API on the config the product rendered, weights moved through its
 * runtime API by the RouterManager.
 */
describe('RouterManager with a real HAProxy on the fleet swarm', () => {
  let server: TestServer;
  let swarm: SwarmFleet;
  let s1: Docker;
  let router: RunningRouter;
  let token: string;
  let otherToken: string;
  let accountId: string;
  let clusterId: string;
  const id = randomUUID().slice(0, 6);
  const services = [`router-${id}-stable`, `router-${id}-canary`];
  // A host-mode port is bound on the node's docker_gwbridge, which only a task on an overlay network has.
  const network = `router-${id}-net`;
  const docker = (...args: string[]) => run('docker', ['-H', swarmNode(swarm, 's1').socket, ...args], { timeout: 90_000 });

  /** The running tasks of a service as router servers: the node's address and the task's host-mode published port. */
  async function backendsOf(service: string, version: string): Promise<Backend[]> {
    const tasks = await s1.listTasks({ filters: { service: [service], 'desired-state': ['running'] } });
    const running = tasks.filter((t) => t.Status?.State === 'running');
    // A task's PortStatus stays empty for host-mode ports on these daemons: the service spec's published port is it.
    const spec = await s1.getService(service).inspect();
    const specPort = spec.Spec.EndpointSpec.Ports[0].PublishedPort as number;
    return Promise.all(running.map(async (task, i) => {
      const node = await s1.getNode(task.NodeID!).inspect();
      return { name: `${version}-${i}`, address: node.Status.Addr as string, port: task.Status?.PortStatus?.Ports?.[0]?.PublishedPort ?? specPort, version };
    }));
  }

  beforeAll(async () => {
    swarm = loadSwarmFleet();
    s1 = swarmDocker(swarm, 's1');
    router = await startRouter(`router-${id}`);
    server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'silent' });
    accountId = randomUUID();
    token = await server.token({ accountId, permissions: [Permission.SwarmClustersManage] });
    otherToken = await server.token({ accountId: randomUUID(), permissions: [Permission.SwarmClustersManage] });
    const cluster = await server.ok(RegisterSwarmClusterDocument, { input: { name: 'router', environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, await server.token({ accountId }));
    clusterId = cluster.registerSwarmCluster.id;
    const [stablePort, canaryPort] = [20000 + Math.floor(Math.random() * 4000), 24000 + Math.floor(Math.random() * 4000)];
    const create = (name: string, image: string, replicas: number, port: number) =>
      docker('service', 'create', '--detach', '--name', name, '--network', network, '--replicas', String(replicas), '--replicas-max-per-node', '1', '--endpoint-mode', 'dnsrr',
        '--publish', `mode=host,published=${port},target=8080`, '--stop-grace-period', '1s', image);
    await docker('network', 'create', '--driver', 'overlay', network);
    await create(services[0]!, swarm.web.v1, 2, stablePort);
    await create(services[1]!, swarm.web.v2, 1, canaryPort);
  }, 120_000);

  afterAll(async () => {
    for (const name of services) await docker('service', 'rm', name).catch(() => undefined);
    // The network goes once the removed services' tasks are gone on their nodes.
    await waitFor(() => docker('network', 'rm', network).then(() => true, (e) => /not found/i.test(String(e))), { timeoutMs: 30_000, what: `${network} removed` }).catch(() => undefined);
    await router?.stop();
    await server?.close();
  }, 60_000);

  it('sends ~10% to v2 by weight, switches to 100% v2 and through a reload with no failed request, and counts per server', async () => {
    // Each version's tasks answer directly before the router is given them.
    const [stable, canary] = await Promise.all([['stable', 'v1', 2], ['canary', 'v2', 1]].map(([role, version, count]) =>
      waitFor(async () => {
        const found = await backendsOf(`router-${id}-${role}`, version as string);
        if (found.length !== count) return undefined;
        const answers = await Promise.all(found.map((b) => fetch(`http://${b.address}:${b.port}/`).then((r) => r.text(), () => '')));
        return answers.every((a) => a.trim() === version) ? found : undefined;
      }, { timeoutMs: 60_000, what: `${role} tasks answering` })));

    const registered = await server.ok(RegisterTrafficRouterDocument, { input: { name: 'edge', runtimeEndpoint: router.runtimeEndpoint, masterEndpoint: router.masterEndpoint, configPath: router.configPath } }, token);
    const routerId = registered.registerTrafficRouter.id;
    const owner = { accountId };
    const routers = server.app.services.routers;
    const listenPort = await freePort();
    const route: TrafficRoute = await routers.ensureRoute(owner, { routerId, clusterId, stack: `router${id}`, service: 'web', listenPort });

    // 10% canary: 45 + 45 for the two stable tasks, 10 for the canary.
    await routers.setBackends(owner, route.id, [...stable!.map((b) => ({ ...b, weight: 45 })), ...canary!.map((b) => ({ ...b, weight: 10 }))]);
    const answers: string[] = [];
    for (let i = 0; i < 400; i++) {
      const result = await probe(listenPort);
      expect(result).toMatchObject({ ok: true });
      if (result.ok) answers.push(result.version);
    }
    const v2Share = answers.filter((a) => a === 'v2').length / answers.length;
    console.log(`v2 share at weight 10%: ${(v2Share * 100).toFixed(1)}% of ${answers.length}`);
    expect(Math.abs(v2Share - 0.1)).toBeLessThan(0.03);
    expect(new Set(answers)).toEqual(new Set(['v1', 'v2']));

    const stats = (await server.ok(TrafficRouteStatsDocument, { routeId: route.id }, token)).trafficRouteStats;
    const canaryStats = stats.find((s) => s.version === 'v2')!;
    expect(stats.reduce((sum, s) => sum + s.requests, 0)).toBeGreaterThanOrEqual(400);
    expect(canaryStats.requests).toBe(answers.filter((a) => a === 'v2').length);
    expect(stats.every((s) => s.errors5xx === 0 && s.responses2xx === s.requests)).toBe(true);

    // 100% to v2 while requests keep flowing: the stable servers are drained, then removed — nothing fails.
    const switching = prober(listenPort);
    await waitFor(() => switching.answers.length >= 50, { what: 'probes before the switch' });
    await routers.setBackends(owner, route.id, canary!.map((b) => ({ ...b, weight: 100 })));
    const switchedAt = switching.answers.length;
    await waitFor(() => switching.answers.length >= switchedAt + 100, { what: 'probes after the switch' });
    await switching.stop();
    console.log(`switch to v2: ${switching.answers.length} requests, ${switching.failures.length} failed`);
    expect(switching.failures).toEqual([]);
    expect(switching.answers.slice(switchedAt).every((a) => a === 'v2')).toBe(true);
    expect((await routers.routeStats(owner, route.id)).map((s) => s.version)).toEqual(['v2']);

    // Another route means a new config and a reload: the stored servers are rendered, so v2 keeps serving throughout.
    const reloading = prober(listenPort);
    await waitFor(() => reloading.answers.length >= 20, { what: 'probes before the reload' });
    await routers.ensureRoute(owner, { routerId, clusterId, stack: `router${id}`, service: 'admin', listenPort: await freePort() });
    const reloadedAt = reloading.answers.length;
    await waitFor(() => reloading.answers.length >= reloadedAt + 50, { what: 'probes after the reload' });
    await reloading.stop();
    console.log(`reload: ${reloading.answers.length} requests, ${reloading.failures.length} failed`);
    expect(reloading.failures).toEqual([]);
    expect(reloading.answers.every((a) => a === 'v2')).toBe(true);
    const stored = (await server.ok(TrafficRoutesDocument, { routerId }, token)).trafficRoutes;
    expect(stored.find((r) => r.service === 'web')!.servers).toEqual(canary!.map((b) => ({ name: b.name, address: b.address, port: b.port, weight: 100, version: 'v2' })));
  }, 180_000);

  it('reports a reload HAProxy could not load as ROUTER_REFUSED, and the running worker keeps serving', async () => {
    const runtime = new HaproxyRuntime({ timeoutMs: 3000 });
    const good = readFileSync(router.configPath, 'utf8');
    const before = await runtime.info(router.runtimeEndpoint);
    writeFileSync(router.configPath, `${good}\nthis is not haproxy\n`);
    try {
      await expect(runtime.reload(router.masterEndpoint)).rejects.toMatchObject({ code: 'ROUTER_REFUSED', message: expect.stringContaining('did not load') });
      expect((await runtime.info(router.runtimeEndpoint)).pid).toBe(before.pid);
    } finally {
      writeFileSync(router.configPath, good);
    }
    await runtime.reload(router.masterEndpoint);
    expect((await runtime.info(router.runtimeEndpoint)).pid).not.toBe(before.pid);
  });

  it("keeps a router from another account: not listed, NOT_FOUND to read or delete; an unreachable runtime API is refused naming it", async () => {
    const { registerTrafficRouter: mine } = await server.ok(RegisterTrafficRouterDocument, { input: { name: 'mine', runtimeEndpoint: router.runtimeEndpoint, masterEndpoint: router.masterEndpoint, configPath: router.configPath } }, token);
    expect((await server.ok(TrafficRoutersDocument, {}, otherToken)).trafficRouters).toEqual([]);
    expect(codeOf(await server.request(TrafficRouterDocument, { id: mine.id }, otherToken))).toBe('NOT_FOUND');
    expect(codeOf(await server.request(DeleteTrafficRouterDocument, { id: mine.id }, otherToken))).toBe('NOT_FOUND');
    expect(codeOf(await server.request(TrafficRoutesDocument, { routerId: mine.id }, otherToken))).toBe('NOT_FOUND');
    await expect(server.app.services.routers.setBackends({ accountId: randomUUID() }, randomUUID(), [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await server.ok(TrafficRouterDocument, { id: mine.id }, token)).trafficRouter.name).toBe('mine');

    const dead = `unix://${router.dir}/nothing.sock`;
    const refused = await server.request(RegisterTrafficRouterDocument, { input: { name: 'dead', runtimeEndpoint: dead, masterEndpoint: router.masterEndpoint, configPath: router.configPath } }, token);
    expect(codeOf(refused)).toBe('ROUTER_UNREACHABLE');
    expect(refused.errors![0]!.message).toContain(dead);
    expect((await server.ok(DeleteTrafficRouterDocument, { id: mine.id }, token)).deleteTrafficRouter).toBe(mine.id);
  });
});
