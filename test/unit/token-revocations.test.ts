import type { MikroORM } from '@mikro-orm/postgresql';
import { TokenRevocations } from '../../src/auth/token-revocations';
import type { Principal } from '../../src/auth/principal';
import { createLocalPubSub } from '../../src/pubsub/pubsub';

const principal = (accountId: string, issuedAt: number): Principal => ({ userId: 'u', accountId, permissions: new Set(), expiresAt: issuedAt + 600, issuedAt });
const silent = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined } as never;

describe(TokenRevocations.name, () => {
  it('answers from the cut-offs it holds, with no database at hand, and takes newer ones from PubSub', async () => {
    const db = { up: true, rows: [{ accountId: 'a', revokedBefore: new Date(1_700_000_000_000) }] };
    const orm = { em: { fork: () => ({ find: async () => { if (!db.up) throw new Error('connect ECONNREFUSED'); return db.rows; } }) } } as unknown as MikroORM;
    const pubsub = createLocalPubSub();
    const revocations = new TokenRevocations({ orm, pubsub, logger: silent });
    await revocations.start();
    db.up = false; // a database restart: checks go on with what is known
    expect(revocations.isRevoked(principal('a', 1_699_999_000))).toBe(true);
    expect(revocations.isRevoked(principal('a', 1_700_000_001))).toBe(false);
    expect(revocations.isRevoked(principal('b', 1_000_000_000))).toBe(false);
    pubsub.publish('TOKENS_REVOKED', { accountId: 'b', revokedBefore: new Date(1_500_000_000_000) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(revocations.isRevoked(principal('b', 1_000_000_000))).toBe(true);
    // An older cut-off (a late message, an old row) never moves one back.
    pubsub.publish('TOKENS_REVOKED', { accountId: 'a', revokedBefore: new Date(1_000_000_000_000) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(revocations.isRevoked(principal('a', 1_699_999_000))).toBe(true);
    revocations.close();
  });

  it('closes sockets for a cut-off it learns by re-reading (its message lost while Redis was away), and ignores one from the future', async () => {
    jest.useFakeTimers({ now: 2_100_000_000_000 });
    try {
      const db = { rows: [] as Array<{ accountId: string; revokedBefore: Date }> };
      const orm = { em: { fork: () => ({ find: async () => db.rows }) } } as unknown as MikroORM;
      const pubsub = createLocalPubSub();
      const revocations = new TokenRevocations({ orm, pubsub, logger: silent });
      await revocations.start();
      const closed: string[] = [];
      revocations.onRevoked((accountId) => closed.push(accountId));
      db.rows = [{ accountId: 'a', revokedBefore: new Date(2_099_999_999_000) }];
      await jest.advanceTimersByTimeAsync(10_000);
      expect(closed).toEqual(['a']);
      expect(revocations.isRevoked(principal('a', 2_099_999_000))).toBe(true);
      pubsub.publish('TOKENS_REVOKED', { accountId: 'b', revokedBefore: new Date(2_200_000_000_000) });
      await jest.advanceTimersByTimeAsync(1);
      expect(revocations.isRevoked(principal('b', 2_099_999_000))).toBe(false);
      expect(closed).toEqual(['a']);
      revocations.close();
    } finally {
      jest.useRealTimers();
    }
  });
});
