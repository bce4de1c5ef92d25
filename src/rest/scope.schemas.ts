import { HostEnvironment, HostStatus } from '../hosts/host.enums';
import type { EndpointScope } from '../sync/scope.entity';
import { iso } from './inventory.schemas';
import { z } from './rest.openapi';

/** What docker hosts and swarm clusters share in REST, as they share EndpointScope: the registered endpoint's row. */
export const ScopeEnvironment = z.nativeEnum(HostEnvironment).openapi('HostEnvironment');
export const ScopeStatus = z.nativeEnum(HostStatus).openapi('HostStatus', { description: 'pending, connected, disconnected, error or maintenance (the runbook\'s states)' });
const dateTime = z.string().datetime().nullable();

/** The list filters of both (the GraphQL lists' status, environment, search). */
export const scopeListFilters = {
  status: ScopeStatus.optional(),
  environment: ScopeEnvironment.optional(),
  search: z.string().max(256).optional().openapi({ description: 'Case-insensitive part of the name or endpoint' }),
};

export const scopeFields = {
  id: z.string(),
  name: z.string(),
  environment: ScopeEnvironment,
  status: ScopeStatus,
  tls_verify: z.boolean(),
  has_tls_credentials: z.boolean(),
  sync_interval_seconds: z.number().int(),
  consecutive_failures: z.number().int(),
  last_error: z.string().nullable().openapi({ description: 'Why the last check failed (coarse in production without docker.hosts.privileged)' }),
  last_error_code: z.string().nullable(),
  last_checked_at: dateTime,
  last_synced_at: dateTime,
  docker_version: z.string().nullable(),
  created_at: z.string().datetime(),
  updated_at: z.string().datetime(),
};

export function scopeView(row: EndpointScope, lastError: { lastError: string | null; lastErrorCode: string | null }) {
  return {
    id: row.id,
    name: row.name,
    environment: row.environment,
    status: row.status,
    tls_verify: row.tlsVerify,
    has_tls_credentials: row.hasTlsCredentials,
    sync_interval_seconds: row.syncIntervalSeconds,
    consecutive_failures: row.consecutiveFailures,
    last_error: lastError.lastError,
    last_error_code: lastError.lastErrorCode,
    last_checked_at: iso(row.lastCheckedAt),
    last_synced_at: iso(row.lastSyncedAt),
    docker_version: row.dockerVersion ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
