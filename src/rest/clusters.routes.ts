import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { Services } from '../graphql/context';
import type { SwarmCluster } from '../swarm/cluster.entity';
import { ClusterAnswer, ClusterIdParams, ClusterListAnswer, ClusterListQuery, clusterView, HealthAnswer, healthView } from './cluster.schemas';
import { pageMeta, pageThrough } from './rest.pagination';
import { defineRoute, type RouteDeps } from './rest.route';

const READ = Permission.SwarmClustersRead;
const tag = 'Swarm clusters';
const present = (services: Services, principal: Principal) => (cluster: SwarmCluster) => clusterView(cluster, services.clusters.lastErrorFor(principal, cluster));

/** The runbook's swarm cluster reads: the same ClusterManager and ClusterHealthMonitor calls as the GraphQL queries. */
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
