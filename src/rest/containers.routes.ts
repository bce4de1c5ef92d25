import { Permission } from '../auth/permissions';
import type { ContainerState } from '../containers/container.enums';
import { ContainerListAnswer, ContainerListQuery, containerView, upper } from './inventory.schemas';
import { pageMeta, pageThrough } from './rest.pagination';
import { defineRoute, type RouteDeps } from './rest.route';

/** GET /devops/docker/containers: the synced containers, as the `containers` query lists them (by name). */
export function containerRoutes(deps: RouteDeps): void {
  defineRoute(deps, {
    method: 'get',
    path: '/devops/docker/containers',
    summary: 'List containers across your fleet (or one host), as last synced',
    tag: 'Docker inventory',
    permissions: [Permission.DockerHostsRead],
    query: ContainerListQuery,
    status: 200,
    response: ContainerListAnswer,
    fieldOf: (field) => field.replace(/^filter\./, ''),
    handle: ({ principal, services, query: { host_id, state, name, image, label, ...paging } }) =>
      pageThrough(paging, (args) => services.inventory.containerPage(principal, { hostId: host_id, state: upper<ContainerState>(state), name, image, label }, args)),
    present: async (answer) => ({ containers: answer.page.nodes.map(containerView), meta: await pageMeta(answer) }),
  });
}
