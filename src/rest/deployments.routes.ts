import { Permission } from '../auth/permissions';
import { filterField } from './rest.errors';
import { defineRoute, type RouteDeps } from './rest.route';
import { pageMeta, pageThrough } from './rest.pagination';
import {
  DeploymentAnswer,
  deploymentFilter,
  DeploymentIdParams,
  DeploymentListAnswer,
  DeploymentListQuery,
  deploymentView,
  RedeployAnswer,
  redeployView,
  StackAnswer,
  StackListAnswer,
  StackParams,
  StackQuery,
  stackView,
} from './deployment.schemas';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;
const tag = 'Swarm stacks and deployments';

/** Stacks (StackManager) and their revisions (DeploymentManager), as the GraphQL queries and redeployDeployment. */
export function deploymentRoutes(deps: RouteDeps): void {
  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/stacks',
    summary: 'The stacks of a cluster, as `docker stack ls` lists them, each with its convergence',
    tag,
    permissions: [READ],
    query: StackQuery,
    status: 200,
    response: StackListAnswer,
    errors: { 404: 'NOT_FOUND: no cluster of your account has this id' },
    fieldOf: filterField,
    handle: ({ principal, services, query }) => services.stacks.list(principal, query.cluster_id),
    present: (stacks) => ({ stacks: stacks.map(stackView) }),
  });

  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/stacks/:name',
    summary: 'One stack of a cluster: its services, their tasks\' problems, and what to do first',
    tag,
    permissions: [READ],
    params: StackParams,
    query: StackQuery,
    status: 200,
    response: StackAnswer,
    errors: { 404: 'NOT_FOUND: no cluster of your account has this id, or it has no object of this stack' },
    fieldOf: filterField,
    handle: ({ principal, services, params, query }) => services.stacks.get(principal, query.cluster_id, params.name),
    present: (stack) => ({ stack: stackView(stack) }),
  });

  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/deployments',
    summary: "Every revision of your account's stacks (the runbook's SwarmDeployment history), newest first",
    tag,
    permissions: [READ],
    query: DeploymentListQuery,
    status: 200,
    response: DeploymentListAnswer,
    fieldOf: filterField,
    handle: ({ principal, services, query }) => pageThrough(query, (args) => services.deployments.list(principal, deploymentFilter(query), args)),
    present: async (answer) => ({ deployments: answer.page.nodes.map(deploymentView), meta: await pageMeta(answer) }),
  });

  defineRoute(deps, {
    method: 'get',
    path: '/devops/swarm/deployments/:id',
    summary: 'One revision and how its rollout went',
    tag,
    permissions: [READ],
    params: DeploymentIdParams,
    status: 200,
    response: DeploymentAnswer,
    errors: { 404: 'NOT_FOUND: no deployment of your account has this id' },
    handle: ({ principal, services, params }) => services.deployments.get(principal, params.id),
    present: (deployment) => ({ deployment: deploymentView(deployment) }),
  });

  defineRoute(deps, {
    method: 'post',
    path: '/devops/swarm/deployments/:id/redeploy',
    summary: "That revision again, exactly (its specs and pinned digests), as a new revision: the runbook's re-deploy of a previous Compose file",
    tag,
    permissions: [MANAGE],
    params: DeploymentIdParams,
    status: 201,
    response: RedeployAnswer,
    errors: { 404: 'NOT_FOUND: no deployment of your account has this id', 409: 'CONFLICT: it is not a stack revision', 503: 'HOST_UNAVAILABLE: the cluster is not connected, or its managers did not answer' },
    audit: { action: 'redeployDeployment', targetType: 'Deployment', args: ({ params }) => ({ id: params.id }), targetId: (result) => result.deployment.id },
    handle: ({ principal, services, params }) => services.deployments.redeploy(principal, params.id, {}),
    present: redeployView,
  });
}
