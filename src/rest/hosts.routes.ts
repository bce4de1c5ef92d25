import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { Services } from '../graphql/context';
import type { DockerHost } from '../hosts/host.entity';
import { DeletedAnswer, HostAnswer, HostCreateBody, HostIdParams, HostListAnswer, HostListQuery, HostUpdateBody, hostView, registerInput, updateInput } from './host.schemas';
import { snakeCase } from './rest.errors';
import { pageMeta, pageThrough } from './rest.pagination';
import { defineRoute, type RouteDeps } from './rest.route';

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;
const tag = 'Docker hosts';
/** The bodies hold the host under `host`: a rule the manager names by its input field is named by its body path. */
const inBody = (field: string) => `host.${snakeCase(field)}`;

const present = (services: Services, principal: Principal) => (host: DockerHost) => hostView(host, services.hosts.lastErrorFor(principal, host));

/** The runbook's docker host paths: the same HostManager calls, permissions and audit as the GraphQL resolver. */
export function hostRoutes(deps: RouteDeps): void {
  defineRoute(deps, {
    method: 'get',
    path: '/devops/docker/hosts',
    summary: "List your account's Docker hosts, by name",
    tag,
    permissions: [READ],
    query: HostListQuery,
    status: 200,
    response: HostListAnswer,
    handle: ({ principal, services, query: { status, environment, search, ...paging } }) =>
      pageThrough(paging, (args) => services.hosts.list(principal, { status, environment, search }, args)),
    present: async (answer, { services, principal }) => ({ hosts: answer.page.nodes.map(present(services, principal)), meta: await pageMeta(answer) }),
  });

  defineRoute(deps, {
    method: 'post',
    path: '/devops/docker/hosts',
    summary: 'Register a Docker host: stored as pending, then checked (connected, or pending with last_error)',
    tag,
    permissions: [MANAGE],
    body: HostCreateBody,
    status: 201,
    response: HostAnswer,
    errors: { 409: 'CONFLICT: another host of the account has this name', 422: 'BAD_USER_INPUT: a rule on host settings refuses it (the field is named)' },
    fieldOf: inBody,
    audit: { action: 'registerDockerHost', targetType: 'DockerHost', args: ({ body }) => ({ input: registerInput(body) }), targetId: (host: DockerHost) => host.id },
    handle: ({ principal, services, body }) => services.hosts.register(principal, registerInput(body)),
    present: (host, { services, principal }) => ({ host: present(services, principal)(host) }),
  });

  defineRoute(deps, {
    method: 'get',
    path: '/devops/docker/hosts/:id',
    summary: 'Show one Docker host',
    tag,
    permissions: [READ],
    params: HostIdParams,
    status: 200,
    response: HostAnswer,
    errors: { 404: 'NOT_FOUND: no host of your account has this id' },
    handle: ({ principal, services, params }) => services.hosts.get(principal, params.id),
    present: (host, { services, principal }) => ({ host: present(services, principal)(host) }),
  });

  defineRoute(deps, {
    method: 'put',
    path: '/devops/docker/hosts/:id',
    summary: 'Change a Docker host (fields left out are unchanged); a new endpoint or TLS material is checked again',
    tag,
    permissions: [MANAGE],
    params: HostIdParams,
    body: HostUpdateBody,
    status: 200,
    response: HostAnswer,
    errors: { 404: 'NOT_FOUND: no host of your account has this id', 409: 'CONFLICT: another host of the account has this name', 422: 'BAD_USER_INPUT: a rule on host settings refuses it (the field is named)' },
    fieldOf: inBody,
    audit: { action: 'updateDockerHost', targetType: 'DockerHost', args: ({ params, body }) => ({ id: params.id, input: updateInput(body) }) },
    handle: ({ principal, services, params, body }) => services.hosts.update(principal, params.id, updateInput(body)),
    present: (host, { services, principal }) => ({ host: present(services, principal)(host) }),
  });

  defineRoute(deps, {
    method: 'delete',
    path: '/devops/docker/hosts/:id',
    summary: 'Delete a Docker host and its synced inventory',
    tag,
    permissions: [MANAGE],
    params: HostIdParams,
    status: 200,
    response: DeletedAnswer,
    errors: { 404: 'NOT_FOUND: no host of your account has this id' },
    audit: { action: 'deleteDockerHost', targetType: 'DockerHost', args: ({ params }) => ({ id: params.id }) },
    handle: ({ principal, services, params }) => services.hosts.delete(principal, params.id),
    present: (id) => ({ id }),
  });
}
