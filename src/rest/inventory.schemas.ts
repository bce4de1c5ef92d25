import type { Container } from '../containers/container.entity';
import { ContainerHealth, ContainerState } from '../containers/container.enums';
import type { Image } from '../images/image.entity';
import type { Network } from '../networks/network.entity';
import type { Volume } from '../volumes/volume.entity';
import { z } from './rest.openapi';
import { PageMeta, withPaging } from './rest.pagination';

/** Enums GraphQL spells in capitals (RUNNING), in the runbook's lowercase (running). */
export function lowercaseEnum<E extends Record<string, string>>(values: E, name: string) {
  const lower = Object.values(values).map((v) => v.toLowerCase()) as [string, ...string[]];
  return z.enum(lower).openapi(name);
}
export const lower = (value: string): string => value.toLowerCase();
export const upper = <E>(value: string | undefined): E | undefined => (value === undefined ? undefined : (value.toUpperCase() as E));

export const HostIdFilter = z.string().uuid().optional().openapi({ description: 'Only what is on this host' });
const Labels = z.record(z.string());
const dateTime = z.string().datetime().nullable();
export const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

const State = lowercaseEnum(ContainerState, 'ContainerState');
const Health = lowercaseEnum(ContainerHealth, 'ContainerHealth');

export const ContainerListQuery = withPaging({
  host_id: HostIdFilter,
  state: State.optional(),
  name: z.string().max(256).optional().openapi({ description: 'Case-insensitive part of the name' }),
  image: z.string().max(512).optional().openapi({ description: 'Case-insensitive part of the image reference' }),
  label: z.string().max(512).optional().openapi({ description: '"key" (has the label) or "key=value"' }),
});

export const ContainerView = z
  .object({
    id: z.string(),
    host_id: z.string(),
    docker_id: z.string(),
    name: z.string(),
    image: z.string(),
    image_id: z.string().nullable(),
    command: z.string().nullable(),
    state: State,
    health: Health,
    exit_code: z.number().int().nullable(),
    labels: Labels,
    ports: z.array(z.object({ private_port: z.number().int(), public_port: z.number().int().nullable(), type: z.string(), ip: z.string().nullable() })),
    mounts: z.array(z.object({ type: z.string(), source: z.string().nullable(), destination: z.string(), read_only: z.boolean() })),
    networks: z.array(z.object({ name: z.string(), network_id: z.string().nullable(), ip_address: z.string().nullable() })),
    created_at: z.string().datetime(),
    started_at: dateTime,
    finished_at: dateTime,
    updated_at: z.string().datetime(),
  })
  .openapi('Container');
export const ContainerListAnswer = z.object({ containers: z.array(ContainerView), meta: PageMeta }).openapi('ContainerListResponse');

export function containerView(c: Container): z.infer<typeof ContainerView> {
  return {
    id: c.id,
    host_id: c.hostId,
    docker_id: c.dockerId,
    name: c.name,
    image: c.image,
    image_id: c.imageId ?? null,
    command: c.command ?? null,
    state: c.state.toLowerCase(),
    health: c.health.toLowerCase(),
    exit_code: c.exitCode ?? null,
    labels: c.labels,
    ports: c.ports.map((p) => ({ private_port: p.privatePort, public_port: p.publicPort, type: p.type, ip: p.ip })),
    mounts: c.mounts.map((m) => ({ type: m.type, source: m.source, destination: m.destination, read_only: m.readOnly })),
    networks: c.networks.map((n) => ({ name: n.name, network_id: n.networkId, ip_address: n.ipAddress })),
    created_at: c.createdAt.toISOString(),
    started_at: iso(c.startedAt),
    finished_at: iso(c.finishedAt),
    updated_at: c.updatedAt.toISOString(),
  };
}

export const HostScopedQuery = withPaging({ host_id: HostIdFilter });

const owned = { id: z.string(), host_id: z.string(), docker_id: z.string(), labels: Labels, updated_at: z.string().datetime() };
const ownedView = (o: Image | Network | Volume) => ({ id: o.id, host_id: o.hostId, docker_id: o.dockerId, labels: o.labels, updated_at: o.updatedAt.toISOString() });

export const ImageView = z
  .object({ ...owned, repo_tags: z.array(z.string()), repo_digests: z.array(z.string()), size_bytes: z.number().int(), created_at: z.string().datetime() })
  .openapi('Image');
export const NetworkView = z
  .object({ ...owned, name: z.string(), driver: z.string(), scope: z.string(), internal: z.boolean(), attachable: z.boolean(), created_at: dateTime })
  .openapi('Network');
export const VolumeView = z.object({ ...owned, name: z.string(), driver: z.string(), mountpoint: z.string().nullable(), scope: z.string(), created_at: dateTime }).openapi('Volume');

export const ImageListAnswer = z.object({ images: z.array(ImageView), meta: PageMeta }).openapi('ImageListResponse');
export const NetworkListAnswer = z.object({ networks: z.array(NetworkView), meta: PageMeta }).openapi('NetworkListResponse');
export const VolumeListAnswer = z.object({ volumes: z.array(VolumeView), meta: PageMeta }).openapi('VolumeListResponse');

export const imageView = (i: Image): z.infer<typeof ImageView> => ({ ...ownedView(i), repo_tags: i.repoTags, repo_digests: i.repoDigests, size_bytes: i.sizeBytes, created_at: i.createdAt.toISOString() });
export const networkView = (n: Network): z.infer<typeof NetworkView> => ({ ...ownedView(n), name: n.name, driver: n.driver, scope: n.scope, internal: n.internal, attachable: n.attachable, created_at: iso(n.createdAt) });
export const volumeView = (v: Volume): z.infer<typeof VolumeView> => ({ ...ownedView(v), name: v.name, driver: v.driver, mountpoint: v.mountpoint ?? null, scope: v.scope, created_at: iso(v.createdAt) });
