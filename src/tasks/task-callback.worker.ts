import type { Logger } from '../log/logger';
import type { TaskCallbackDeliverer } from './task-callback.deliverer';
import type { DeliveryLedger } from './task-callback.repository';

/**
 * Every tick (and on wake): claims the due deliveries under a lease and attempts them at once. Runs on every
 * instance; `skip locked` keeps them apart. A tick never throws: a database away only delays deliveries, and a
 * delivery whose attempt broke half-way keeps its lease until it lapses, then is sent again with the same id.
 */
export class TaskCallbackWorker {
  private timer?: NodeJS.Timeout;
  private tick: Promise<void> = Promise.resolve();
  private busy = false;
  private again = false;

  constructor(private readonly options: { ledger: DeliveryLedger; deliverer: TaskCallbackDeliverer; logger: Logger; instanceId: string; tickMs: number; leaseMs: number; batch?: number }) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.wake(), this.options.tickMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due deliveries now (after a commit that enqueued one), without waiting for the next tick. */
  wake(): void {
    if (!this.timer) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    this.tick = this.run().finally(() => (this.busy = false));
  }

  /** Stops claiming and waits for the attempts in flight (each bounded by TASK_CALLBACK_TIMEOUT_MS) to be recorded. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.tick;
  }

  private async run(): Promise<void> {
    const { ledger, deliverer, logger, instanceId, leaseMs } = this.options;
    const batch = this.options.batch ?? 20;
    do {
      this.again = false;
      try {
        const claimed = await ledger.claimDue({ owner: instanceId, leaseMs, limit: batch });
        await Promise.all(
          claimed.map(async (delivery) => {
            try {
              const outcome = await deliverer.attempt(delivery, instanceId);
              logger.debug({ deliveryId: delivery.id, event: delivery.event, attempt: delivery.attempts, status: outcome.status, statusCode: outcome.statusCode }, 'task callback attempt');
            } catch (error) {
              logger.warn({ err: error, deliveryId: delivery.id }, 'task callback attempt broke; retried once its lease lapses');
            }
          }),
        );
        if (claimed.length === batch) this.again = true; // more may be due
      } catch (error) {
        logger.warn({ err: error }, 'claiming due task callbacks failed');
      }
    } while (this.again && this.timer);
  }
}
