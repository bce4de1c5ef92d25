import type { DockerHost } from '../hosts/host.entity';
import type { RegisterHostInput, UpdateHostInput } from '../hosts/host.manager';
import type { TlsMaterial } from '../docker/docker.types';
import { z } from './rest.openapi';
import { PageMeta, withPaging } from './rest.pagination';
import { ScopeEnvironment as Environment, scopeFields, scopeListFilters, scopeView } from './scope.schemas';


export const TlsCredentials = z
  .object({
    ca: z.string().nullable().optional().openapi({ description: 'CA certificate (PEM) that signed the daemon certificate' }),
    cert: z.string().nullable().optional().openapi({ description: 'Client certificate (PEM)' }),
    key: z.string().nullable().optional().openapi({ description: 'Client private key (PEM)' }),
  })
  .strict()
  .openapi('TlsCredentials', { description: 'Encrypted on save and never returned' });

export const HostCreateBody = z
  .object({
    host: z
      .object({
        name: z.string().openapi({ description: 'Unique within the account', example: 'docker-prod-1' }),
        api_endpoint: z.string().openapi({ description: 'unix:///var/run/docker.sock, tcp://host:2375 or https://host:2376', example: 'https://10.0.0.10:2376' }),
        environment: Environment,
        tls_verify: z.boolean().optional().openapi({ description: 'Verify the daemon certificate (default true; required for production)' }),
        tls_credentials: TlsCredentials.nullable().optional(),
        sync_interval_seconds: z.number().int().optional().openapi({ description: 'Seconds between syncs, 30 to 3600 (default 60)' }),
      })
      .strict(),
  })
  .strict()
  .openapi('HostCreateRequest');

export const HostUpdateBody = z
  .object({
    host: z
      .object({
        name: z.string().optional(),
        api_endpoint: z.string().optional(),
        environment: Environment.optional(),
        tls_verify: z.boolean().optional(),
        tls_credentials: TlsCredentials.nullable().optional().openapi({ description: 'null removes the stored credentials' }),
        sync_interval_seconds: z.number().int().optional(),
      })
      .strict(),
  })
  .strict()
  .openapi('HostUpdateRequest', { description: 'Fields left out are unchanged' });

export const HostListQuery = withPaging(scopeListFilters);

export const HostIdParams = z.object({ id: z.string().openapi({ description: 'The host id' }) });


export const Host = z
  .object({
    ...scopeFields,
    api_endpoint: z.string(),
    api_version: z.string().nullable(),
    os: z.string().nullable(),
    os_type: z.string().nullable(),
    architecture: z.string().nullable(),
    cpu_count: z.number().int().nullable(),
    memory_bytes: z.number().int().nullable(),
    storage_bytes: z.number().int().nullable(),
    container_count: z.number().int().nullable(),
    image_count: z.number().int().nullable(),
    swarm_node_id: z.string().nullable(),
  })
  .openapi('Host');

export const HostAnswer = z.object({ host: Host }).openapi('HostResponse');
export const HostListAnswer = z.object({ hosts: z.array(Host), meta: PageMeta }).openapi('HostListResponse');
export const DeletedAnswer = z.object({ id: z.string().openapi({ description: 'The id of what was deleted' }) }).openapi('DeletedResponse');

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

export function registerInput({ host }: z.infer<typeof HostCreateBody>): RegisterHostInput {
  return {
    name: host.name,
    apiEndpoint: host.api_endpoint,
    environment: host.environment,
    tlsVerify: host.tls_verify,
    tlsCredentials: tlsMaterial(host.tls_credentials),
    syncIntervalSeconds: host.sync_interval_seconds,
  };
}

export function updateInput({ host }: z.infer<typeof HostUpdateBody>): UpdateHostInput {
  return {
    name: host.name,
    apiEndpoint: host.api_endpoint,
    environment: host.environment,
    tlsVerify: host.tls_verify,
    tlsCredentials: tlsMaterial(host.tls_credentials),
    syncIntervalSeconds: host.sync_interval_seconds,
  };
}


export function hostView(host: DockerHost, lastError: { lastError: string | null; lastErrorCode: string | null }): z.infer<typeof Host> {
  return {
    ...scopeView(host, lastError),
    api_endpoint: host.apiEndpoint,
    api_version: host.apiVersion ?? null,
    os: host.os ?? null,
    os_type: host.osType ?? null,
    architecture: host.architecture ?? null,
    cpu_count: host.cpuCount ?? null,
    memory_bytes: host.memoryBytes ?? null,
    storage_bytes: host.storageBytes ?? null,
    container_count: host.containerCount ?? null,
    image_count: host.imageCount ?? null,
    swarm_node_id: host.swarmNodeId ?? null,
  };
}
