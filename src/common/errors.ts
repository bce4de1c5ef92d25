/**
 * Domain errors carry a stable string code that becomes `extensions.code` in GraphQL. Each domain defines its codes;
 * src/graphql/errors.ts is the only place that turns them into GraphQL errors.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  HOST_UNREACHABLE = 'HOST_UNREACHABLE',
  /** The host is not CONNECTED (pending, disconnected, in error or maintenance): operations wait for it. */
  HOST_UNAVAILABLE = 'HOST_UNAVAILABLE',
  HOST_TIMEOUT = 'HOST_TIMEOUT',
  TLS_ERROR = 'TLS_ERROR',
  NOT_DOCKER_API = 'NOT_DOCKER_API',
  DOCKER_API_ERROR = 'DOCKER_API_ERROR',
  /** A registry refused the credentials (or wanted some): set them with setRegistryCredential. */
  REGISTRY_AUTH_FAILED = 'REGISTRY_AUTH_FAILED',
  DECRYPTION_FAILED = 'DECRYPTION_FAILED',
  /** Too many live Docker streams (logs, stats) on one connection or one account: end one first. */
  STREAM_LIMIT_REACHED = 'STREAM_LIMIT_REACHED',
  /** A host answered, but the database refused to store what it reported: a failed check, like an unreachable host. */
  SYNC_WRITE_FAILED = 'SYNC_WRITE_FAILED',
  /** A change to a swarm's managers (demote, leave, remove) would leave too few reachable managers for quorum. */
  QUORUM_RISK = 'QUORUM_RISK',
  /** The daemon answered, but it is not a manager of a swarm (a worker, or in no swarm): ask a manager. */
  NOT_SWARM_MANAGER = 'NOT_SWARM_MANAGER',
  /** A manager answered that the swarm has no leader (too few managers reachable): not the same as an unreachable host. */
  QUORUM_LOST = 'QUORUM_LOST',
  /** A traffic router's runtime or master API did not answer (refused, no such socket, timed out). */
  ROUTER_UNREACHABLE = 'ROUTER_UNREACHABLE',
  /** A traffic router answered but refused the command (unknown server or backend, a reload it could not load). */
  ROUTER_REFUSED = 'ROUTER_REFUSED',
  /** A run asked for more than the account's quota leaves (details: limit, max, use, requested). */
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  /** Vault did not answer (refused, timed out, 5xx, sealed): nothing needing a token may start until it does. */
  VAULT_UNAVAILABLE = 'VAULT_UNAVAILABLE',
  /** Vault answered but refused (permission denied, a policy it does not know). */
  VAULT_DENIED = 'VAULT_DENIED',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class InputError extends DomainError {
  constructor(readonly field: string, problem: string) {
    super(ErrorCode.BAD_USER_INPUT, `${field} ${problem}`, { field });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} not found`, { id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super(ErrorCode.CONFLICT, message, field ? { field } : {});
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, field?: string) {
    super(ErrorCode.FORBIDDEN, message, field ? { field } : {});
  }
}
