import type { Logger } from '../log/logger';
import type { HostManager } from './host.manager';

export interface HostHealthWorkerOptions {
  hosts: HostManager;
  logger: Logger;
  tickMs: number;
  /** Hosts checked at once per tick: one slow host must not hold the others back. */
  concurrency?: number;
  batchSize?: number;
}

/**
 * Checks every host whose interval has passed. A tick never throws: a host's failure is recorded on the host by the
 * manager (the state machine), and an unexpected error is logged and the next tick tries again.
 */
export class HostHealthWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly options: HostHealthWorkerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
  }

  /** Stops scheduling and waits for the tick under way, so shutdown never closes the database under a check. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  tick(): Promise<void> {
    this.running ??= this.runTick().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runTick(): Promise<void> {
    const { hosts, logger, concurrency = 8, batchSize = 100 } = this.options;
    try {
      const queue = await hosts.claimDueForCheck(new Date(), batchSize);
      const lane = async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          await hosts.checkById(id).catch((error: unknown) => logger.error({ err: error, hostId: id }, 'host check crashed'));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, lane));
    } catch (error) {
      logger.error({ err: error }, 'host health tick failed');
    }
  }
}
