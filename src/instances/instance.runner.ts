import type { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as delay } from 'node:timers/promises';
import { DomainError, ErrorCode } from '../common/errors';
import type { DockerContainers } from '../docker/docker.containers';
import type { DockerRuns } from '../docker/docker.runs';
import type { HostTarget } from '../docker/docker.types';
import type { HostManager } from '../hosts/host.manager';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import type { VaultTokens } from '../vault/vault.client';
import { InstanceStatus, type ContainerInstance, type InstanceTaskRef } from './instance.entity';
import { principalOf, type InstanceCleanup } from './instance.cleanup';
import { LeaseLostError, type InstanceRepository } from './instance.repository';
import { InstanceTopic, published } from './instance.topics';
import { InstanceProvisioner, type ProvisionerDeps } from './instance.provisioner';
import { InstanceWatch } from './instance.watch';
import { UsageFlusher } from './instance.metering';

export interface TaskResultOutbox {
  enqueue(em: EntityManager, delivery: { accountId: string; instanceId: string; taskRef: InstanceTaskRef; event: string; payload: Record<string, unknown> }): Promise<void>;
  /** After the commit: send now rather than at the next tick. */
  wake(): void;
}

export interface InstanceRunnerDeps extends Omit<ProvisionerDeps, 'step'> {
  repository: Pick<InstanceRepository, 'write' | 'byId' | 'execEventsOf' | 'sawOom' | 'writeUsage'>;
  hosts: Pick<HostManager, 'operable'>;
  containers: Pick<DockerContainers, 'create' | 'start' | 'stop' | 'remove' | 'logs' | 'followStats'>;
  runs: Pick<DockerRuns, 'wait' | 'state' | 'putFile' | 'withLabel' | 'imageDigests'>;
  vault: Pick<VaultTokens, 'createOrphanToken' | 'revokeAccessor' | 'readAs' | 'accessorsWithMeta'> | null;
  cleanup: Pick<InstanceCleanup, 'settle' | 'release'>;
  outbox?: TaskResultOutbox;
  pubsub: PubSub;
  logger: Logger;
  /** This API instance: the lease owner every write is fenced by. */
  owner: string;
  settings: { outputMaxBytes: number; usageFlushMs: number; vaultAddress: string | null };
}

/** One run this instance drives. */
export class Run {
  readonly abort = new AbortController();
  cancelRequested = false;
  onCancel?: () => void;
  /** Secret values handed to the run that are not in its environment (a token delivered as a file): redacted too. */
  readonly secrets: string[] = [];
  constructor(readonly instance: ContainerInstance) {
    this.cancelRequested = Boolean(instance.cancelRequestedAt);
  }
}

/**
 * Drives the runs whose lease this API instance holds, each through PENDING → PROVISIONING → RUNNING → its end:
 * a run taken over (its driver died) continues from its stored status. Every write is fenced by the lease; a run
 * whose lease is lost is let go without touching it (its new driver continues).
 */
export class InstanceRunner {
  private readonly runs = new Map<string, { run: Run; done: Promise<void> }>();
  private readonly provisioner: InstanceProvisioner;
  private readonly watch: InstanceWatch;

  constructor(private readonly deps: InstanceRunnerDeps) {
    const step = { transition: this.transition.bind(this), finish: this.finish.bind(this) };
    this.provisioner = new InstanceProvisioner({ ...deps, step });
    const metering = new UsageFlusher({ repository: deps.repository, owner: deps.owner, everyMs: deps.settings.usageFlushMs, logger: deps.logger });
    this.watch = new InstanceWatch({ ...deps, step, metering });
  }

  get ids(): string[] {
    return [...this.runs.keys()];
  }

  start(instance: ContainerInstance): void {
    if (this.runs.has(instance.id)) return;
    const run = new Run(instance);
    const done = this.drive(run).finally(() => this.runs.delete(instance.id));
    this.runs.set(instance.id, { run, done });
  }

  /** Leases lost (renewal failed in time): another instance drives these now. */
  lost(ids: readonly string[]): void {
    for (const id of ids) this.runs.get(id)?.run.abort.abort();
  }

  /** A cancel was asked (on any instance): the driver reads it and stops the run. */
  async poke(id: string): Promise<void> {
    const held = this.runs.get(id);
    if (!held) return;
    const row = await this.deps.repository.byId(id);
    if (row?.cancelRequestedAt && !held.run.cancelRequested) {
      held.run.cancelRequested = true;
      held.run.onCancel?.();
    }
  }

  /** Stops driving (containers keep running): the leases are released by the worker, another instance resumes. */
  async close(): Promise<void> {
    for (const { run } of this.runs.values()) run.abort.abort();
    await Promise.all([...this.runs.values()].map((r) => r.done));
  }

  private async drive(run: Run): Promise<void> {
    const { instance } = run;
    try {
      if (instance.endingStatus) {
        // Its driver died settling an ending it had stored: the same ending, finished.
        await this.finish(instance, instance.endingStatus, { reason: instance.endingReason ?? 'ended' });
      } else if (instance.status === InstanceStatus.RUNNING) {
        await this.watch.watch(run, await this.targetOf(run));
      } else {
        await this.provisioner.provision(run, (target: HostTarget) => this.watch.watch(run, target));
      }
    } catch (error) {
      if (error instanceof LeaseLostError || run.abort.signal.aborted) return;
      if (instance.endingStatus) {
        // Its ending is stored and settling it failed (the database blinked): not turned into another ending. The
        // lease lapses (this run is let go) and whoever takes it over finishes the stored one.
        this.deps.logger.warn({ instanceId: instance.id, err: error }, 'finishing a container instance failed; it is finished after its lease');
        return;
      }
      this.deps.logger.warn({ instanceId: instance.id, err: error }, 'container instance failed');
      await this.finish(instance, InstanceStatus.FAILED, { reason: (error as Error).message, errorCode: error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR' }).catch((e: unknown) => {
        if (!(e instanceof LeaseLostError)) this.deps.logger.error({ instanceId: instance.id, err: e }, 'recording a failed container instance failed; the run is taken over after its lease');
      });
    }
  }

  /**
   * The host of a run taken over while RUNNING: a host that is not CONNECTED just now (a restart, a health blip) is
   * asked again until the run's deadline, grace and a margin have passed — the run is not given up while it may run.
   */
  private async targetOf(run: Run): Promise<HostTarget> {
    const { instance } = run;
    const giveUpAt = (instance.deadlineAt?.getTime() ?? Date.now()) + instance.definition.killGraceSeconds * 1000 + 120_000;
    for (;;) {
      try {
        return (await this.deps.hosts.operable(principalOf(instance), instance.hostId!)).target;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== ErrorCode.HOST_UNAVAILABLE || Date.now() > giveUpAt || run.abort.signal.aborted) throw error;
        await pause(2000, run.abort.signal);
      }
    }
  }

  private async transition(instance: ContainerInstance, status: InstanceStatus, reason: string, changes: Partial<ContainerInstance> = {}): Promise<void> {
    await this.deps.repository.write(this.deps.owner, instance, { status, reason, transitions: [...instance.transitions, { status, at: new Date(), reason }], ...changes });
    this.deps.pubsub.publish(InstanceTopic.Changed, instance.accountId, published(instance));
  }

  /**
   * The ending (with its output) is stored first; then the token is revoked and the container removed per the
   * cleanup policy, so a run seen ended is settled; then the terminal state is written with the linked task's outbox
   * row in one transaction (a restart loses no delivery and makes no second one); then the quota is released.
   */
  private async finish(instance: ContainerInstance, status: InstanceStatus, fields: Partial<ContainerInstance> & { reason: string }): Promise<void> {
    if (!instance.endingStatus) await this.deps.repository.write(this.deps.owner, instance, { ...fields, endingStatus: status, endingReason: fields.reason });
    await this.deps.cleanup.settle(instance, status);
    const at = new Date();
    const changes: Partial<ContainerInstance> = { ...fields, status, finishedAt: at, transitions: [...instance.transitions, { status, at, reason: fields.reason }] };
    const outbox = this.deps.outbox;
    const taskRef = instance.taskRef;
    const enqueue = outbox && taskRef ? (em: EntityManager) => outbox.enqueue(em, { accountId: instance.accountId, instanceId: instance.id, taskRef, event: `container_instance.${status.toLowerCase()}`, payload: resultOf({ ...instance, ...changes } as ContainerInstance) }) : undefined;
    await this.deps.repository.write(this.deps.owner, instance, changes, enqueue);
    if (enqueue) outbox!.wake();
    this.deps.pubsub.publish(InstanceTopic.Changed, instance.accountId, published(instance));
    await this.deps.cleanup.release(instance);
  }
}

export interface RunSteps {
  transition(instance: ContainerInstance, status: InstanceStatus, reason: string, changes?: Partial<ContainerInstance>): Promise<void>;
  finish(instance: ContainerInstance, status: InstanceStatus, fields: Partial<ContainerInstance> & { reason: string }): Promise<void>;
}

/** What a linked task is told of a run that ended (the delivery's `data`): its outcome and redacted output, nothing sealed. */
export function resultOf(instance: ContainerInstance): Record<string, unknown> {
  return {
    id: instance.id,
    name: instance.name,
    status: instance.status,
    reason: instance.reason ?? null,
    errorCode: instance.errorCode ?? null,
    exitCode: instance.exitCode ?? null,
    stdout: instance.stdout ?? null,
    stderr: instance.stderr ?? null,
    outputTruncated: instance.outputTruncated,
    templateId: instance.templateId ?? null,
    templateVersion: instance.templateVersion ?? null,
    hostId: instance.hostId ?? null,
    startedAt: instance.startedAt ?? null,
    finishedAt: instance.finishedAt ?? null,
    usage: instance.usage ?? null,
    violations: instance.violations,
  };
}

/** A wait between tries against a host that stopped answering; ends early when the run is let go. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}
