import type { Logger } from '../log/logger';
import { HEARTBEAT_EVERY_MS, type OperationRunner } from './operation.runner';

/**
 * Every heartbeat: says this instance still runs its operations, then settles those whose instance stopped. Runs on
 * every instance (not only sync workers), so a lone instance restarted after a crash settles its own leftovers.
 * A tick never throws: a database away for a while only delays both.
 */
export class OperationWorker {
  private timer?: NodeJS.Timeout;
  private tick: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(private readonly options: { runner: OperationRunner; logger: Logger; everyMs?: number }) {}

  start(): void {
    if (this.timer) return;
    const beat = () => {
      if (this.busy) return; // a slow database: skip a beat rather than queue them
      this.busy = true;
      this.tick = this.beat().finally(() => (this.busy = false));
    };
    beat();
    this.timer = setInterval(beat, this.options.everyMs ?? HEARTBEAT_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.tick;
  }

  private async beat(): Promise<void> {
    try {
      await this.options.runner.heartbeat();
      await this.options.runner.settleAbandoned();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'operation heartbeat or settling failed');
    }
  }
}
