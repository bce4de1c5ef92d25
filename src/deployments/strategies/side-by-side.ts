import type { Principal } from '../../auth/principal';
import type { DockerSwarm } from '../../docker/docker.swarm';
import type { HostTarget } from '../../docker/docker.types';
import type { EngineSpec, SwarmServiceSnapshot } from '../../docker/swarm.types';
import type { PlannedService, ServiceSpec } from '../../stacks/compose';
import type { BackendServerInput } from '../../routers/router.backends';
import type { WorkloadPolicy } from '../../security/workload-policy';

/** The label that ties a second version (a green color, a canary) to the compose service it serves beside. */
export const SIDE_OF_LABEL = 'fleet.deployment.side-of';
/** Which version a swarm service is: blue, green, stable, canary. */
export const ROLE_LABEL = 'fleet.deployment.role';

/** One service's tasks of its current spec, as a blue/green health check or a canary analysis reads them. */
export interface SideHealth {
  name: string;
  desired: number;
  /** Running tasks of the current spec (with a HEALTHCHECK: only once Docker saw them healthy). */
  running: number;
  /** Tasks of the current spec that failed or were rejected since `since`. */
  failed: number;
  /** Tasks of the current spec that ended since `since` while the service still wanted them: replacements Swarm made. */
  restarts: number;
  /** Failed tasks Docker killed for failing their HEALTHCHECK. */
  unhealthy: number;
  /** Ids of the running tasks (to prove a version untouched). */
  taskIds: string[];
  /** The last task error seen (why a version does not come up). */
  lastError: string | null;
}

export type SwarmForSides = Pick<DockerSwarm, 'listServices' | 'listTasks' | 'listNodes' | 'updateService' | 'removeService'>;

/**
 * Runs a second version of one routed service of a stack beside the stable one, as its own swarm service (its own
 * replicas and host-mode published port, on the stack's networks), and maps services' tasks to router backends.
 * The second service is created through the stack deployer (RolloutTools.applyStack with `sideSpec`), so the workload
 * policy, image pinning and registry credentials apply to it as to any stack service.
 */
export class SideBySide {
  constructor(private readonly deps: { swarm: SwarmForSides; policy: Pick<WorkloadPolicy, 'enforceService'> }) {}

  async service(target: HostTarget, stack: string, name: string): Promise<SwarmServiceSnapshot | null> {
    const all = await this.deps.swarm.listServices(target, { labels: [`com.docker.stack.namespace=${stack}`] });
    return all.find((s) => s.name === name) ?? null;
  }

  async health(target: HostTarget, service: SwarmServiceSnapshot, since: Date): Promise<SideHealth> {
    const tasks = await this.deps.swarm.listTasks(target, { serviceId: service.dockerId });
    const current = tasks.filter((t) => t.upToDate);
    const recent = current.filter((t) => (t.updatedAt?.getTime() ?? 0) >= since.getTime());
    const failedTasks = recent.filter((t) => ['failed', 'rejected'].includes(t.state));
    const running = current.filter((t) => t.state === 'running' && t.desiredState === 'running');
    const ended = recent.filter((t) => ['failed', 'rejected', 'shutdown', 'complete', 'orphaned'].includes(t.state) && t.desiredState !== 'running');
    const lastError = failedTasks.sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0))[0];
    return {
      name: service.name,
      desired: service.replicas ?? running.length,
      running: running.length,
      failed: failedTasks.length,
      restarts: ended.length,
      unhealthy: failedTasks.filter((t) => /unhealthy/i.test(`${t.error ?? ''} ${t.message ?? ''}`)).length,
      taskIds: running.map((t) => t.dockerId).sort(),
      lastError: lastError ? (lastError.error ?? lastError.message) : null,
    };
  }

  /**
   * The running tasks of a service as router servers: the node's address and the service's host-mode published port
   * for `targetPort` (a task's PortStatus stays empty for host-mode ports on these daemons; the spec's port is it).
   */
  async backends(target: HostTarget, service: SwarmServiceSnapshot, role: string, targetPort: number | null): Promise<BackendServerInput[]> {
    const port = publishedPortOf(service.spec, targetPort);
    if (port == null) return [];
    const [tasks, nodes] = await Promise.all([this.deps.swarm.listTasks(target, { serviceId: service.dockerId }), this.deps.swarm.listNodes(target)]);
    const addresses = new Map(nodes.map((n) => [n.dockerId, n.address]));
    return tasks
      .filter((t) => t.upToDate && t.state === 'running' && t.desiredState === 'running' && t.nodeId && addresses.get(t.nodeId))
      .sort((a, b) => (a.dockerId < b.dockerId ? -1 : 1))
      .map((t) => ({ name: `${role}-${t.dockerId.slice(0, 12)}`, address: addresses.get(t.nodeId!)!, port, weight: 0, version: role }));
  }

  /**
   * More (or fewer) tasks of the spec the service holds NOW, which may have changed since the deployment began (the
   * docker CLI, another tool): like every write of a workload, the final spec is judged by the workload policy, as
   * the deployment's principal, inside the read-modify-write. A refusal writes nothing.
   */
  async scale(principal: Principal, target: HostTarget, service: SwarmServiceSnapshot, replicas: number): Promise<void> {
    await this.deps.swarm.updateService(target, service.dockerId, (spec) => this.judged(principal, service, { ...spec, Mode: { Replicated: { Replicas: replicas } } }));
  }

  /** Network aliases of a service's attachments replaced (a task-spec change: Swarm replaces its tasks), judged as scale is. */
  async setAliases(principal: Principal, target: HostTarget, service: SwarmServiceSnapshot, aliases: Record<string, string[]>): Promise<void> {
    await this.deps.swarm.updateService(target, service.dockerId, (spec) => {
      const template = (spec.TaskTemplate ?? {}) as EngineSpec;
      const networks = ((template.Networks ?? []) as Array<{ Target: string; Aliases?: string[] }>).map((n) => ({ ...n, Aliases: aliases[n.Target] ?? [] }));
      return this.judged(principal, service, { ...spec, TaskTemplate: { ...template, Networks: networks } });
    });
  }

  private judged(principal: Principal, service: SwarmServiceSnapshot, spec: EngineSpec): EngineSpec {
    this.deps.policy.enforceService(principal, spec, `service ${service.name}`);
    return spec;
  }

  async remove(target: HostTarget, service: SwarmServiceSnapshot | null): Promise<void> {
    if (!service) return;
    await this.deps.swarm.removeService(target, service.dockerId).catch((error: { code?: string }) => {
      if (error?.code !== 'NOT_FOUND') throw error;
    });
  }
}

/** The host-mode port a service publishes for `targetPort` (the first published one when not given). */
export function publishedPortOf(spec: EngineSpec, targetPort: number | null): number | null {
  const ports = (((spec.EndpointSpec as EngineSpec | undefined)?.Ports ?? []) as Array<{ TargetPort?: number; PublishedPort?: number }>).filter((p) => p.PublishedPort);
  const port = targetPort == null ? ports[0] : ports.find((p) => p.TargetPort === targetPort);
  return port?.PublishedPort ?? null;
}

/**
 * A planned service made into the second version beside it: its own name, its own published port for the routed
 * target port (host mode), its own replicas, labelled with the compose service it serves beside and its role.
 * `aliases: false` leaves it off the stack's DNS names (blue/green without a router moves them at the switch).
 */
export function sideSpec(planned: PlannedService, options: { name: string; role: string; publishedPort: number | null | 'keep'; targetPort: number | null; replicas: number; aliases?: boolean }): PlannedService {
  const spec = structuredClone(planned.spec) as ServiceSpec;
  spec.Name = options.name;
  spec.Labels = { ...spec.Labels, [SIDE_OF_LABEL]: planned.spec.Name, [ROLE_LABEL]: options.role };
  spec.Mode = { Replicated: { Replicas: options.replicas } };
  if (options.publishedPort !== 'keep' && spec.EndpointSpec?.Ports?.length) {
    const routed = options.targetPort == null ? spec.EndpointSpec.Ports.find((p) => p.PublishedPort) : spec.EndpointSpec.Ports.find((p) => p.TargetPort === options.targetPort);
    // Only the routed port is published by the second version (none without its own): the first's fixed host ports
    // would clash with it on a node.
    spec.EndpointSpec.Ports = routed && options.publishedPort != null ? [{ ...routed, PublishedPort: options.publishedPort, PublishMode: 'host' }] : [];
  }
  if (options.aliases === false) for (const n of spec.TaskTemplate.Networks ?? []) n.Aliases = [];
  return { ...planned, spec };
}

/** Replicas of a replicated service spec (1 when the spec says nothing, as Swarm does). */
export function replicasOf(spec: EngineSpec | ServiceSpec): number {
  const mode = spec.Mode as ServiceSpec['Mode'] | undefined;
  return mode?.Replicated?.Replicas ?? 1;
}
