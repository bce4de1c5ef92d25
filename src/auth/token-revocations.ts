import type { MikroORM } from '@mikro-orm/postgresql';
import { InputError } from '../common/errors';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { AuthTopic } from './auth.topics';
import type { Principal } from './principal';
import { TokenRevocation } from './token-revocation.entity';

/** Every cut-off is read again this often (a Redis message lost in an outage is healed within it). */
const REFRESH_MS = 10_000;
/** Instances' clocks differ a little: a cut-off this far ahead of ours is still taken. */
const FUTURE_TOLERANCE_MS = 60_000;

/**
 * Revocation by a per-account cut-off ("not before"), checked on every HTTP request and every WebSocket operation.
 * Every instance holds all cut-offs in memory (one row per account that ever revoked): loaded at start, moved on by
 * PubSub messages and re-read every 10 s. So a check needs no database — authentication keeps working through a
 * database restart with the last cut-offs known (the soak caught requests failing at context creation, unaudited,
 * when a check went to the database then). Open sockets whose token falls before a new cut-off are closed by the
 * server (see `onRevoked`).
 */
export class TokenRevocations {
  private readonly cutoffs = new Map<string, number>();
  private readonly listeners = new Set<(accountId: string, revokedBefore: Date) => void>();
  private readonly stream;
  private timer?: NodeJS.Timeout;
  private loaded = false;

  constructor(private readonly deps: { orm: MikroORM; pubsub: PubSub; logger: Logger }) {
    this.stream = deps.pubsub.subscribe(AuthTopic.TokensRevoked);
    this.follow().catch((error: unknown) => deps.logger.error({ err: error }, 'token revocation stream ended'));
  }

  /** Loads every cut-off (before the server takes requests), then keeps them fresh. */
  async start(): Promise<void> {
    await this.load();
    this.timer = setInterval(() => void this.load().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'token revocations not re-read; using the last known')), REFRESH_MS);
    this.timer.unref();
  }

  /** Refuses every token of the caller's account issued before `before` (default: now), from now on. */
  async revoke(principal: Principal, before?: Date | null): Promise<TokenRevocation> {
    const now = new Date();
    const cutoff = before ?? now;
    if (Number.isNaN(cutoff.getTime())) throw new InputError('before', 'must be a date');
    if (cutoff.getTime() > now.getTime()) throw new InputError('before', 'must not be in the future (a cut-off ahead would refuse tokens not issued yet)');
    const repository = this.deps.orm.em.fork().getRepository(TokenRevocation);
    const revocation = await repository.moveForward(principal.accountId, cutoff, principal.userId, now);
    if (!revocation) return repository.findOneOrFail({ accountId: principal.accountId });
    // Sockets here are closed now, not only when the message comes back (it does not while Redis is away).
    if (this.remember(principal.accountId, cutoff.getTime())) this.notify(principal.accountId, cutoff);
    this.deps.pubsub.publish(AuthTopic.TokensRevoked, { accountId: principal.accountId, revokedBefore: cutoff });
    return revocation;
  }

  /** Whether the principal's token was issued before its account's cut-off. */
  isRevoked(principal: Principal): boolean {
    const before = this.cutoffs.get(principal.accountId);
    return before !== undefined && isBefore(principal, before);
  }

  /** Called with each new cut-off on any instance: the server closes sockets it now refuses. */
  onRevoked(listener: (accountId: string, revokedBefore: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    clearInterval(this.timer);
    void this.stream.return();
  }

  private async load(): Promise<void> {
    const rows = await this.deps.orm.em.fork().find(TokenRevocation, {}, { fields: ['accountId', 'revokedBefore'] });
    // A cut-off first seen here (its message was lost in a Redis outage) closes its sockets too.
    for (const row of rows) if (this.remember(row.accountId, row.revokedBefore.getTime()) && this.loaded) this.notify(row.accountId, row.revokedBefore);
    this.loaded = true;
  }

  /**
   * A message may bring a newer cut-off while a read runs: the later of the two wins (a cut-off never moves back).
   * True when it moved. One in the future is ignored: revoke() never makes one, and it would lock the account out.
   */
  private remember(accountId: string, before: number): boolean {
    const known = this.cutoffs.get(accountId);
    if (before > Date.now() + FUTURE_TOLERANCE_MS || (known !== undefined && before <= known)) return false;
    this.cutoffs.set(accountId, before);
    return true;
  }

  private notify(accountId: string, before: Date): void {
    for (const listener of this.listeners) {
      try {
        listener(accountId, before);
      } catch (error) {
        this.deps.logger.error({ err: error, accountId }, 'token revocation listener failed');
      }
    }
  }

  private async follow(): Promise<void> {
    for await (const { accountId, revokedBefore } of this.stream) {
      const before = new Date(revokedBefore);
      // Every message reaches the listeners, moved or not: the instance that revoked has remembered it already.
      this.remember(accountId, before.getTime());
      if (before.getTime() <= Date.now() + FUTURE_TOLERANCE_MS) this.notify(accountId, before);
    }
  }
}

/**
 * `iat` has whole seconds: a token issued in the same second as the cut-off counts as before it (refused) — safe,
 * at the price of a second's wait for a token made right after revoking.
 */
export function isBefore(principal: Pick<Principal, 'issuedAt'>, cutoffMs: number): boolean {
  return principal.issuedAt === null || principal.issuedAt * 1000 < Math.floor(cutoffMs / 1000) * 1000 + 1000;
}
