import type { ZodType, ZodTypeAny } from 'zod';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { Services } from '../graphql/context';
import type { SwarmKind } from '../swarm/swarm.queries';
import { z } from './rest.openapi';
import { PageMeta, pageMeta, pageThrough } from './rest.pagination';
import { filterField } from './rest.errors';
import { defineRoute, type RouteDeps } from './rest.route';
import {
  DataObjectView,
  dataObjectView,
  NodeView,
  nodeView,
  ServiceAnswer,
  ServiceView,
  serviceView,
  SwarmEventListAnswer,
  SwarmEventListQuery,
  swarmEventView,
  SwarmNetworkView,
  swarmNetworkView,
  SwarmObjectParams,
  SwarmScopedQuery,
  SwarmServiceListQuery,
} from './swarm.schemas';
import { toDate } from './event.schemas';
import { VolumeListAnswer, volumeView } from './inventory.schemas';
import type { Volume } from '../volumes/volume.entity';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;
const tag = 'Swarm objects';

type Presenter = (row: never) => unknown;

interface SwarmRouteKind {
  kind: Exclude<SwarmKind, 'tasks'>;
  /** The answer's key for one (`node`) and for a list (`nodes`, the kind). */
  one: string;
  noun: string;
  view: ZodTypeAny;
  present: Presenter;
  query: typeof SwarmScopedQuery | typeof SwarmServiceListQuery;
  /** The GraphQL query that shows one, where there is one. */
  show?: (services: Services, principal: Principal, id: string) => Promise<unknown>;
}

/** The runbook's swarm listings, one entry per kind: the same SwarmQueries page (and show) the GraphQL queries use. */
const KINDS: SwarmRouteKind[] = [
  { kind: 'nodes', one: 'node', noun: 'nodes, by hostname', view: NodeView, present: nodeView as Presenter, query: SwarmScopedQuery, show: (s, p, id) => s.swarm.one(p, 'nodes', id) },
  { kind: 'services', one: 'service', noun: 'services, by name', view: ServiceView, present: serviceView as Presenter, query: SwarmServiceListQuery, show: (s, p, id) => s.swarm.one(p, 'services', id) },
  { kind: 'networks', one: 'network', noun: 'swarm-scope networks, by name', view: SwarmNetworkView, present: swarmNetworkView as Presenter, query: SwarmScopedQuery },
  { kind: 'secrets', one: 'secret', noun: 'secrets (never their data), by name', view: DataObjectView, present: dataObjectView as Presenter, query: SwarmScopedQuery, show: (s, p, id) => s.secrets.get(p, id) },
  { kind: 'configs', one: 'config', noun: 'configs (never their data), by name', view: DataObjectView, present: dataObjectView as Presenter, query: SwarmScopedQuery, show: (s, p, id) => s.configs.get(p, id) },
];


export function swarmRoutes(deps: RouteDeps): void {
  for (const { kind, one, noun, view, present, query, show } of KINDS) {
    defineRoute(deps, {
      method: 'get',
      path: `/devops/swarm/${kind}`,
      summary: `List ${noun}, across your swarms or in one cluster, as last synced`,
      tag,
      permissions: [READ],
      // Only services read `stack`; the other kinds' query refuses it as unknown.
      query: query as ZodType<z.infer<typeof SwarmServiceListQuery>>,
      status: 200,
      response: z.object({ [kind]: z.array(view), meta: PageMeta }).openapi(`Swarm${one[0]!.toUpperCase()}${one.slice(1)}ListResponse`),
      fieldOf: filterField,
      handle: ({ principal, services, query: { cluster_id, stack, ...paging } }) =>
        pageThrough(paging, (args) => services.swarm.page(principal, kind, { clusterId: cluster_id, stack }, args)),
      present: async (answer) => ({ [kind]: answer.page.nodes.map((row) => present(row as never)), meta: await pageMeta(answer) }),
    });
    if (!show) continue;
    defineRoute(deps, {
      method: 'get',
      path: `/devops/swarm/${kind}/:id`,
      summary: `Show one swarm ${one}`,
      tag,
      permissions: [READ],
      params: SwarmObjectParams,
      status: 200,
      response: z.object({ [one]: view }).openapi(`Swarm${one[0]!.toUpperCase()}${one.slice(1)}Response`),
      errors: { 404: `NOT_FOUND: no ${one} of your account has this id` },
      handle: ({ principal, services, params }) => show(services, principal, params.id),
      present: (row) => ({ [one]: present(row as never) }),
    });
  }

  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/volumes',
    summary: "Volumes on your swarms' nodes (or one cluster's), as synced from the nodes registered as Docker hosts: Docker keeps volumes per node, not cluster-wide",
    tag,
    permissions: [READ],
    // Volume rows are Docker host inventory: read with docker.hosts.read, as the GraphQL `volumes` query.
    alsoRequires: [Permission.DockerHostsRead],
    query: SwarmScopedQuery,
    status: 200,
    response: VolumeListAnswer,
    fieldOf: filterField,
    handle: async ({ principal, services, query: { cluster_id, ...paging } }) => {
      const hostIds = await services.swarm.nodeHostIds(principal, { clusterId: cluster_id });
      return pageThrough(paging, (args) => services.inventory.page(principal, 'volumes', { hostIds }, args));
    },
    present: async (answer) => ({ volumes: answer.page.nodes.map((v) => volumeView(v as Volume)), meta: await pageMeta(answer) }),
  });

  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/events',
    summary: "Your swarms' events (node, service, secret, config, network), newest first",
    tag,
    permissions: [READ],
    query: SwarmEventListQuery,
    status: 200,
    response: SwarmEventListAnswer,
    fieldOf: filterField,
    handle: ({ principal, services, query: { cluster_id, type, action, since, until, ...paging } }) =>
      pageThrough(paging, (args) => services.swarm.events(principal, { clusterId: cluster_id, type, action, since: toDate(since), until: toDate(until) }, args)),
    present: async (answer) => ({ events: answer.page.nodes.map(swarmEventView), meta: await pageMeta(answer) }),
  });

  defineRoute(deps, {
    method: 'post',
    path: '/devops/swarm/services/:id/rollback',
    summary: "Docker's rollback of a service to its previous spec (`docker service rollback`); a second one goes forward again",
    tag,
    permissions: [MANAGE],
    params: SwarmObjectParams,
    status: 200,
    response: ServiceAnswer,
    errors: { 404: 'NOT_FOUND: no service of your account has this id', 409: 'CONFLICT: the service has no previous spec to return to', 503: 'HOST_UNAVAILABLE: the cluster is not connected, or its managers did not answer' },
    audit: { action: 'rollbackSwarmService', targetType: 'SwarmService', args: ({ params }) => ({ id: params.id }) },
    handle: ({ principal, services, params }) => services.swarmServices.rollback(principal, params.id),
    present: ({ service, warnings }) => ({ service: serviceView(service), warnings }),
  });
}
