import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError, ErrorCode } from '../common/errors';

/**
 * AES-256-GCM envelope encryption for secrets at rest.
 *
 * Envelope: `v1.<keyId>.<nonce>.<ciphertext>.<tag>` (base64url parts). A fresh 96-bit nonce per encryption; the key id
 * travels with the ciphertext so old rows stay readable after a new key becomes active (rotation = add a key, make it
 * active, restart (start-up re-seals older rows under the active key), then drop the old one). The caller binds context (account, object, field) as
 * associated data, so a ciphertext copied onto another row fails authentication instead of decrypting.
 */
export interface KeyRingOptions {
  keys: ReadonlyMap<string, Buffer>;
  activeKeyId: string;
}

const VERSION = 'v1';

export class KeyRing {
  constructor(private readonly options: KeyRingOptions) {
    const active = options.keys.get(options.activeKeyId);
    if (!active) throw new Error(`active encryption key "${options.activeKeyId}" is not among the configured keys`);
    for (const [id, key] of options.keys) {
      if (key.length !== 32) throw new Error(`encryption key "${id}" must be 32 bytes (got ${key.length})`);
      if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`encryption key id "${id}" may only hold letters, digits, _ and -`);
    }
  }

  /** Parses `id1:base64key,id2:base64key` as written in ENCRYPTION_KEYS. */
  static parse(spec: string, activeKeyId: string): KeyRing {
    const keys = new Map<string, Buffer>();
    for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
      const sep = entry.indexOf(':');
      if (sep < 1) throw new Error('ENCRYPTION_KEYS entries must look like <id>:<base64 32-byte key>');
      keys.set(entry.slice(0, sep), Buffer.from(entry.slice(sep + 1), 'base64'));
    }
    return new KeyRing({ keys, activeKeyId });
  }

  static generateKey(): string {
    return randomBytes(32).toString('base64');
  }

  get activeKeyId(): string {
    return this.options.activeKeyId;
  }

  encrypt(plaintext: string, associatedData: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.options.keys.get(this.activeKeyId)!, nonce);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.activeKeyId, nonce, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(envelope: string, associatedData: string): string {
    const [version, keyId, nonce, ciphertext, tag] = envelope.split('.');
    const key = keyId === undefined ? undefined : this.options.keys.get(keyId);
    if (version !== VERSION || !key || !nonce || ciphertext === undefined || !tag) {
      throw new DomainError(ErrorCode.DECRYPTION_FAILED, 'stored secret cannot be decrypted (unknown format or key id)');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DomainError(ErrorCode.DECRYPTION_FAILED, 'stored secret failed authentication (wrong key or wrong owner)');
    }
  }
}
