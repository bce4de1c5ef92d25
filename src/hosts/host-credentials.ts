import { createHash } from 'node:crypto';
import type { KeyRing } from '../crypto/cipher';
import type { HostTarget, TlsMaterial } from '../docker/docker.types';
import type { DockerHost } from './host.entity';

/** A row reached at an Engine endpoint with optional TLS material: a host, or a swarm cluster's manager. */
export type EndpointRow = Pick<DockerHost, 'id' | 'accountId' | 'apiEndpoint' | 'tlsVerify' | 'encryptedTlsCredentials'>;

/**
 * An endpoint's TLS material at rest: sealed with the key ring, bound to its table, account, row and field (so a
 * ciphertext copied onto another row fails to open), and opened only to build the Docker adapter's target. One
 * instance per table (docker_hosts, swarm_clusters).
 */
export class HostCredentials {
  constructor(private readonly keyRing: KeyRing, private readonly table: 'docker_hosts' | 'swarm_clusters' = 'docker_hosts') {}

  seal(host: EndpointRow, tls: TlsMaterial): string {
    const { ca, cert, key } = tls;
    return this.keyRing.encrypt(JSON.stringify({ ca, cert, key }), this.associatedData(host));
  }

  /** The stored material, opened (to copy it onto another row, sealed for that one). */
  open(host: EndpointRow): TlsMaterial | undefined {
    return host.encryptedTlsCredentials ? (JSON.parse(this.keyRing.decrypt(host.encryptedTlsCredentials, this.associatedData(host))) as TlsMaterial) : undefined;
  }

  /** What the adapter needs to reach the host. Throws DECRYPTION_FAILED when the stored material does not open. */
  target(host: EndpointRow): HostTarget {
    return { hostId: host.id, apiEndpoint: host.apiEndpoint, tlsVerify: host.tlsVerify, tls: this.open(host), fingerprint: fingerprint(host) };
  }

  /** The stored material sealed again under the active key; null when it does not open. */
  resealed(host: EndpointRow): string | null {
    try {
      return this.keyRing.encrypt(this.keyRing.decrypt(host.encryptedTlsCredentials!, this.associatedData(host)), this.associatedData(host));
    } catch {
      return null;
    }
  }

  get activeKeyId(): string {
    return this.keyRing.activeKeyId;
  }

  private associatedData(row: EndpointRow): string {
    return `${this.table}/${row.accountId}/${row.id}/tlsCredentials`;
  }
}

/** Changes whenever what the connection depends on changes: endpoint, verification, credentials. */
export function fingerprint(host: Pick<DockerHost, 'apiEndpoint' | 'tlsVerify' | 'encryptedTlsCredentials'>): string {
  return createHash('sha256')
    .update(JSON.stringify([host.apiEndpoint, host.tlsVerify, host.encryptedTlsCredentials ?? null]))
    .digest('base64url');
}



/** What re-sealing needs of a table of sealed rows (hosts, clusters). */
export interface SealedRows<T extends EndpointRow> {
  findSealedWithOtherKey(activeKeyId: string): Promise<T[]>;
  replaceSealed(id: string, expected: string, sealed: string): Promise<boolean>;
}

/**
 * The second half of a key rotation: re-seal credentials written with an older key under the active one, so the old
 * key can be dropped from ENCRYPTION_KEYS. A row that does not decrypt is left as it is and reported, never fatal.
 * Each row is written only if it still holds what was read: a user's concurrent update is never undone.
 */
export async function resealRows<T extends EndpointRow>(rows: SealedRows<T>, credentials: Pick<HostCredentials, 'resealed' | 'activeKeyId'>): Promise<{ resealed: number; unreadable: string[] }> {
  const stale = await rows.findSealedWithOtherKey(credentials.activeKeyId);
  const unreadable: string[] = [];
  let resealed = 0;
  for (const row of stale) {
    const sealed = credentials.resealed(row);
    if (!sealed) unreadable.push(row.id);
    else if (await rows.replaceSealed(row.id, row.encryptedTlsCredentials!, sealed)) resealed += 1;
  }
  return { resealed, unreadable };
}
