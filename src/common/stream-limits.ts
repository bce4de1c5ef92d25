import { DomainError, ErrorCode } from './errors';

/**
 * Live Docker streams (container logs and stats followed, later service logs) each hold an Engine connection and a
 * parser: bounded per socket and per account (on this instance), so one client cannot exhaust a daemon or the server.
 */
export class StreamLimits {
  private readonly bySocket = new Map<string, number>();
  private readonly byAccount = new Map<string, number>();

  constructor(private readonly limits: { perSocket: number; perAccount: number }) {}

  /** Takes a slot or refuses with STREAM_LIMIT_REACHED; the returned function gives it back (once). */
  acquire(accountId: string, socketId: string): () => void {
    const socket = this.bySocket.get(socketId) ?? 0;
    const account = this.byAccount.get(accountId) ?? 0;
    if (socket >= this.limits.perSocket) throw new StreamLimitError(`this connection already follows ${socket} live streams (LIVE_STREAMS_PER_SOCKET); end one first`);
    if (account >= this.limits.perAccount) throw new StreamLimitError(`this account already follows ${account} live streams (LIVE_STREAMS_PER_ACCOUNT); end one first`);
    this.bySocket.set(socketId, socket + 1);
    this.byAccount.set(accountId, account + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      decrement(this.bySocket, socketId);
      decrement(this.byAccount, accountId);
    };
  }

  inUse(accountId: string): number {
    return this.byAccount.get(accountId) ?? 0;
  }
}

class StreamLimitError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.STREAM_LIMIT_REACHED, message);
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}

/**
 * The stream with its slot: given back when the stream ends, fails, or the subscriber leaves — also before the first
 * item (graphql-js calls return() then, which an async generator that never started would not run its finally for).
 */
export function holdingSlot<T>(stream: AsyncIterator<T>, release: () => void): AsyncIterableIterator<T> {
  return {
    async next() {
      try {
        const result = await stream.next();
        if (result.done) release();
        return result;
      } catch (error) {
        release();
        throw error;
      }
    },
    async return() {
      release();
      return (await stream.return?.()) ?? { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      release();
      await stream.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
