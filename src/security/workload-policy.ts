import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { ForbiddenError, InputError, NotFoundError } from '../common/errors';
import type { ContainerReach, HostTarget, VolumeReach } from '../docker/docker.types';
import { serviceReach } from './service.rules';
import { entryReach, isObjectName, joinsOf, literalReach, volumeReach, volumesOf, type Finding, type WorkloadSpec } from './workload.rules';

export type { WorkloadSpec } from './workload.rules';

/** What the host really has, inspected live (the docker adapter's DockerReach). Null: no such object. */
export interface ReachLookup {
  container(target: HostTarget, ref: string): Promise<ContainerReach | null>;
  volume(target: HostTarget, name: string): Promise<VolumeReach | null>;
}

/** Whether the caller's inventory of the host holds a container (another account's, like an unknown one, does not). */
export interface ContainerDirectory {
  holdsContainer(principal: Principal, hostId: string, dockerId: string): Promise<boolean>;
}

/** Joined containers followed at most this deep (a joins b joins c ...); a longer chain is refused, not followed. */
const MAX_JOIN_DEPTH = 4;

/**
 * The one workload policy, for every path that creates or enters a workload. Without `docker.hosts.privileged`, a
 * workload may not reach out of its sandbox into the host — and it is judged by its effective reach, not just its
 * literal settings: what it joins (`container:<x>` namespaces: the union of its settings and the joined container's,
 * followed down the chain), what it mounts (a named volume whose driver options bind a host path is a host bind), what
 * it enters (an exec runs inside everything its container has). The refusal is FORBIDDEN, naming the setting.
 */
export class WorkloadPolicy {
  constructor(private readonly deps: { reach: ReachLookup; inventory: ContainerDirectory }) {}

  /** For creating a workload on the host. A joined container must be the caller's, whatever the permissions. */
  async enforce(principal: Principal, target: HostTarget, spec: WorkloadSpec): Promise<void> {
    const look = this.session(target);
    for (const join of joinsOf(spec)) {
      const joined = isObjectName(join.what) ? await look.container(join.what) : null;
      if (!joined || !(await this.deps.inventory.holdsContainer(principal, target.hostId, joined.dockerId))) {
        throw new InputError(join.field, `joins container "${join.what.slice(0, 80)}", which is not on this host`);
      }
    }
    if (mayReachHost(principal)) return;
    const finding = await this.judge(look, spec, []);
    if (finding) refuse(finding);
  }

  /** For entering a running container (exec): what the container has, plus what the exec itself asks. */
  async enforceEntry(principal: Principal, target: HostTarget, containerId: string, exec: { user?: string | null; privileged?: boolean | null }): Promise<void> {
    await this.judgeExisting(principal, target, containerId, 'entering', (container) => entryReach(exec, container.user));
  }

  /**
   * For starting or restarting a container that exists: it runs with whatever it was created with, which may have
   * been outside the product (`docker create --privileged`), so it is judged like a new one.
   */
  async enforceRun(principal: Principal, target: HostTarget, containerId: string): Promise<void> {
    await this.judgeExisting(principal, target, containerId, 'starting', () => undefined);
  }

  private async judgeExisting(principal: Principal, target: HostTarget, containerId: string, doing: string, own: (container: ContainerReach) => Finding | undefined): Promise<void> {
    if (mayReachHost(principal)) return;
    const look = this.session(target);
    const container = await look.container(containerId);
    if (!container) throw new NotFoundError('Container', containerId);
    const asked = own(container);
    if (asked) refuse(asked);
    const inner = await this.judge(look, container, [container.dockerId]);
    if (inner) refuse({ field: 'id', what: `${doing} container ${container.name} (${inner.field}: ${inner.what})` });
  }

  /**
   * For creating or updating a swarm service (and every service of a stack): judged on the Engine ServiceSpec that
   * will be sent, so no input path (typed, raw, compose) gets around it. `at` names where the spec came from.
   */
  enforceService(principal: Principal, spec: Record<string, unknown>, at = 'spec'): void {
    if (mayReachHost(principal)) return;
    const finding = serviceReach(spec, at);
    if (finding) refuse(finding);
  }

  /**
   * For saving a definition that will create workloads later (a container template): its literal settings, judged
   * without a host. What depends on a host (a volume's driver options, a joined container) is judged at every run,
   * by `enforce` on the host chosen.
   */
  enforceDefinition(principal: Principal, spec: WorkloadSpec, at: string): void {
    if (mayReachHost(principal)) return;
    const finding = literalReach(spec);
    if (finding) refuse({ field: `${at}.${finding.field}`, what: finding.what });
  }

  /** For creating a volume: driver options that mount something of the host's make it a host bind by another name. */
  enforceVolume(principal: Principal, volume: { driver?: string | null; driverOpts?: Readonly<Record<string, string>> | null }): void {
    if (mayReachHost(principal)) return;
    const what = volumeReach({ driver: volume.driver, options: volume.driverOpts });
    if (what) refuse({ field: 'driverOpts', what });
  }

  /** The first setting through which `spec` reaches the host; `path` holds the containers joined on the way here. */
  private async judge(look: Session, spec: WorkloadSpec, path: readonly string[]): Promise<Finding | undefined> {
    const literal = literalReach(spec);
    if (literal) return literal;
    for (const { field, what: name } of volumesOf(spec)) {
      // Docker takes no other name either; and a name goes into the Engine's URL, so it must not walk elsewhere.
      if (!isObjectName(name)) throw new InputError(field, `"${name.slice(0, 80)}" is not a volume name`);
      const volume = await look.volume(name);
      const what = volume && volumeReach(volume);
      if (what) return { field, what: `the volume ${name}, ${what}` };
    }
    for (const { field, what: ref } of joinsOf(spec)) {
      const joined = isObjectName(ref) ? await look.container(ref) : null;
      // A container can only be running in a namespace whose owner is gone or unreadable: nothing to judge it by.
      if (!joined) return { field, what: `a joined container that cannot be inspected (${ref.slice(0, 80)})` };
      if (path.includes(joined.dockerId)) continue;
      if (path.length >= MAX_JOIN_DEPTH) return { field, what: `a chain of more than ${MAX_JOIN_DEPTH} joined containers` };
      const inner = await this.judge(look, joined, [...path, joined.dockerId]);
      if (inner) return { field, what: `joining container ${joined.name} (${inner.field}: ${inner.what})` };
    }
    return undefined;
  }

  /** Lookups for one decision, each object inspected once however often the walk meets it. */
  private session(target: HostTarget): Session {
    const containers = new Map<string, Promise<ContainerReach | null>>();
    const volumes = new Map<string, Promise<VolumeReach | null>>();
    const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => cache.get(key) ?? cache.set(key, load()).get(key)!;
    return {
      container: (ref) => once(containers, ref, () => this.deps.reach.container(target, ref)),
      volume: (name) => once(volumes, name, () => this.deps.reach.volume(target, name)),
    };
  }
}

interface Session {
  container(ref: string): Promise<ContainerReach | null>;
  volume(name: string): Promise<VolumeReach | null>;
}

function mayReachHost(principal: Principal): boolean {
  return principal.permissions.has(Permission.DockerHostsPrivileged);
}

function refuse({ field, what }: Finding): never {
  throw new ForbiddenError(`${field}: ${what} needs the permission ${Permission.DockerHostsPrivileged}`, field);
}
