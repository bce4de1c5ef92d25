import type { Principal } from '../../../src/auth/principal';
import type { HostTarget } from '../../../src/docker/docker.types';
import type { SwarmServiceSnapshot } from '../../../src/docker/swarm.types';
import { Deployment, DeploymentStatus, DeploymentStrategyKind } from '../../../src/deployments/deployment.entity';
import type { NewStep } from '../../../src/deployments/deployment.repository';
import type { ServerStats } from '../../../src/routers/router.manager';
import type { BackendServerInput } from '../../../src/routers/router.backends';
import type { SideHealth } from '../../../src/deployments/strategies/side-by-side';
import type { Routers, Sides } from '../../../src/deployments/strategies/side.steps';
import type { StrategyContext } from '../../../src/deployments/strategies/strategy';
import { parseStack } from '../../../src/stacks/compose';

interface FakeService {
  name: string;
  replicas: number;
  image: string;
  /** Tasks that failed since the version began (a broken image counts up). */
  failed: number;
  /** Tasks per replica the fake runs: running follows replicas unless `stuck`. */
  stuck: boolean;
  taskIds: string[];
}

/** A swarm of named services whose tasks come up at once (or never, when `stuck`), and what was done to them. */
export class FakeSides implements Sides {
  services = new Map<string, FakeService>();
  calls: string[] = [];
  private seq = 0;

  add(name: string, replicas: number, image: string, options: Partial<FakeService> = {}): FakeService {
    const service: FakeService = { name, replicas, image, failed: 0, stuck: false, taskIds: [], ...options };
    this.services.set(name, service);
    this.fill(service);
    return service;
  }

  private fill(service: FakeService) {
    if (service.stuck) return;
    while (service.taskIds.length < service.replicas) service.taskIds.push(`${service.name}-t${++this.seq}`);
    service.taskIds.length = service.replicas;
  }

  private snapshot(s: FakeService): SwarmServiceSnapshot {
    return { dockerId: `id-${s.name}`, name: s.name, image: s.image, mode: 'replicated', replicas: s.replicas, labels: {}, stackNamespace: 'shop', spec: { Name: s.name, EndpointSpec: { Ports: [{ TargetPort: 8080, PublishedPort: 80 }] } }, previousSpec: null, versionIndex: 1, updateState: null, updateMessage: null, updateStartedAt: null, updateCompletedAt: null, publishedPorts: [], runningTasks: null, desiredTasks: null, createdAt: null, updatedAt: null };
  }

  async service(_t: HostTarget, _stack: string, name: string) {
    const s = this.services.get(name);
    return s ? this.snapshot(s) : null;
  }
  async health(_t: HostTarget, service: SwarmServiceSnapshot): Promise<SideHealth> {
    const s = this.services.get(service.name)!;
    return { name: s.name, desired: s.replicas, running: s.stuck ? 0 : s.taskIds.length, failed: s.failed, restarts: s.failed, unhealthy: s.failed, taskIds: [...s.taskIds], lastError: s.failed ? 'unhealthy container' : null };
  }
  async backends(_t: HostTarget, service: SwarmServiceSnapshot, role: string): Promise<BackendServerInput[]> {
    const s = this.services.get(service.name)!;
    return (s.stuck ? [] : s.taskIds).map((id) => ({ name: `${role}-${id}`, address: '10.0.0.1', port: 80, weight: 0, version: role }));
  }
  async scale(_p: Principal, _t: HostTarget, service: SwarmServiceSnapshot, replicas: number) {
    this.calls.push(`scale ${service.name} ${replicas}`);
    const s = this.services.get(service.name)!;
    s.replicas = replicas;
    this.fill(s);
  }
  async setAliases(_p: Principal, _t: HostTarget, service: SwarmServiceSnapshot, aliases: Record<string, string[]>) {
    this.calls.push(`aliases ${service.name} ${Object.values(aliases).flat().join(',') || '-'}`);
  }
  async remove(_t: HostTarget, service: SwarmServiceSnapshot | null) {
    if (!service) return;
    this.calls.push(`remove ${service.name}`);
    this.services.delete(service.name);
  }
}

/** A router that keeps each route's servers; its counters are set by the test per version. */
export class FakeRouters implements Routers {
  backends = new Map<string, BackendServerInput[]>();
  history: Array<Record<string, number>> = [];
  stats: Record<string, { requests: number; errors5xx: number; meanResponseTimeMs: number }> = {};

  async ensureRoute(_o: unknown, input: { service: string; listenPort: number }) {
    const id = `route-${input.service}`;
    return { id, servers: this.backends.get(id) ?? [] } as never;
  }
  async setBackends(_o: unknown, routeId: string, servers: readonly BackendServerInput[]) {
    this.backends.set(routeId, [...servers]);
    const share: Record<string, number> = {};
    for (const s of servers) share[s.version ?? '?'] = (share[s.version ?? '?'] ?? 0) + s.weight;
    this.history.push(share);
    return { id: routeId } as never;
  }
  async routeStats(): Promise<ServerStats[]> {
    return Object.entries(this.stats).map(([version, s]) => ({ name: version, address: 'a', port: 1, weight: 1, version, status: 'UP', requests: s.requests, responses2xx: s.requests - s.errors5xx, errors5xx: s.errors5xx, meanResponseTimeMs: s.meanResponseTimeMs, sessionsCurrent: 0 }));
  }
}

export const COMPOSE = 'services:\n  web:\n    image: shop/web:v2\n    ports:\n      - target: 8080\n        published: 80\n        mode: host\n    deploy:\n      replicas: 2\n';

/**
 * A StrategyContext over a Deployment row kept in memory: saves merge as the driver's fenced write does, steps are
 * kept, a fake clock moves only in `tick`, requests (promote/abort) are queued by the test or by `onStep`.
 */
export function fakeContext(sides: FakeSides, options: { strategy: DeploymentStrategyKind; options: Record<string, unknown>; compose?: string }) {
  const deployment = Object.assign(new Deployment(), { id: 'd1', accountId: 'acc', clusterId: 'c1', target: 'stack:shop', stack: 'shop', revision: 2, strategy: options.strategy, options: options.options, compose: options.compose ?? COMPOSE, variables: {}, status: DeploymentStatus.IN_PROGRESS, deadlineAt: new Date(Date.now() + 3_600_000) });
  const steps: NewStep[] = [];
  const clock = { now: Date.now() };
  let requested: 'promote' | 'abort' | null = null;
  const applied: string[][] = [];
  const hooks: { onStep?: (step: NewStep) => void; onTick?: (now: number) => void } = {};
  const context: StrategyContext = {
    deployment,
    cluster: {} as never,
    target: {} as never,
    principal: { userId: 'u', accountId: 'acc', permissions: new Set(), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null } as never,
    previousGood: null,
    tools: {
      applyStack: async (input: { adjust?: (plan: ReturnType<typeof parseStack>['plan']) => void }) => {
        const { plan } = parseStack({ name: 'shop', compose: deployment.compose!, variables: {} });
        input.adjust?.(plan);
        applied.push(plan.services.map((s) => s.spec.Name));
        for (const s of plan.services) {
          const existing = sides.services.get(s.spec.Name);
          const image = s.spec.TaskTemplate.ContainerSpec.Image;
          if (existing) Object.assign(existing, { image, replicas: s.spec.Mode.Replicated?.Replicas ?? 1, taskIds: [], failed: 0, stuck: false });
          else sides.add(s.spec.Name, s.spec.Mode.Replicated?.Replicas ?? 1, image, { stuck: /broken/.test(image) });
          const now = sides.services.get(s.spec.Name)!;
          if (!now.stuck) while (now.taskIds.length < now.replicas) now.taskIds.push(`${now.name}-new${now.taskIds.length}`);
        }
        return { changes: [], engineWarnings: [], operationId: 'op' };
      },
      readBack: async () => ({ services: [...sides.services.values()].map((s) => ({ name: s.name, image: s.image, outcome: 'PENDING' })), digests: {} }),
      watch: async () => ({ end: 'converged' }),
    } as never,
    applied: () => undefined,
    save: async (patch, ...more) => {
      Object.assign(deployment, patch);
      if (patch.requested === null) requested = null;
      for (const s of more) record(s);
    },
    step: async (...more) => {
      for (const s of more) record(s);
    },
    pause: async (reason) => {
      deployment.status = DeploymentStatus.PAUSED;
      record({ kind: 'STATUS' as never, message: `paused: ${reason}` });
    },
    resume: async (reason) => {
      deployment.status = DeploymentStatus.IN_PROGRESS;
      requested = null;
      record({ kind: 'STATUS' as never, message: reason });
    },
    requested: async () => requested,
    signal: new AbortController().signal,
    tick: async (ms) => {
      clock.now += ms;
      hooks.onTick?.(clock.now);
      // A real tick waits for a timer: let the test's scheduled requests (setImmediate) in.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  function record(step: NewStep) {
    steps.push(step);
    hooks.onStep?.(step);
  }
  return {
    context, deployment, steps, clock, applied, hooks,
    ask(what: 'promote' | 'abort') {
      requested = what;
    },
    messages: (kind?: string) => steps.filter((s) => !kind || s.kind === kind).map((s) => s.message),
  };
}
