import type { ExecutionResult } from 'graphql';
import type { Subscription } from './subscriptions';

/**
 * Polls a condition until it holds (returns a value other than undefined/null/false) or the time is up. This is a bounded
 * wait for a condition, not a sleep standing in for one: it returns as soon as the condition is true.
 */
export async function waitFor<T>(condition: () => Promise<T | undefined | null | false> | T | undefined | null | false, options: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'a condition'}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Buffers every message of a subscription, so a test can wait for the one it expects whatever arrives around it. */
export class Collector<R> {
  readonly messages: R[] = [];
  private notify?: () => void;
  private failure?: unknown;

  constructor(subscription: Subscription<R>) {
    void (async () => {
      for await (const result of subscription as AsyncIterable<ExecutionResult<R>>) {
        if (result.errors?.length) this.failure = new Error(`subscription error: ${JSON.stringify(result.errors)}`);
        else if (result.data) this.messages.push(result.data as R);
        this.notify?.();
      }
    })().catch((error: unknown) => {
      this.failure = error;
      this.notify?.();
    });
  }

  /** The first message (already received or still to come) matching the predicate. */
  async waitFor(predicate: (message: R) => boolean, options: { timeoutMs?: number; what?: string } = {}): Promise<R> {
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    for (;;) {
      if (this.failure) throw this.failure;
      const found = this.messages.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message for ${options.what ?? 'the predicate'} among ${this.messages.length}: ${JSON.stringify(this.messages.slice(-5))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.notify = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
