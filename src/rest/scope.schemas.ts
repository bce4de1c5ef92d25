import { HostEnvironment, HostStatus } from '../hosts/host.enums';
import type { TlsMaterial } from '../docker/docker.types';
import type { EndpointScope } from '../sync/scope.entity';
import { iso } from './inventory.schemas';
import { z } from './rest.openapi';

/** What docker hosts and swarm clusters share in REST, as they share EndpointScope: the registered endpoint's row. */
export const ScopeEnvironment = z.nativeEnum(HostEnvironment).openapi('HostEnvironment');
export const ScopeStatus = z.nativeEnum(HostStatus).openapi('HostStatus', { description: 'pending, connected, disconnected, error or maintenance (the runbook\'s states)' });
const dateTime = z.string().datetime().nullable();

export const TlsCredentials = z
  .object({
    ca: z.string().nullable().optional().openapi({ description: 'CA certificate (PEM) that signed the daemon certificate' }),
    cert: z.string().nullable().optional().openapi({ description: 'Client certificate (PEM)' }),
    key: z.string().nullable().optional().openapi({ description: 'Client private key (PEM)' }),
  })
  .strict()
  .openapi('TlsCredentials', { description: 'Encrypted on save and never returned' });

/** The settings a host's and a cluster's create bodies share, besides its endpoint. */
export const endpointCreateFields = {
  name: z.string().openapi({ description: 'Unique within the account' }),
  environment: ScopeEnvironment,
  tls_verify: z.boolean().optional().openapi({ description: 'Verify the daemon certificate (default true; required for production)' }),
  tls_credentials: TlsCredentials.nullable().optional(),
  sync_interval_seconds: z.number().int().optional().openapi({ description: 'Seconds between syncs, 30 to 3600 (default 60)' }),
};

/** A host's or a cluster's update body (fields left out are unchanged). */
export const EndpointUpdate = z
  .object({
    name: z.string().optional(),
    api_endpoint: z.string().optional(),
    environment: ScopeEnvironment.optional(),
    tls_verify: z.boolean().optional(),
    tls_credentials: TlsCredentials.nullable().optional().openapi({ description: 'null removes the stored credentials' }),
    sync_interval_seconds: z.number().int().optional(),
  })
  .strict();

type TlsBody = z.infer<typeof TlsCredentials>;

/**
 * The runbook's register line sends `"tls_credentials": { /* ca / cert / key — encrypted on save *\/ }`: an object with
 * none of the three is a placeholder, the same as leaving the field out (null still removes, on update).
 */
export function tlsMaterial(tls: TlsBody | null | undefined): TlsMaterial | null | undefined {
  if (tls === null) return null;
  if (!tls || (tls.ca == null && tls.cert == null && tls.key == null)) return undefined;
  return { ca: tls.ca ?? undefined, cert: tls.cert ?? undefined, key: tls.key ?? undefined };
}

/** A body's settings as the managers' inputs name them; the endpoint field is the manager's own (apiEndpoint, managerEndpoint). */
export function endpointSettings(body: Partial<z.infer<typeof EndpointUpdate>>) {
  return { name: body.name, environment: body.environment, tlsVerify: body.tls_verify, tlsCredentials: tlsMaterial(body.tls_credentials), syncIntervalSeconds: body.sync_interval_seconds };
}

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
