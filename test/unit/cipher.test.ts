import { KeyRing } from '../../src/crypto/cipher';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe(KeyRing.name, () => {
  const ring = KeyRing.parse(`k1:${key(1)}`, 'k1');

  it('round-trips a secret bound to its context', () => {
    const sealed = ring.encrypt('-----BEGIN PRIVATE KEY-----', 'acct/host/field');
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealed.split('.').slice(0, 2)).toEqual(['v1', 'k1']);
    expect(ring.decrypt(sealed, 'acct/host/field')).toBe('-----BEGIN PRIVATE KEY-----');
  });

  it('uses a fresh nonce for every encryption', () => {
    const a = ring.encrypt('same', 'ctx');
    const b = ring.encrypt('same', 'ctx');
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it('refuses a ciphertext moved to another context (account, host or field)', () => {
    const sealed = ring.encrypt('secret', 'acct-a/host-1/tls');
    expect(() => ring.decrypt(sealed, 'acct-a/host-2/tls')).toThrow(/failed authentication/);
    expect(() => ring.decrypt(sealed, 'acct-b/host-1/tls')).toThrow(/failed authentication/);
  });

  it('refuses a tampered ciphertext', () => {
    const parts = ring.encrypt('secret', 'ctx').split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 0xff;
    parts[3] = body.toString('base64url');
    expect(() => ring.decrypt(parts.join('.'), 'ctx')).toThrow(/failed authentication/);
  });

  it('reads old ciphertexts after rotation and writes with the new active key', () => {
    const old = ring.encrypt('secret', 'ctx');
    const rotated = KeyRing.parse(`k1:${key(1)},k2:${key(2)}`, 'k2');
    expect(rotated.decrypt(old, 'ctx')).toBe('secret');
    const fresh = rotated.encrypt('secret', 'ctx');
    expect(fresh.split('.')[1]).toBe('k2');
    expect(() => ring.decrypt(fresh, 'ctx')).toThrow(/unknown format or key id/);
  });

  it('rejects keys of the wrong size and an active id that is not configured', () => {
    expect(() => KeyRing.parse(`k1:${Buffer.alloc(16).toString('base64')}`, 'k1')).toThrow(/32 bytes/);
    expect(() => KeyRing.parse(`k1:${key(1)}`, 'k9')).toThrow(/not among the configured keys/);
  });
});
