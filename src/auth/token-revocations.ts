import type { MikroORM } from '@mikro-orm/postgresql';
import { InputError } from '../common/errors';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import { AuthTopic } from './auth.topics';
import type { Principal } from './principal';
import { TokenRevocation } from './token-revocation.entity';

/** A cached cut-off is trusted this long without a message (a lost Redis message is healed within it). */
const CACHE_MS = 10_000;

/**
 * Revocation by a per-account cut-off ("not before"), checked on every HTTP request and every WebSocket operation.
 * Cut-offs are cached per instance and invalidated through PubSub, so a check costs no query on the hot path; open
 * sockets whose token falls before a new cut-off are closed by the server (see `onRevoked`).
 */
export class TokenRevocations {
  private readonly cache = new Map<string, { before: number | null; until: number }>();
  private readonly listeners = new Set<(accountId: string, revokedBefore: Date) => void>();
  private readonly stream;

  constructor(private readonly deps: { orm: MikroORM; pubsub: PubSub; logger: Logger }) {
    this.stream = deps.pubsub.subscribe(AuthTopic.TokensRevoked);
    this.follow().catch((error: unknown) => deps.logger.error({ err: error }, 'token revocation stream ended'));
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
    this.remember(principal.accountId, cutoff.getTime());
    this.deps.pubsub.publish(AuthTopic.TokensRevoked, { accountId: principal.accountId, revokedBefore: cutoff });
    return revocation;
  }

  /** Whether the principal's token was issued before its account's cut-off. */
  async isRevoked(principal: Principal): Promise<boolean> {
    const before = await this.cutoff(principal.accountId);
    return before !== null && isBefore(principal, before);
  }

  /** Called with each new cut-off on any instance: the server closes sockets it now refuses. */
  onRevoked(listener: (accountId: string, revokedBefore: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    void this.stream.return();
  }

  private async cutoff(accountId: string): Promise<number | null> {
    const cached = this.cache.get(accountId);
    if (cached && cached.until > Date.now()) return cached.before;
    const row = await this.deps.orm.em.fork().findOne(TokenRevocation, { accountId });
    // A message may have brought a newer cut-off while the query ran: the later of the two wins.
    return this.remember(accountId, row ? row.revokedBefore.getTime() : null);
  }

  private remember(accountId: string, before: number | null): number | null {
    const known = this.cache.get(accountId)?.before ?? null;
    const latest = known !== null && (before === null || known > before) ? known : before;
    this.cache.set(accountId, { before: latest, until: Date.now() + CACHE_MS });
    if (this.cache.size > 100_000) this.cache.delete(this.cache.keys().next().value!);
    return latest;
  }

  private async follow(): Promise<void> {
    for await (const { accountId, revokedBefore } of this.stream) {
      const before = new Date(revokedBefore);
      this.remember(accountId, before.getTime());
      for (const listener of this.listeners) {
        try {
          listener(accountId, before);
        } catch (error) {
          this.deps.logger.error({ err: error, accountId }, 'token revocation listener failed');
        }
      }
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
