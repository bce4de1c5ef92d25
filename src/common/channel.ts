/**
 * A push-based async iterable with a bound: what a Docker stream (logs, stats, progress) becomes for a GraphQL
 * subscription. `return()` (the subscriber went away) runs `onClose`, which ends the Docker stream. When the consumer
 * falls more than `limit` items behind, the oldest are dropped: a slow client must not grow the server's memory.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting?: (result: IteratorResult<T>) => void;
  private failed?: (error: unknown) => void;
  private error?: unknown;
  private done = false;
  onClose?: () => void;
  /** Told each time the oldest item is dropped for a consumer too slow. */
  onDrop?: () => void;

  constructor(private readonly limit = 1000) {}

  push(item: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.failed = undefined;
      resolve({ value: item, done: false });
      return;
    }
    this.items.push(item);
    if (this.items.length > this.limit) {
      this.items.shift();
      this.onDrop?.();
    }
  }

  /** Ends the iteration after what is queued; with an error, the consumer gets it once the queue is drained. */
  end(error?: unknown): void {
    if (this.done) return;
    this.done = true;
    this.error = error;
    if (this.waiting && this.items.length === 0) {
      const [resolve, reject] = [this.waiting, this.failed];
      this.waiting = this.failed = undefined;
      if (error) reject?.(error);
      else resolve({ value: undefined, done: true });
    }
    this.onClose?.();
    this.onClose = undefined;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.done) return this.error ? Promise.reject(this.error) : Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failed = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
