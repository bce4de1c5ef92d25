import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors';

/** Codes that say how the endpoint failed to be a Docker API, and thereby what listens there. */
const REACH = new Set<string>([ErrorCode.HOST_UNREACHABLE, ErrorCode.HOST_TIMEOUT, ErrorCode.NOT_DOCKER_API, ErrorCode.TLS_ERROR]);

/**
 * A host's lastError as this caller may see it. Registering endpoints is otherwise a port and file scanner of the
 * API server's networks: refused vs timed out vs "not a Docker API" vs "no such socket" each say something. When
 * `coarse` (production), a caller without docker.hosts.privileged gets one answer for all of them; the precise text
 * is in the server log ("docker host sync failed") and shown to privileged callers.
 */
/** Whether this caller sees how an endpoint fails (always, unless `coarse`: then only with docker.hosts.privileged). */
export function seesEndpointDetail(principal: Principal | null, coarse: boolean): boolean {
  return !coarse || principal?.permissions.has(Permission.DockerHostsPrivileged) === true;
}

export function visibleLastError(principal: Principal | null, host: { lastError?: string | null; lastErrorCode?: string | null }, coarse: boolean): { lastError: string | null; lastErrorCode: string | null } {
  const exact = { lastError: host.lastError ?? null, lastErrorCode: host.lastErrorCode ?? null };
  if (!exact.lastErrorCode || seesEndpointDetail(principal, coarse)) return exact;
  if (REACH.has(exact.lastErrorCode)) return { lastError: 'could not reach a Docker API at this endpoint (details in the server log)', lastErrorCode: ErrorCode.HOST_UNREACHABLE };
  if (exact.lastErrorCode === ErrorCode.DOCKER_API_ERROR) return { lastError: 'the Docker API at this endpoint answered with an error (details in the server log)', lastErrorCode: ErrorCode.DOCKER_API_ERROR };
  return exact;
}
