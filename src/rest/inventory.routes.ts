import { Permission } from '../auth/permissions';
import type { Image } from '../images/image.entity';
import type { InventoryKind } from '../inventory/inventory.queries';
import type { Network } from '../networks/network.entity';
import type { Volume } from '../volumes/volume.entity';
import type { ZodTypeAny } from 'zod';
import { HostScopedQuery, ImageListAnswer, imageView, NetworkListAnswer, networkView, VolumeListAnswer, volumeView } from './inventory.schemas';
import { pageMeta, pageThrough } from './rest.pagination';
import { defineRoute, type RouteDeps } from './rest.route';

type Presenter = (row: never) => unknown;

/** Images (newest first), networks (by name) and volumes (by name): one InventoryQueries.page each, as in GraphQL. */
const KINDS: Array<{ kind: InventoryKind; noun: string; response: ZodTypeAny; view: Presenter }> = [
  { kind: 'images', noun: 'images, newest first', response: ImageListAnswer, view: imageView as (row: Image) => unknown },
  { kind: 'networks', noun: 'networks, by name', response: NetworkListAnswer, view: networkView as (row: Network) => unknown },
  { kind: 'volumes', noun: 'volumes, by name', response: VolumeListAnswer, view: volumeView as (row: Volume) => unknown },
];

export function inventoryRoutes(deps: RouteDeps): void {
  for (const { kind, noun, response, view } of KINDS) {
    defineRoute(deps, {
      method: 'get',
      path: `/devops/docker/${kind}`,
      summary: `List ${noun}, across your fleet or on one host, as last synced`,
      tag: 'Docker inventory',
      permissions: [Permission.DockerHostsRead],
      query: HostScopedQuery,
      status: 200,
      response,
      handle: ({ principal, services, query: { host_id, ...paging } }) => pageThrough(paging, (args) => services.inventory.page(principal, kind, { hostId: host_id }, args)),
      present: async (answer) => ({ [kind]: answer.page.nodes.map((row) => view(row as never)), meta: await pageMeta(answer) }),
    });
  }
}
