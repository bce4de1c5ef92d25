import { X509Certificate, createPrivateKey } from 'node:crypto';
import { InputError } from '../common/errors';
import { parseEndpoint } from '../docker/endpoint';
import type { TlsMaterial } from '../docker/docker.types';
import { HostEnvironment } from './host.enums';

export const SYNC_INTERVAL = { min: 30, max: 3600 } as const;

export interface HostSpec {
  name: string;
  apiEndpoint: string;
  environment: HostEnvironment;
  tlsVerify: boolean;
  syncIntervalSeconds: number;
  /** Only the credentials being set now (null when unchanged or absent). */
  tlsCredentials: TlsMaterial | null;
  hasTlsCredentials: boolean;
}

/**
 * Every rule on a host's settings, applied to the whole resulting spec (so an update is checked against what the host
 * will be, not only the fields sent). Throws BAD_USER_INPUT naming the field.
 */
export interface HostPolicy {
  /** unix:// endpoints give whoever registers one control of the API server's own machine. */
  allowUnixSockets: boolean;
  /**
   * Why an endpoint failed (refused, timed out, not HTTP, no such socket) tells apart closed ports, open ones and
   * existing files: in production only callers with docker.hosts.privileged see it, others a coarse lastError.
   */
  coarseEndpointErrors: boolean;
}

export function validateHostSpec(spec: HostSpec, policy: HostPolicy): void {
  const name = spec.name.trim();
  if (name.length < 1 || name.length > 128) throw new InputError('name', 'must be 1 to 128 characters');
  if (!/^[\w.-][\w .-]*$/.test(name)) throw new InputError('name', 'may hold letters, digits, spaces, ".", "_" and "-"');
  if (spec.apiEndpoint.length > 512) throw new InputError('apiEndpoint', 'must be at most 512 characters');
  const endpoint = parseEndpoint(spec.apiEndpoint);
  if (endpoint.scheme === 'unix' && !policy.allowUnixSockets) {
    throw new InputError('apiEndpoint', 'may not be a unix:// socket on this server (ALLOW_UNIX_SOCKET_ENDPOINTS is off)');
  }
  const { min, max } = SYNC_INTERVAL;
  if (!Number.isInteger(spec.syncIntervalSeconds) || spec.syncIntervalSeconds < min || spec.syncIntervalSeconds > max) {
    throw new InputError('syncIntervalSeconds', `must be a whole number from ${min} to ${max}`);
  }
  if (spec.environment === HostEnvironment.PRODUCTION) {
    if (!spec.tlsVerify) throw new InputError('tlsVerify', 'cannot be false for a PRODUCTION host');
    if (endpoint.scheme === 'tcp') {
      throw new InputError('apiEndpoint', 'must not be plain tcp:// for a PRODUCTION host: use https:// with TLS');
    }
  }
  if ((spec.tlsCredentials || spec.hasTlsCredentials) && endpoint.scheme !== 'https') {
    throw new InputError('tlsCredentials', 'can only be used with an https:// apiEndpoint');
  }
  if (spec.tlsCredentials) validateTlsMaterial(spec.tlsCredentials);
}

function validateTlsMaterial(tls: TlsMaterial): void {
  if (!tls.ca && !tls.cert && !tls.key) throw new InputError('tlsCredentials', 'must hold at least one of ca, cert, key');
  if (Boolean(tls.cert) !== Boolean(tls.key)) {
    throw new InputError(tls.cert ? 'tlsCredentials.key' : 'tlsCredentials.cert', 'is required when the other half of the client pair is given');
  }
  if (tls.ca) parseCertificate(tls.ca, 'tlsCredentials.ca');
  if (tls.cert && tls.key) {
    const cert = parseCertificate(tls.cert, 'tlsCredentials.cert');
    let key;
    try {
      key = createPrivateKey(tls.key);
    } catch {
      throw new InputError('tlsCredentials.key', 'is not a valid PEM private key');
    }
    if (!cert.checkPrivateKey(key)) throw new InputError('tlsCredentials.key', 'does not match tlsCredentials.cert');
  }
}

function parseCertificate(pem: string, field: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new InputError(field, 'is not a valid PEM certificate');
  }
}
