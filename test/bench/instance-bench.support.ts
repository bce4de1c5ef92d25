/**
 * What the container-instance benchmarks (B13, B14) share: a server of their own on a database of its own, the
 * fleet's swarm worker s4 registered as a plain Docker host (at its Engine endpoint, the one the API uses), a raw
 * dockerode client to the same endpoint for the baselines, and the same container both sides run.
 */
import '../support/setup-env';
import Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permissions';
import { INSTANCE_LABEL } from '../../src/events/event.severity';
import { CancelContainerInstanceDocument, ContainerInstancesDocument, ContainerInstanceStatus, DockerHostEnvironment, RegisterDockerHostDocument, type ContainerTemplateInput } from '../generated/graphql';
import { loadSwarmFleet, swarmNode } from '../support/fleet';
import { TestServer } from '../support/harness';
import { waitFor } from '../support/wait';
import type { Cleanup } from './bench.support';

export const BENCH_LABEL = 'io.fleet-control.bench';
const MB = 1024 * 1024;

export interface InstanceBench {
  server: TestServer;
  token: string;
  hostId: string;
  /** dockerode at s4's Engine endpoint (what the API talks to), for the raw side. */
  raw: Docker;
  /** A run of `sleep` as a direct spec, and the Engine create body of the same container for the raw side. */
  spec(seconds: number): ContainerTemplateInput;
  rawBody(seconds: number, tag: string): Docker.ContainerCreateOptions;
  /** Cancels every active run of the account and waits until none is left active (their containers removed). */
  endAll(timeoutMs?: number): Promise<void>;
}

export async function instanceBench(cleanup: Cleanup, env: Record<string, string> = {}): Promise<InstanceBench> {
  const s4 = swarmNode(loadSwarmFleet(), 's4');
  const url = new URL(s4.endpoint);
  const raw = new Docker({ protocol: 'http', host: url.hostname, port: Number(url.port) });
  const server = await TestServer.start(env, { isolatedDatabase: true, logLevel: 'warn' });
  cleanup.add('close the server and drop its database', () => server.close());
  cleanup.add('remove the raw containers', () => removeLabelled(raw, BENCH_LABEL));
  const token = await server.token({ accountId: `bench-${randomUUID()}`, permissions: [Permission.DockerHostsManage, Permission.DockerHostsRead, Permission.AccountQuotasManage] });
  const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input: { name: `s4-bench-${randomUUID().slice(0, 6)}`, apiEndpoint: s4.endpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 } }, token);
  // Whatever a run of ours left (its container not removed): only this account's runs, other tests share s4.
  cleanup.add('remove the instances\' containers', async () => {
    const ours = new Set<string>();
    let after: string | null | undefined;
    do {
      const page = (await server.ok(ContainerInstancesDocument, { first: 500, after }, token)).containerInstances;
      for (const n of page.nodes) ours.add(n.id);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const left = await raw.listContainers({ all: true, filters: { label: [INSTANCE_LABEL] } });
    await Promise.all(left.filter((c) => ours.has(c.Labels[INSTANCE_LABEL] ?? '')).map((c) => raw.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  });
  const active = [ContainerInstanceStatus.Pending, ContainerInstanceStatus.Provisioning, ContainerInstanceStatus.Running];
  const activeIds = async () => {
    const ids: string[] = [];
    for (const status of active) {
      const page = await server.ok(ContainerInstancesDocument, { filter: { status }, first: 500 }, token);
      ids.push(...page.containerInstances.nodes.map((n) => n.id));
    }
    return ids;
  };
  const bench: InstanceBench = {
    server,
    token,
    hostId: host.id,
    raw,
    spec: (seconds) => ({ name: `bench-${randomUUID().slice(0, 8)}`, container: { image: 'fleet/busybox', command: ['sleep', String(seconds)] }, timeoutSeconds: seconds + 60, killGraceSeconds: 0, memoryMb: 16, cpuMillicores: 100 }),
    rawBody: (seconds, tag) => ({ Image: 'fleet/busybox', Cmd: ['sleep', String(seconds)], Labels: { [BENCH_LABEL]: tag }, ExposedPorts: {}, HostConfig: { PortBindings: {}, Mounts: [], NanoCpus: 100 * 1_000_000, Memory: 16 * MB, Privileged: false, Devices: [] } }),
    async endAll(timeoutMs = 60_000) {
      await waitFor(async () => {
        const ids = await activeIds();
        await Promise.all(ids.map((id) => server.request(CancelContainerInstanceDocument, { id }, token)));
        return ids.length === 0;
      }, { timeoutMs, what: 'every run ended' });
    },
  };
  cleanup.add('end the runs', () => bench.endAll());
  return bench;
}

/** Force-removes every container carrying `label`, in parallel. */
export async function removeLabelled(docker: Docker, label: string): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [label] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  return list.length;
}
