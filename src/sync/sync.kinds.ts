import type { ImageSnapshot, NetworkSnapshot, VolumeSnapshot } from '../docker/docker.types';
import { Image } from '../images/image.entity';
import { Network } from '../networks/network.entity';
import { Volume } from '../volumes/volume.entity';
import { containerKind } from './container.kind';
import { listedKind } from './listed.kind';
import type { SyncedKind } from './synced-kind.types';

/**
 * Every kind the sync engine keeps in a host, in the order a write applies them. Ignored actions fire without changing the
 * stored object: a push or save leaves the image as it was, and volumes are mounted on every container start; network
 * (dis)connects change containers (see containerKind).
 */
export const HOST_KINDS: readonly SyncedKind[] = [
  containerKind,
  listedKind<Image, ImageSnapshot>({
    name: 'image',
    entity: Image,
    fields: ['repoTags', 'repoDigests', 'sizeBytes', 'labels', 'createdAt'],
    ignoredActions: ['push', 'save'],
    list: ({ inventory, target }) => inventory.listImages(target),
  }),
  listedKind<Network, NetworkSnapshot>({
    name: 'network',
    entity: Network,
    fields: ['name', 'driver', 'scope', 'internal', 'attachable', 'labels', 'createdAt'],
    ignoredActions: ['connect', 'disconnect'],
    list: ({ inventory, target }) => inventory.listNetworks(target),
  }),
  listedKind<Volume, VolumeSnapshot>({
    name: 'volume',
    entity: Volume,
    fields: ['driver', 'mountpoint', 'scope', 'labels', 'createdAt'],
    ignoredActions: ['mount', 'unmount'],
    list: ({ inventory, target }) => inventory.listVolumes(target),
  }),
];
