import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TokenService } from '../auth/token.service';
import { KeyRing } from '../crypto/cipher';
import type { Logger } from '../log/logger';
import type { Config } from './config';

export interface Secrets {
  keyRing: KeyRing;
  tokens: TokenService;
  /** True when no JWT key was configured and this process made one up (development only). */
  ephemeralJwtSecret: boolean;
}

/**
 * Turns configured key material into the crypto services. Development fallbacks keep a newcomer moving: a JWT secret
 * made for this process, and an encryption key kept in the data folder (so stored credentials survive restarts).
 * Production refuses both fallbacks in config validation.
 */
export function resolveSecrets(config: Config, logger: Logger): Secrets {
  return { keyRing: keyRing(config, logger), ...tokens(config) };
}

function keyRing(config: Config, logger: Logger): KeyRing {
  if (config.ENCRYPTION_KEYS) return KeyRing.parse(config.ENCRYPTION_KEYS, config.ENCRYPTION_ACTIVE_KEY_ID!);
  const file = path.resolve(config.EMBEDDED_DATA_DIR, 'encryption.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `dev:${KeyRing.generateKey()}\n`, { mode: 0o600 });
  }
  logger.warn({ file }, 'ENCRYPTION_KEYS not set: using a development key kept in the data folder');
  return KeyRing.parse(readFileSync(file, 'utf8').trim(), 'dev');
}

function tokens(config: Config): Omit<Secrets, 'keyRing'> {
  const common = { clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS, issuer: config.JWT_ISSUER, maxLifetimeSeconds: config.JWT_MAX_LIFETIME_SECONDS };
  if (config.JWT_SECRET) {
    return { tokens: new TokenService({ ...common, keys: { algorithm: 'HS256', secret: config.JWT_SECRET } }), ephemeralJwtSecret: false };
  }
  if (config.JWT_PUBLIC_KEY) {
    const keys = { algorithm: 'RS256' as const, publicKey: config.JWT_PUBLIC_KEY, privateKey: config.JWT_PRIVATE_KEY };
    return { tokens: new TokenService({ ...common, keys }), ephemeralJwtSecret: false };
  }
  const secret = TokenService.randomSecret();
  return { tokens: new TokenService({ ...common, keys: { algorithm: 'HS256', secret } }), ephemeralJwtSecret: true };
}
