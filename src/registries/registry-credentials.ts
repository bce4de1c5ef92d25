import type { MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { InputError, NotFoundError } from '../common/errors';
import { isId } from '../common/ids';
import type { KeyRing } from '../crypto/cipher';
import type { RegistryAuth } from '../docker/docker.types';
import { registryOf } from '../docker/image-reference';
import { RegistryCredential } from './registry-credential.entity';

const REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;

/**
 * Registry credentials per account: set (one per registry), list, delete, and — only inside an image operation —
 * opened into the Engine's auth config. The password is sealed with the key ring, bound to account, row and field.
 */
export class RegistryCredentials {
  constructor(private readonly deps: { orm: MikroORM; keyRing: KeyRing }) {}

  async set(principal: Principal, input: { registry: string; username: string; password: string }): Promise<RegistryCredential> {
    const registry = input.registry.trim().toLowerCase();
    if (!REGISTRY.test(registry) || registry.length > 256) throw new InputError('registry', 'must be a registry host[:port] (up to 256 characters)');
    if (!input.username.trim()) throw new InputError('username', 'must not be empty');
    if ([...input.username.trim()].length > 256) throw new InputError('username', 'must be at most 256 characters');
    if (!input.password) throw new InputError('password', 'must not be empty');
    const em = this.deps.orm.em.fork();
    const credential = (await em.findOne(RegistryCredential, { accountId: principal.accountId, registry })) ?? Object.assign(new RegistryCredential(), { accountId: principal.accountId, registry });
    credential.username = input.username.trim();
    credential.encryptedPassword = this.deps.keyRing.encrypt(input.password, aad(credential));
    await em.persist(credential).flush();
    return credential;
  }

  list(principal: Principal): Promise<RegistryCredential[]> {
    return this.deps.orm.em.fork().find(RegistryCredential, { accountId: principal.accountId }, { orderBy: { registry: 'asc' } });
  }

  async delete(principal: Principal, id: string): Promise<string> {
    const em = this.deps.orm.em.fork();
    const credential = isId(id) ? await em.findOne(RegistryCredential, { id, accountId: principal.accountId }) : null;
    if (!credential) throw new NotFoundError('RegistryCredential', id);
    await em.remove(credential).flush();
    return id;
  }

  /**
   * Key rotation, as for TLS credentials: passwords sealed with an older key are sealed again under the active one
   * (start-up), each only if the row still holds what was read. A row that does not open is reported, never fatal.
   */
  async reseal(): Promise<{ resealed: number; unreadable: string[] }> {
    const { keyRing } = this.deps;
    const em = this.deps.orm.em.fork();
    const stale = await em.find(RegistryCredential, { $not: { encryptedPassword: { $like: `v1.${keyRing.activeKeyId.replace(/_/g, '\\_')}.%` } } });
    let resealed = 0;
    const unreadable: string[] = [];
    for (const credential of stale) {
      let sealed: string;
      try {
        sealed = keyRing.encrypt(keyRing.decrypt(credential.encryptedPassword, aad(credential)), aad(credential));
      } catch {
        unreadable.push(credential.id);
        continue;
      }
      resealed += await em.nativeUpdate(RegistryCredential, { id: credential.id, encryptedPassword: credential.encryptedPassword }, { encryptedPassword: sealed });
    }
    return { resealed, unreadable };
  }

  /** The auth config for the registry an image reference names, when the account stored credentials for it. */
  async authFor(accountId: string, reference: string): Promise<RegistryAuth | null> {
    const registry = registryOf(reference).toLowerCase();
    const credential = await this.deps.orm.em.fork().findOne(RegistryCredential, { accountId, registry });
    if (!credential) return null;
    return { username: credential.username, password: this.deps.keyRing.decrypt(credential.encryptedPassword, aad(credential)), serveraddress: registry };
  }
}

function aad(credential: RegistryCredential): string {
  return `registry_credentials/${credential.accountId}/${credential.id}/password`;
}
