import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Permission } from '../../src/auth/permissions';
import {
  DeployStackDocument,
  DeploymentStatus,
  DeploymentTrafficDocument,
  DockerHostEnvironment,
  RegisterSwarmClusterDocument,
  RegisterTrafficRouterDocument,
  type DeploymentOptionsInput,
  type DeploymentTrafficQuery,
} from '../generated/graphql';
import { loadSwarmFleet, swarmDocker, swarmNode, type SwarmFleet } from './fleet';
import { TestServer } from './harness';
import { startRouter, type RunningRouter } from './router';
import { waitFor } from './wait';

const run = promisify(execFile);
export const SETTLED: DeploymentStatus[] = [DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.RolledBack, DeploymentStatus.Cancelled];

/** One GET through a port on this machine: the version the page names, or why it failed. */
export async function probe(port: number): Promise<{ ok: true; version: string } | { ok: false; why: string }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5000) });
    const body = (await response.text()).trim();
    return response.status === 200 ? { ok: true, version: body } : { ok: false, why: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, why: String((error as Error).cause ?? error) };
  }
}

/** Requests one after another until stopped: every answer kept in order, every failure with its reason. */
export function prober(port: number) {
  const answers: string[] = [];
  const failures: string[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const result = await probe(port);
      if (result.ok) answers.push(result.version);
      else failures.push(result.why);
    }
  })();
  return { answers, failures, stop: async () => ((running = false), await done) };
}

/** A web service on host-mode port `port` (dnsrr, one task per node: no routing mesh on this fleet). */
export function webCompose(image: string, port: number | null, replicas: number): string {
  const ports = port == null ? '' : `    ports:
      - target: 8080
        published: ${port}
        mode: host
`;
  return `services:
  web:
    image: ${image}
    stop_grace_period: 1s
${ports}    deploy:
      replicas: ${replicas}
      endpoint_mode: dnsrr
      placement:
        max_replicas_per_node: 1
      update_config:
        parallelism: 2
        order: start-first
        monitor: 1s
`;
}

/**
 * The API on its own database, an account whose token may deploy (swarm.clusters.manage), and the fleet swarm
 * registered in it as `name` (by the account's admin token).
 */
export async function swarmApi(name: string, env: Record<string, string> = {}, options: { logLevel?: 'silent' } = {}) {
  const swarm: SwarmFleet = loadSwarmFleet();
  const s1 = swarmDocker(swarm, 's1');
  const server = await TestServer.start(env, { isolatedDatabase: true, ...options });
  const accountId = randomUUID();
  const token = await server.token({ accountId, permissions: [Permission.SwarmClustersManage] });
  const admin = await server.token({ accountId });
  const clusterId = (await server.ok(RegisterSwarmClusterDocument, { input: { name, environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, admin)).registerSwarmCluster.id;
  return { swarm, s1, server, accountId, token, clusterId };
}

/** swarmApi, and a real HAProxy registered as the account's traffic router. */
export async function strategyFixture(prefix: string) {
  const id = randomUUID().slice(0, 6);
  const router: RunningRouter = await startRouter(`${prefix}-${id}`);
  const { swarm, s1, server, accountId, token, clusterId } = await swarmApi(prefix, {}, { logLevel: 'silent' });
  const routerId = (await server.ok(RegisterTrafficRouterDocument, { input: { name: 'edge', runtimeEndpoint: router.runtimeEndpoint, masterEndpoint: router.masterEndpoint, configPath: router.configPath } }, token)).registerTrafficRouter.id;
  const stacks = new Set<string>();
  const docker = (...args: string[]) => run('docker', ['-H', swarmNode(swarm, 's1').socket, ...args], { timeout: 90_000 });

  return {
    id, swarm, s1, router, server, token, clusterId, routerId, accountId, docker,
    stackName(what: string) {
      const name = `${prefix}${id}${what}`;
      stacks.add(name);
      return name;
    },
    async deploy(name: string, compose: string, deployment: DeploymentOptionsInput) {
      const result = await server.request(DeployStackDocument, { clusterId, input: { name, compose }, deployment }, token);
      if (result.errors) throw new Error(`deployStack failed: ${JSON.stringify(result.errors)}`);
      return result.data!.deployStack.deployment;
    },
    read: async (deploymentId: string) => (await server.ok(DeploymentTrafficDocument, { id: deploymentId }, token)).deployment,
    until(deploymentId: string, what: string, test: (d: DeploymentTrafficQuery['deployment']) => boolean, timeoutMs = 90_000) {
      return waitFor(async () => {
        const d = (await server.ok(DeploymentTrafficDocument, { id: deploymentId }, token)).deployment;
        if (SETTLED.includes(d.status) && !test(d)) throw new Error(`deployment settled ${d.status} (${d.reason}) while waiting for ${what}`);
        return test(d) && d;
      }, { what, timeoutMs });
    },
    /** Running task ids of a service (sorted), or null when the service is gone. */
    async runningTasks(service: string): Promise<string[] | null> {
      const services = await s1.listServices({ filters: { name: [service] } });
      if (!services.some((s) => s.Spec?.Name === service)) return null;
      const tasks = await s1.listTasks({ filters: { service: [service], 'desired-state': ['running'] } });
      return tasks.filter((t) => t.Status?.State === 'running').map((t) => t.ID!).sort();
    },
    async close() {
      for (const name of stacks) await docker('stack', 'rm', name).catch(() => undefined);
      for (const name of stacks) {
        await waitFor(async () => (await s1.listNetworks({ filters: { label: [`com.docker.stack.namespace=${name}`] } })).length === 0 || (await docker('network', 'rm', `${name}_default`).then(() => true, () => false)), { timeoutMs: 30_000, what: `${name} network removed` }).catch(() => undefined);
      }
      await router.stop();
      await server.close();
    },
  };
}

export type StrategyFixture = Awaited<ReturnType<typeof strategyFixture>>;

/** A random high port for a host-mode publish (the fleet's nodes are shared by other tests). */
export function hostPort(): number {
  return 20000 + Math.floor(Math.random() * 9000);
}
