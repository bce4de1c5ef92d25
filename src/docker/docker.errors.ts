import { DomainError, ErrorCode } from '../common/errors';
import { storable, storableText } from '../common/storable';

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENOENT', 'EACCES', 'EPIPE']);
const TLS_CODES = new Set([
  'EPROTO',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const NOT_HTTP = new Set(['HPE_INVALID_CONSTANT', 'HPE_INVALID_VERSION', 'HPE_INVALID_HEADER_TOKEN', 'HPE_UNEXPECTED_CONTENT_LENGTH']);

interface EngineFailure {
  code?: string;
  statusCode?: number;
  json?: unknown;
  message?: string;
}

/**
 * The one place Engine/transport failures become domain errors. The message says what went wrong in operator terms
 * and never includes request bodies or TLS material.
 */
export function toDockerError(error: unknown, context: { endpoint: string; tls: boolean }): DomainError {
  if (error instanceof DomainError) return error;
  const mapped = mapFailure(error, context);
  // The text ends up in a host's lastError or an operation's error: made storable like everything from a daemon.
  const message = storableText(mapped.message);
  return message === mapped.message ? mapped : new DomainError(mapped.code, message, storable(mapped.details));
}

function mapFailure(error: unknown, context: { endpoint: string; tls: boolean }): DomainError {
  const e = (error ?? {}) as EngineFailure;
  const code = e.code ?? '';
  const at = context.endpoint;
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new DomainError(ErrorCode.TLS_ERROR, `TLS handshake with ${at} failed: ${describeTls(code, e.message)}`, { cause: code });
  }
  if (context.tls && (code === 'ECONNRESET' || /socket hang up/.test(e.message ?? ''))) {
    // Go's TLS server drops the connection when the client certificate is missing or not signed by its CA.
    return new DomainError(ErrorCode.TLS_ERROR, `TLS handshake with ${at} failed: connection closed by the server (client certificate missing or rejected?)`, { cause: code });
  }
  if (code === 'ENOENT' && at.startsWith('unix:')) {
    return new DomainError(ErrorCode.HOST_UNREACHABLE, `no Docker socket at ${at} (is dockerd running?)`, { cause: code });
  }
  if (code === 'EACCES' && at.startsWith('unix:')) {
    return new DomainError(ErrorCode.HOST_UNREACHABLE, `permission denied on ${at} (the API server's user cannot open it)`, { cause: code });
  }
  if (UNREACHABLE.has(code) || code === 'ECONNRESET') {
    return new DomainError(ErrorCode.HOST_UNREACHABLE, `Docker host ${at} is unreachable (${code})`, { cause: code });
  }
  if (NOT_HTTP.has(code)) {
    return new DomainError(ErrorCode.NOT_DOCKER_API, `${at} does not speak HTTP: not a Docker Engine API`, { cause: code });
  }
  if (typeof e.statusCode === 'number') {
    const message = engineMessage(e.json) || streamedMessage(e.message);
    if (e.statusCode === 400 && /HTTP request to an HTTPS server/i.test(message)) {
      return new DomainError(ErrorCode.TLS_ERROR, `${at} requires TLS: register it as https:// with TLS credentials`);
    }
    if (!message) {
      return new DomainError(ErrorCode.NOT_DOCKER_API, `${at} answered HTTP ${e.statusCode} without a Docker error body: not a Docker Engine API`);
    }
    return new DomainError(ErrorCode.DOCKER_API_ERROR, `Docker Engine at ${at} answered ${e.statusCode}: ${message}`, { statusCode: e.statusCode, engineMessage: message });
  }
  return new DomainError(ErrorCode.HOST_UNREACHABLE, `Docker host ${at} failed: ${e.message ?? String(error)}`, { cause: code || undefined });
}

/** Which TLS check failed, from Node's error code and OpenSSL's text (the alerts a server sends carry only the text). */
export type TlsFailure = 'unknown-ca' | 'expired' | 'not-yet-valid' | 'name-mismatch' | 'client-certificate-refused' | 'key-mismatch';

export function tlsFailureOf(code: string, message = ''): TlsFailure | null {
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'name-mismatch';
  if (code.includes('SELF_SIGNED') || code.includes('ISSUER') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') return 'unknown-ca';
  if (code === 'CERT_HAS_EXPIRED') return 'expired';
  if (code === 'CERT_NOT_YET_VALID') return 'not-yet-valid';
  if (/key values mismatch/i.test(message)) return 'key-mismatch';
  // Alerts from the server about OUR certificate: Go's TLS server sends "bad certificate" for a missing or foreign one.
  if (/certificate required|handshake failure|bad certificate|unknown ca|alert certificate expired|certificate unknown/i.test(message)) return 'client-certificate-refused';
  return null;
}

function describeTls(code: string, message = ''): string {
  switch (tlsFailureOf(code, message)) {
    case 'name-mismatch':
      return 'the server certificate does not name this host';
    case 'unknown-ca':
      return 'the server certificate is not trusted (not signed by the CA in tlsCredentials.ca, or no CA was given)';
    case 'client-certificate-refused':
      return 'the server refused the client certificate (missing, or not signed by its CA)';
    default:
      return message || code;
  }
}

/**
 * For a streaming request docker-modem does not parse the error body: the Engine's message only survives in the
 * error's own text, "(HTTP code 404) unexpected - manifest for x not found".
 */
function streamedMessage(text: string | undefined): string {
  return /^\(HTTP code \d+\) [^-]*- ([\s\S]+)$/.exec(text ?? '')?.[1]?.trim() ?? '';
}

/** The Engine answers errors as `{ "message": "..." }`; anything else is not the Engine. */
function engineMessage(json: unknown): string {
  if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    return (json as { message: string }).message;
  }
  // Go's TLS listener answers plain HTTP with a text body, which docker-modem hands over as a Buffer.
  const text = typeof json === 'string' || Buffer.isBuffer(json) ? String(json) : '';
  return /HTTP request to an HTTPS server/i.test(text) ? text.trim() : '';
}

/**
 * For operations on named objects: the Engine's 404/409/400 become NOT_FOUND/CONFLICT/BAD_USER_INPUT with Docker's own
 * words (which name the object), prefixed by what we were doing. Transport failures stay as they are.
 */
export function operationError(error: unknown, doing: string): unknown {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.DOCKER_API_ERROR) return error;
  const message = `${doing}: ${String(error.details.engineMessage ?? error.message)}`;
  switch (error.details.statusCode) {
    case 404:
      return new DomainError(ErrorCode.NOT_FOUND, message, { statusCode: 404 });
    case 409:
    case 403: // the Engine's answer for a network with active endpoints, or a predefined network
      return new DomainError(ErrorCode.CONFLICT, message, { statusCode: error.details.statusCode });
    case 400:
      return new DomainError(ErrorCode.BAD_USER_INPUT, message, { statusCode: 400 });
    default:
      return new DomainError(ErrorCode.DOCKER_API_ERROR, message, error.details);
  }
}

/**
 * For swarm operations: what a manager's Engine answers in swarm terms, then operationError's mapping. Docker 20.10:
 * - 503 "This node is not a swarm manager. Use "docker swarm init"..." (no swarm) or "...Worker nodes can't be used
 *   to view or modify cluster state..." (a worker) -> NOT_SWARM_MANAGER;
 * - "The swarm does not have a leader. It's possible that too few managers are online..." (503), and a raft call that
 *   timed out for want of a leader ("rpc error: code = DeadlineExceeded desc = context deadline exceeded", or
 *   swarmkit's "raft: no elected cluster leader") -> QUORUM_LOST;
 * - "update out of sequence" (swarmkit's ErrSequenceConflict; 20.10 answers it 500 as "rpc error: code = Unknown desc =
 *   update out of sequence") -> CONFLICT with `outOfSequence: true`: re-inspect, retry;
 * - a rollback without history ("service does not have a previous spec", 500), joining while in a swarm, leaving while
 *   in none -> CONFLICT.
 * `statusCode` stays in the details. `secrets` (join tokens, secret data as text) are cut out of the message.
 */
export function swarmError(error: unknown, doing: string, secrets: string[] = []): unknown {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.DOCKER_API_ERROR) return error;
  const statusCode = error.details.statusCode;
  let engine = String(error.details.engineMessage ?? error.message);
  for (const secret of secrets) if (secret) engine = engine.split(secret).join('[redacted]');
  const message = `${doing}: ${engine}`;
  if (/not a swarm manager/i.test(engine)) return new DomainError(ErrorCode.NOT_SWARM_MANAGER, message, { statusCode });
  if (/does not have a leader|no elected cluster leader|rpc error: code = DeadlineExceeded/i.test(engine)) {
    return new DomainError(ErrorCode.QUORUM_LOST, message, { statusCode });
  }
  if (/update out of sequence/i.test(engine)) return new DomainError(ErrorCode.CONFLICT, message, { statusCode, outOfSequence: true });
  // 20.10 answers these preconditions 500 (or 503): they are the object's state, not a failing Engine.
  if (/is already part of a swarm|is not part of a swarm|does not have a previous spec/i.test(engine)) return new DomainError(ErrorCode.CONFLICT, message, { statusCode });
  return operationError(new DomainError(error.code, error.message, { ...error.details, engineMessage: engine }), doing);
}
