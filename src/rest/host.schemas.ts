import type { DockerHost } from '../hosts/host.entity';
import type { RegisterHostInput, UpdateHostInput } from '../hosts/host.manager';
import { z } from './rest.openapi';
import { PageMeta, withPaging } from './rest.pagination';
import { endpointCreateFields, endpointSettings, EndpointUpdate, scopeFields, scopeListFilters, scopeView } from './scope.schemas';


export const HostCreateBody = z
  .object({
    host: z
      .object({
        ...endpointCreateFields,
        api_endpoint: z.string().openapi({ description: 'unix:///var/run/docker.sock, tcp://host:2375 or https://host:2376', example: 'https://10.0.0.10:2376' }),
      })
      .strict(),
  })
  .strict()
  .openapi('HostCreateRequest');

export const HostUpdateBody = z.object({ host: EndpointUpdate }).strict().openapi('HostUpdateRequest', { description: 'Fields left out are unchanged' });

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

export function registerInput({ host }: z.infer<typeof HostCreateBody>): RegisterHostInput {
  return { ...endpointSettings(host), name: host.name, environment: host.environment, apiEndpoint: host.api_endpoint };
}

export function updateInput({ host }: z.infer<typeof HostUpdateBody>): UpdateHostInput {
  return { ...endpointSettings(host), apiEndpoint: host.api_endpoint };
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
