import type { Permission } from './permissions';

/** Who is calling: the verified token's subject, account and effective permissions. */
export interface Principal {
  readonly userId: string;
  readonly accountId: string;
  readonly permissions: ReadonlySet<Permission>;
  /** Token expiry (epoch seconds): long-lived subscriptions are closed when it passes. */
  readonly expiresAt: number;
  /** `iat` (epoch seconds), null when the token has none: revocation cut-offs compare against it. */
  readonly issuedAt: number | null;
}
