import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import type { Channel } from '../common/channel';
import type { DeploymentDriver } from './deployment.driver';
import type { DeploymentRecorder } from './deployment.recorder';
import type { DeploymentRepository } from './deployment.repository';
import { DeploymentTopic } from './deployment.topics';

export interface DeploymentWorkerDeps {
  repository: DeploymentRepository;
  driver: DeploymentDriver;
  /** Looks for stack changes made outside this API every few ticks (only while the sync worker runs here). */
  recorder?: Pick<DeploymentRecorder, 'detect'>;
  detectEvery?: number;
  pubsub: PubSub;
  logger: Logger;
  instanceId: string;
  leaseSeconds: number;
  /** How often leases are renewed and lapsed ones taken over. */
  everyMs: number;
  /** Deployments driven at once by one instance. */
  concurrency: number;
}

/**
 * Keeps this instance's deployment leases and takes over the ones whose instance stopped (lease lapsed), or that were
 * just made PENDING (a queued one whose turn came): each tick renews, then claims. A tick that fails (the database
 * is down) is logged and the next one tries again; a lease that could not be renewed in time is lost, and the
 * instance that takes it over resumes the rollout.
 */
export class DeploymentWorker {
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private wake?: Channel<unknown>;
  private ticks = 0;
  private detecting?: Promise<void>;

  constructor(private readonly deps: DeploymentWorkerDeps) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.everyMs);
    this.wake = this.deps.pubsub.subscribe(DeploymentTopic.Wake) as Channel<unknown>;
    void (async () => {
      for await (const _ of this.wake!) void this.tick();
    })();
    void this.tick();
  }

  tick(): Promise<void> {
    this.ticking ??= this.run().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async run(): Promise<void> {
    const { repository, driver, instanceId, leaseSeconds } = this.deps;
    try {
      const held = driver.ids;
      const kept = await repository.renew(instanceId, held, leaseSeconds);
      driver.lost(held.filter((id) => !kept.has(id)));
      // The detector asks Engines (each call may take a timeout): it runs beside the ticks, never delaying a renewal.
      this.ticks++;
      if (this.deps.recorder && this.ticks % (this.deps.detectEvery ?? 5) === 0 && !this.detecting) {
        this.detecting = this.deps.recorder.detect().then(() => undefined, (error: unknown) => this.deps.logger.warn({ err: error }, 'looking for stack changes made outside this API failed')).finally(() => (this.detecting = undefined));
      }
      // A queue whose predecessor settled on an instance that died before starting the next one.
      if (this.ticks % 10 === 0) for (const { clusterId, target } of await repository.stalledQueues()) await repository.promoteQueued(clusterId, target);
      const room = this.deps.concurrency - driver.ids.length;
      if (room <= 0) return;
      for (const deployment of await repository.claim(instanceId, leaseSeconds, room)) {
        this.deps.logger.info({ deploymentId: deployment.id, status: deployment.status, phase: deployment.state.phase ?? null }, 'deployment taken over');
        driver.start(deployment);
      }
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'deployment worker tick failed; trying again');
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.wake?.return();
    await this.ticking?.catch(() => undefined);
    await this.detecting;
    await this.deps.driver.close();
  }
}
