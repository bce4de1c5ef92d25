import type { Principal } from '../auth/principal';
import type { Channel } from '../common/channel';
import { ConflictError, InputError, NotFoundError } from '../common/errors';
import { INSTANCE_LABEL } from '../events/event.severity';
import type { SyncedObjectStore } from '../db/synced-object.repository';
import type { DockerContainers, LogLine } from '../docker/docker.containers';
import type { ContainerUsage, ExecResult, HostTarget, LogsOptions } from '../docker/docker.types';
import type { HostManager } from '../hosts/host.manager';
import type { WorkloadPolicy } from '../security/workload-policy';
import type { InventorySync } from '../sync/inventory.sync';
import type { Container } from './container.entity';
import type { CreateContainerInput } from './container-spec.inputs';
import { validateContainerSpec } from './container.validation';

export interface ContainerManagerDeps {
  hosts: Pick<HostManager, 'operable'>;
  repository: SyncedObjectStore<Container>;
  /** The Docker adapter. */
  containers: Pick<DockerContainers, 'create' | 'start' | 'stop' | 'restart' | 'remove' | 'logs' | 'followLogs' | 'exec' | 'followStats'>;
  sync: Pick<InventorySync, 'refresh'>;
  policy: Pick<WorkloadPolicy, 'enforce' | 'enforceRun' | 'enforceEntry'>;
}

const MAX_EXEC_SECONDS = 3600;

/**
 * The seed's ContainerManager. Every operation needs the host CONNECTED; afterwards the container is read back into
 * the inventory and published (in the host's queue, like an event) before the answer goes out.
 */
export class ContainerManager {
  constructor(private readonly deps: ContainerManagerDeps) {}

  async create(principal: Principal, hostId: string, input: CreateContainerInput): Promise<Container> {
    const spec = validateContainerSpec(input);
    const { host, target } = await this.deps.hosts.operable(principal, hostId);
    await this.deps.policy.enforce(principal, target, spec);
    const dockerId = await this.deps.containers.create(target, spec);
    return this.readBack(host.id, dockerId, `container ${dockerId.slice(0, 12)} was created on ${host.name}`);
  }

  async start(principal: Principal, id: string): Promise<Container> {
    const { container, target } = await this.target(principal, id);
    await this.deps.policy.enforceRun(principal, target, container.dockerId);
    await this.deps.containers.start(target, container.dockerId);
    return this.readBack(container.hostId, container.dockerId);
  }

  async stop(principal: Principal, id: string, timeoutSeconds?: number | null): Promise<Container> {
    if (timeoutSeconds != null && (timeoutSeconds < 0 || timeoutSeconds > 3600)) throw new InputError('timeoutSeconds', 'must be between 0 and 3600');
    const { container, target } = await this.target(principal, id);
    await this.deps.containers.stop(target, container.dockerId, timeoutSeconds);
    return this.readBack(container.hostId, container.dockerId);
  }

  async restart(principal: Principal, id: string): Promise<Container> {
    const { container, target } = await this.target(principal, id);
    await this.deps.policy.enforceRun(principal, target, container.dockerId);
    await this.deps.containers.restart(target, container.dockerId);
    return this.readBack(container.hostId, container.dockerId);
  }

  async remove(principal: Principal, id: string, options: { force?: boolean | null; removeVolumes?: boolean | null }): Promise<string> {
    const { container, target } = await this.target(principal, id);
    await this.deps.containers.remove(target, container.dockerId, options);
    await this.deps.sync.refresh(container.hostId, { containers: [container.dockerId] });
    return container.id;
  }

  async logs(principal: Principal, id: string, options: LogsOptions) {
    if (options.tail != null && (options.tail < 0 || options.tail > 100_000)) throw new InputError('tail', 'must be between 0 and 100000');
    const { container, target } = await this.target(principal, id);
    return this.deps.containers.logs(target, container.dockerId, options);
  }

  async followLogs(principal: Principal, id: string, options: { timestamps?: boolean | null }): Promise<Channel<LogLine>> {
    const { container, target } = await this.target(principal, id);
    return this.deps.containers.followLogs(target, container.dockerId, options);
  }

  async exec(principal: Principal, id: string, input: { command: string[]; env?: string[] | null; workingDir?: string | null; user?: string | null; timeoutSeconds?: number | null }): Promise<ExecResult> {
    if (input.command.length === 0 || input.command.some((part) => part.length === 0 && input.command.length === 1)) throw new InputError('command', 'must not be empty');
    const timeoutSeconds = input.timeoutSeconds ?? 60;
    if (timeoutSeconds < 1 || timeoutSeconds > MAX_EXEC_SECONDS) throw new InputError('timeoutSeconds', `must be between 1 and ${MAX_EXEC_SECONDS}`);
    const { container, target } = await this.target(principal, id);
    // A container instance's container is sealed: any exec into it is recorded as a security violation of the run,
    // so this API does not start one either.
    if (container.labels?.[INSTANCE_LABEL]) throw new ConflictError(`container ${container.name} belongs to container instance ${container.labels[INSTANCE_LABEL]}: runs are not entered (an exec would be a security violation)`, 'id');
    await this.deps.policy.enforceEntry(principal, target, container.dockerId, input);
    return this.deps.containers.exec(target, container.dockerId, { ...input, timeoutMs: timeoutSeconds * 1000 });
  }

  async followStats(principal: Principal, id: string): Promise<Channel<ContainerUsage & { at: Date }>> {
    const { container, target } = await this.target(principal, id);
    return this.deps.containers.followStats(target, container.dockerId);
  }

  private async target(principal: Principal, id: string): Promise<{ container: Container; target: HostTarget }> {
    const container = await this.deps.repository.findInAccount(principal.accountId, id);
    if (!container) throw new NotFoundError('Container', id);
    const { target } = await this.deps.hosts.operable(principal, container.hostId);
    return { container, target };
  }

  /** Writes the container's current state to the inventory (published) and returns it. */
  private async readBack(hostId: string, dockerId: string, context?: string): Promise<Container> {
    try {
      await this.deps.sync.refresh(hostId, { containers: [dockerId] });
    } catch (error) {
      // The operation happened on Docker; only recording it failed. Say what exists (the next sync records it).
      if (context && error instanceof Error) error.message = `${context}, but could not be recorded yet: ${error.message}`;
      throw error;
    }
    const row = await this.deps.repository.findOnHost(hostId, dockerId);
    if (!row) throw new NotFoundError('Container', dockerId);
    return row;
  }
}

