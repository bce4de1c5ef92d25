import type { Channel } from '../common/channel';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import type { InstanceCleanup } from './instance.cleanup';
import type { InstanceRepository } from './instance.repository';
import type { InstanceRunner } from './instance.runner';
import { InstanceTopic } from './instance.topics';

export interface InstanceWorkerDeps {
  repository: Pick<InstanceRepository, 'leases' | 'unrevoked' | 'unremoved' | 'releaseOrphanCharges' | 'cancelRequested'>;
  runner: Pick<InstanceRunner, 'ids' | 'start' | 'lost' | 'poke' | 'close'>;
  cleanup: Pick<InstanceCleanup, 'revoke' | 'removeContainer'>;
  pubsub: PubSub;
  logger: Logger;
  owner: string;
  leaseSeconds: number;
  everyMs: number;
  /** Runs one API instance drives at once. */
  concurrency: number;
  /** Reconcile every this many ticks (and at the first). */
  reconcileEvery: number;
}

/**
 * Keeps this API instance's run leases and takes over runs whose driver died (lease lapsed): their deadline is
 * stored, so the new driver stops a run that is past it. The reconciler (at start-up, then every few ticks) settles
 * what no driver will: tokens of ended runs not yet revoked (retried until their TTL), containers the cleanup policy
 * removes that are still there, quota charges whose run ended or never existed.
 */
export class InstanceWorker {
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private wake?: Channel<{ instanceId: string }>;
  private ticks = 0;
  private reconciling?: Promise<void>;

  constructor(private readonly deps: InstanceWorkerDeps) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.everyMs);
    this.wake = this.deps.pubsub.subscribe(InstanceTopic.Wake);
    void (async () => {
      for await (const { instanceId } of this.wake!) void this.deps.runner.poke(instanceId).catch((error: unknown) => this.deps.logger.warn({ err: error, instanceId }, 'reading a cancel request failed'));
    })();
    void this.tick();
  }

  tick(): Promise<void> {
    this.ticking ??= this.run().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async run(): Promise<void> {
    const { repository, runner, owner, leaseSeconds } = this.deps;
    try {
      const held = runner.ids;
      const kept = await repository.leases.renew(owner, held, leaseSeconds);
      runner.lost(held.filter((id) => !kept.has(id)));
      const room = this.deps.concurrency - runner.ids.length;
      if (room > 0) {
        for (const instance of await repository.leases.claim(owner, leaseSeconds, room)) {
          this.deps.logger.info({ instanceId: instance.id, status: instance.status }, 'container instance taken over');
          runner.start(instance);
        }
      }
      // A cancel whose wake message was lost (another process without shared PubSub, a Redis resubscribe) is read here.
      for (const id of await repository.cancelRequested([...kept])) void runner.poke(id).catch(() => undefined);
      // Beside the ticks, never delaying a renewal: a hung Vault or host must not let this instance's leases lapse.
      if (this.ticks++ % this.deps.reconcileEvery === 0 && !this.reconciling) this.reconciling = this.reconcile().finally(() => (this.reconciling = undefined));
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'container instance worker tick failed; trying again');
    }
  }

  /** Each step on its own: Vault down does not keep containers or quotas from being settled. */
  async reconcile(): Promise<void> {
    const { repository, cleanup, logger } = this.deps;
    const step = async (what: string, fn: () => Promise<unknown>) => fn().catch((error: unknown) => logger.warn({ err: error }, `reconciling container instances: ${what} failed`));
    await step('revoking tokens', async () => {
      for (const instance of await repository.unrevoked(100)) await cleanup.revoke(instance);
    });
    await step('removing containers', async () => {
      for (const instance of await repository.unremoved(100)) await cleanup.removeContainer(instance);
    });
    await step('repairing quotas', async () => {
      const released = await repository.releaseOrphanCharges();
      if (released) logger.info({ released }, 'released quota charges of ended or missing container instances');
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.wake?.return();
    await this.ticking?.catch(() => undefined);
    await this.reconciling;
    const held = this.deps.runner.ids;
    await this.deps.runner.close();
    // Given back at once: another instance resumes the runs now instead of after the lease.
    await this.deps.repository.leases.release(this.deps.owner, held).catch(() => undefined);
  }
}
