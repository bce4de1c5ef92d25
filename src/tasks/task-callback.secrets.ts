import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import type { KeyRing } from '../crypto/cipher';
import { TaskCallbackSecret } from './task-callback.entity';

export interface SecretStore {
  /** The account's signing secret, made on first use. */
  secretFor(accountId: string): Promise<string>;
}

/**
 * Per-account signing secrets, sealed with the key ring under associated data naming the account (a sealed value
 * copied onto another account's row does not open). The plain secret leaves only through `rotate`'s answer; it is
 * never logged and never stored in the clear.
 */
export class TaskCallbackSecrets implements SecretStore {
  constructor(private readonly deps: { orm: MikroORM; keyRing: KeyRing }) {}

  async secretFor(accountId: string): Promise<string> {
    const em = this.deps.orm.em.fork();
    // Two instances making it at once: the first insert wins, both then read the one stored.
    await em.execute('insert into task_callback_secrets (account_id, sealed_secret, created_at) values (?, ?, now()) on conflict do nothing', [accountId, this.seal(accountId, newSecret())]);
    const row = await em.findOneOrFail(TaskCallbackSecret, { accountId });
    return this.deps.keyRing.decrypt(row.sealedSecret, aad(accountId));
  }

  /** A new secret replaces the old at once: every send from now on (retries of older deliveries too) is signed with it. */
  async rotate(accountId: string): Promise<{ secret: string; createdAt: Date }> {
    const secret = newSecret();
    const createdAt = new Date();
    await this.deps.orm.em.fork().upsert(TaskCallbackSecret, { accountId, sealedSecret: this.seal(accountId, secret), createdAt });
    return { secret, createdAt };
  }

  async isSet(accountId: string): Promise<boolean> {
    return (await this.deps.orm.em.fork().count(TaskCallbackSecret, { accountId })) > 0;
  }

  /**
   * At start-up: secrets sealed under an older key are sealed again under the active one, so that key can be dropped
   * (the key ring's rotation). Written only over the value read: a rotation meanwhile wins.
   */
  async reseal(): Promise<{ resealed: number; unreadable: string[] }> {
    const { keyRing } = this.deps;
    const em = this.deps.orm.em.fork();
    const stale = await em.find(TaskCallbackSecret, { $not: { sealedSecret: { $like: `v1.${keyRing.activeKeyId.replace(/_/g, '\\_')}.%` } } });
    let resealed = 0;
    const unreadable: string[] = [];
    for (const row of stale) {
      let sealed: string;
      try {
        sealed = this.seal(row.accountId, keyRing.decrypt(row.sealedSecret, aad(row.accountId)));
      } catch {
        unreadable.push(row.accountId);
        continue;
      }
      resealed += await em.nativeUpdate(TaskCallbackSecret, { accountId: row.accountId, sealedSecret: row.sealedSecret }, { sealedSecret: sealed });
    }
    return { resealed, unreadable };
  }

  private seal(accountId: string, secret: string): string {
    return this.deps.keyRing.encrypt(secret, aad(accountId));
  }
}

/** `whsec_` and 32 random bytes: recognisable in a receiver's configuration, used as-is (UTF-8) as the HMAC key. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function aad(accountId: string): string {
  return `task_callback_secrets:${accountId}:secret`;
}
