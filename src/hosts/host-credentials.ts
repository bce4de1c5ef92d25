import { createHash } from 'node:crypto';
import type { KeyRing } from '../crypto/cipher';
import type { HostTarget, TlsMaterial } from '../docker/docker.types';
import type { DockerHost } from './host.entity';

/**
 * A host's TLS material at rest: sealed with the key ring, bound to its account, host and field (so a ciphertext
 * copied onto another row fails to open), and opened only to build the Docker adapter's target.
 */
export class HostCredentials {
  constructor(private readonly keyRing: KeyRing) {}

  seal(host: DockerHost, tls: TlsMaterial): string {
    const { ca, cert, key } = tls;
    return this.keyRing.encrypt(JSON.stringify({ ca, cert, key }), associatedData(host));
  }

  /** What the adapter needs to reach the host. Throws DECRYPTION_FAILED when the stored material does not open. */
  target(host: DockerHost): HostTarget {
    const tls = host.encryptedTlsCredentials
      ? (JSON.parse(this.keyRing.decrypt(host.encryptedTlsCredentials, associatedData(host))) as TlsMaterial)
      : undefined;
    return { hostId: host.id, apiEndpoint: host.apiEndpoint, tlsVerify: host.tlsVerify, tls, fingerprint: fingerprint(host) };
  }

  /** The stored material sealed again under the active key; null when it does not open. */
  resealed(host: DockerHost): string | null {
    try {
      return this.keyRing.encrypt(this.keyRing.decrypt(host.encryptedTlsCredentials!, associatedData(host)), associatedData(host));
    } catch {
      return null;
    }
  }

  get activeKeyId(): string {
    return this.keyRing.activeKeyId;
  }
}

/** Changes whenever what the connection depends on changes: endpoint, verification, credentials. */
export function fingerprint(host: Pick<DockerHost, 'apiEndpoint' | 'tlsVerify' | 'encryptedTlsCredentials'>): string {
  return createHash('sha256')
    .update(JSON.stringify([host.apiEndpoint, host.tlsVerify, host.encryptedTlsCredentials ?? null]))
    .digest('base64url');
}

function associatedData(host: DockerHost): string {
  return `docker_hosts/${host.accountId}/${host.id}/tlsCredentials`;
}
