import { Permission } from '../auth/permissions';
import type { ContainerInstance } from '../instances/instance.entity';
import { InstanceAnswer, instanceFilter, InstanceIdParams, InstanceListAnswer, InstanceListQuery, instanceView, RunInstanceBody, runInput } from './instance.schemas';
import { filterField, snakeCase } from './rest.errors';
import { pageMeta, pageThrough } from './rest.pagination';
import { defineRoute, type RouteDeps } from './rest.route';

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;
const tag = 'Container instances';
const PATH = '/devops/container_instances';
/** The run's input fields, as the body holds them under `container_instance`. */
const inBody = (field: string) => `container_instance.${snakeCase(field)}`;
const present = (instance: ContainerInstance) => ({ container_instance: instanceView(instance) });
const notFound = 'NOT_FOUND: no container instance of your account has this id';

/** The runbook's container execution: the same InstanceManager calls (quota, workload policy, Vault) as GraphQL. */
export function instanceRoutes(deps: RouteDeps): void {
  defineRoute(deps, {
    method: 'get',
    path: PATH,
    summary: "Your account's container instances, newest first",
    tag,
    permissions: [READ],
    query: InstanceListQuery,
    status: 200,
    response: InstanceListAnswer,
    fieldOf: filterField,
    handle: ({ principal, services, query }) => pageThrough(query, (args) => services.instances.list(principal, instanceFilter(query), args)),
    present: async (answer) => ({ container_instances: answer.page.nodes.map(instanceView), meta: await pageMeta(answer) }),
  });

  defineRoute(deps, {
    method: 'post',
    path: PATH,
    summary: 'Run a container instance from a template or a direct spec: admitted against the quota, judged by the workload policy, then pending → provisioning → running → its end',
    tag,
    permissions: [MANAGE],
    body: RunInstanceBody,
    status: 201,
    response: InstanceAnswer,
    errors: { 404: 'NOT_FOUND: the template or host is not of your account', 409: 'QUOTA_EXCEEDED: the account quota has no room for it', 422: 'BAD_USER_INPUT: a rule refuses it (the field is named)', 503: 'HOST_UNAVAILABLE: the host is not connected' },
    fieldOf: inBody,
    audit: { action: 'runContainerInstance', targetType: 'ContainerInstance', args: ({ body }) => ({ input: runInput(body) }), targetId: (instance: ContainerInstance) => instance.id },
    handle: ({ principal, services, body }) => services.instances.run(principal, runInput(body)),
    present,
  });

  defineRoute(deps, {
    method: 'get',
    path: `${PATH}/:id`,
    summary: 'One container instance: status, container id, usage, violations, output',
    tag,
    permissions: [READ],
    params: InstanceIdParams,
    status: 200,
    response: InstanceAnswer,
    errors: { 404: notFound },
    handle: ({ principal, services, params }) => services.instances.get(principal, params.id),
    present,
  });

  for (const [verb, action, summary, conflict] of [
    ['cancel', 'cancelContainerInstance', 'Stop the run (SIGTERM, SIGKILL after its grace period): cancelled', 'CONFLICT: it already ended'],
    ['retry', 'retryContainerInstance', 'An ended run again, as a new instance (retry_of names the old one)', 'CONFLICT: it has not ended'],
  ] as const) {
    defineRoute(deps, {
      method: 'post',
      path: `${PATH}/:id/${verb}`,
      summary,
      tag,
      permissions: [MANAGE],
      params: InstanceIdParams,
      status: verb === 'retry' ? 201 : 200,
      response: InstanceAnswer,
      errors: { 404: notFound, 409: conflict },
      audit: { action, targetType: 'ContainerInstance', args: ({ params }) => ({ id: params.id }) },
      handle: ({ principal, services, params }) => (verb === 'retry' ? services.instances.retry(principal, params.id) : services.instances.cancel(principal, params.id)),
      present,
    });
  }
}
