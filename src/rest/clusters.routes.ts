import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { Services } from '../graphql/context';
import type { SwarmCluster } from '../swarm/cluster.entity';
import { ClusterAnswer, clusterBodyField, ClusterCreateBody, ClusterIdParams, ClusterListAnswer, ClusterListQuery, ClusterUpdateBody, clusterView, HealthAnswer, healthView, registerClusterInput, updateClusterInput } from './cluster.schemas';
import { DeletedAnswer } from './host.schemas';
import { pageMeta, pageThrough } from './rest.pagination';
import { defineRoute, type RouteDeps } from './rest.route';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;
const tag = 'Swarm clusters';
const present = (services: Services, principal: Principal) => (cluster: SwarmCluster) => clusterView(cluster, services.clusters.lastErrorFor(principal, cluster));

/** The runbook's swarm cluster paths: the same ClusterManager and ClusterHealthMonitor calls, permissions and audit as GraphQL. */
export function clusterRoutes(deps: RouteDeps): void {
  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/clusters',
    summary: "List your account's swarm clusters, by name",
    tag,
    permissions: [READ],
    query: ClusterListQuery,
    status: 200,
    response: ClusterListAnswer,
    handle: ({ principal, services, query: { status, environment, search, ...paging } }) =>
      pageThrough(paging, (args) => services.clusters.list(principal, { status, environment, search }, args)),
    present: async (answer, { services, principal }) => ({ clusters: answer.page.nodes.map(present(services, principal)), meta: await pageMeta(answer) }),
  });

  defineRoute(deps, {
    method: 'post',
    path: '/devops/swarm/clusters',
    summary: "Register a swarm by a manager's endpoint (refused when it is not a manager), then sync it",
    tag,
    permissions: [MANAGE],
    body: ClusterCreateBody,
    status: 201,
    response: ClusterAnswer,
    errors: { 409: 'CONFLICT: another cluster of the account has this name, or is this swarm', 422: 'BAD_USER_INPUT: a rule refuses it, or the endpoint is no swarm manager (the field is named)' },
    fieldOf: clusterBodyField,
    audit: { action: 'registerSwarmCluster', targetType: 'SwarmCluster', args: ({ body }) => ({ input: registerClusterInput(body) }), targetId: (cluster: SwarmCluster) => cluster.id },
    handle: ({ principal, services, body }) => services.clusters.register(principal, registerClusterInput(body)),
    present: (cluster, { services, principal }) => ({ cluster: present(services, principal)(cluster) }),
  });

  defineRoute(deps, {
    method: 'put',
    path: '/devops/swarm/clusters/:id',
    summary: 'Change a swarm cluster (fields left out are unchanged); a new endpoint must still be a manager of a swarm not registered twice',
    tag,
    permissions: [MANAGE],
    params: ClusterIdParams,
    body: ClusterUpdateBody,
    status: 200,
    response: ClusterAnswer,
    errors: { 404: 'NOT_FOUND: no cluster of your account has this id', 409: 'CONFLICT: another cluster of the account has this name, or is this swarm', 422: 'BAD_USER_INPUT: a rule refuses it (the field is named)' },
    fieldOf: clusterBodyField,
    audit: { action: 'updateSwarmCluster', targetType: 'SwarmCluster', args: ({ params, body }) => ({ id: params.id, input: updateClusterInput(body) }) },
    handle: ({ principal, services, params, body }) => services.clusters.update(principal, params.id, updateClusterInput(body)),
    present: (cluster, { services, principal }) => ({ cluster: present(services, principal)(cluster) }),
  });

  defineRoute(deps, {
    method: 'delete',
    path: '/devops/swarm/clusters/:id',
    summary: 'Forget a swarm cluster and its synced objects (nothing changes on the swarm)',
    tag,
    permissions: [MANAGE],
    params: ClusterIdParams,
    status: 200,
    response: DeletedAnswer,
    errors: { 404: 'NOT_FOUND: no cluster of your account has this id' },
    audit: { action: 'deleteSwarmCluster', targetType: 'SwarmCluster', args: ({ params }) => ({ id: params.id }) },
    handle: ({ principal, services, params }) => services.clusters.delete(principal, params.id),
    present: (id) => ({ id }),
  });

  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/clusters/:id',
    summary: 'Show one swarm cluster',
    tag,
    permissions: [READ],
    params: ClusterIdParams,
    status: 200,
    response: ClusterAnswer,
    errors: { 404: 'NOT_FOUND: no cluster of your account has this id' },
    handle: ({ principal, services, params }) => services.clusters.get(principal, params.id),
    present: (cluster, { services, principal }) => ({ cluster: present(services, principal)(cluster) }),
  });

  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/clusters/:id/health',
    summary: "The runbook's cluster verification: quorum, leader, nodes down or drained, services not converged",
    tag,
    permissions: [READ],
    params: ClusterIdParams,
    status: 200,
    response: HealthAnswer,
    errors: { 404: 'NOT_FOUND: no cluster of your account has this id' },
    handle: ({ principal, services, params }) => services.clusterHealth.health(principal, params.id),
    present: healthView,
  });
}
