import { createPublicKey, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, errors as joseErrors, importPKCS8, jwtVerify, type KeyLike } from 'jose';
import { DomainError, ErrorCode } from '../common/errors';
import { effectivePermissions } from './permissions';
import type { Principal } from './principal';

export type TokenKeys =
  | { algorithm: 'HS256'; secret: string }
  | { algorithm: 'RS256'; publicKey: string; privateKey?: string };

export interface TokenServiceOptions {
  keys: TokenKeys;
  clockSkewSeconds: number;
  issuer?: string;
  /** The longest lifetime a token may have (`exp` − `iat`, or − now without `iat`): a leaked token dies within it. */
  maxLifetimeSeconds: number;
}

export interface TokenClaims {
  sub: string;
  accountId: string;
  permissions: string[];
}

/**
 * Verifies bearer JWTs with ONE pinned algorithm (so `alg: none` and HS/RS confusion are refused by construction) and
 * requires `exp`. Signing exists for the `token` command and for development; in RS256 it needs the private key.
 */
export class TokenService {
  private readonly verifyKey: KeyObject;
  private readonly algorithm: 'HS256' | 'RS256';

  constructor(private readonly options: TokenServiceOptions) {
    this.algorithm = options.keys.algorithm;
    this.verifyKey =
      options.keys.algorithm === 'HS256'
        ? createSecretKey(Buffer.from(options.keys.secret, 'utf8'))
        : createPublicKey(options.keys.publicKey);
  }

  static randomSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.verifyKey, {
        algorithms: [this.algorithm],
        clockTolerance: this.options.clockSkewSeconds,
        requiredClaims: ['exp', 'sub'],
        issuer: this.options.issuer,
      });
      const { sub, accountId, permissions, exp, iat } = payload as Partial<TokenClaims> & { exp: number; iat?: number };
      if (typeof accountId !== 'string' || accountId === '') throw new Error('missing accountId claim');
      if (!Array.isArray(permissions) || permissions.some((p) => typeof p !== 'string')) {
        throw new Error('permissions claim must be an array of strings');
      }
      const issuedAt = typeof iat === 'number' ? iat : null;
      const from = Math.min(issuedAt ?? Infinity, Date.now() / 1000);
      if (exp - from > this.options.maxLifetimeSeconds + this.options.clockSkewSeconds) throw new LifetimeError();
      return { userId: sub!, accountId, permissions: effectivePermissions(permissions), expiresAt: exp, issuedAt };
    } catch (error) {
      const reason = error instanceof joseErrors.JWTExpired ? 'token expired' : error instanceof LifetimeError ? error.message : 'invalid token';
      throw new DomainError(ErrorCode.UNAUTHENTICATED, reason);
    }
  }

  async sign(claims: TokenClaims, ttlSeconds: number): Promise<string> {
    if (ttlSeconds > this.options.maxLifetimeSeconds) throw new Error(`a token may live at most ${this.options.maxLifetimeSeconds} s (JWT_MAX_LIFETIME_SECONDS)`);
    const key = await this.signingKey();
    let jwt = new SignJWT({ accountId: claims.accountId, permissions: claims.permissions })
      .setProtectedHeader({ alg: this.algorithm, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds);
    if (this.options.issuer) jwt = jwt.setIssuer(this.options.issuer);
    return jwt.sign(key);
  }

  private async signingKey(): Promise<KeyObject | KeyLike> {
    const keys = this.options.keys;
    if (keys.algorithm === 'HS256') return this.verifyKey;
    if (!keys.privateKey) throw new Error('signing RS256 tokens needs JWT_PRIVATE_KEY');
    return importPKCS8(keys.privateKey, 'RS256');
  }
}

class LifetimeError extends Error {
  constructor() {
    super('token lifetime exceeds the maximum');
  }
}

/** Parses `Bearer <token>`; anything else is treated as no token. */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}
