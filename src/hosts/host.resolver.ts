import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Extensions, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import { Diagnosis } from '../health/diagnosis.view';
import { toConnection } from '../graphql/connection';
import { selectedFields } from '../graphql/selection';
import type { GraphQLContext } from '../graphql/context';
import { hostScopedStream } from '../graphql/subscriptions';
import { DockerHost, type HostRow } from './host.entity';
import { DockerHostConnection, DockerHostFilter, RegisterDockerHostInput, UpdateDockerHostInput } from './host.inputs';
import { HostTopic, type HostSnapshot } from './host.topics';

const { DockerHostsRead: READ, DockerHostsManage: MANAGE } = Permission;

/**
 * Host fields answered from their own column (no field resolver, no getter), and the inventory connections, which
 * read only the host's id. A page selecting nothing else reads only those columns: a dashboard's 50 hosts by name and
 * status need not read and parse every column of every row. Any other field reads the whole row (a field resolver may
 * need more than its own column).
 */
const PAGE_COLUMNS: Record<string, string> = {
  ...Object.fromEntries(
    (['id', 'name', 'environment', 'status', 'tlsVerify', 'syncIntervalSeconds', 'consecutiveFailures', 'lastCheckedAt', 'lastSyncedAt', 'syncOwner', 'dockerVersion', 'apiVersion', 'os', 'osType', 'architecture', 'cpuCount', 'memoryBytes', 'storageBytes', 'containerCount', 'imageCount', 'swarmNodeId', 'createdAt', 'updatedAt'] satisfies ReadonlyArray<keyof DockerHost>).map((f) => [f, f]),
  ),
  containers: 'id',
  images: 'id',
  networks: 'id',
  volumes: 'id',
};

/** Where a connection's nodes are (one array for every call: selectedFields caches by it). */
const NODE_PATHS = [['nodes'], ['edges', 'node']];

/** The stored properties a dockerHosts page's selection reads, or null for whole rows. */
function pageProperties(info: GraphQLResolveInfo): string[] | null {
  const properties = new Set<string>();
  for (const field of selectedFields(info, NODE_PATHS)) {
    if (field.startsWith('__')) continue;
    const property = Object.hasOwn(PAGE_COLUMNS, field) ? PAGE_COLUMNS[field] : undefined;
    if (!property) return null;
    properties.add(property);
  }
  return [...properties];
}

@Resolver(() => DockerHost)
export class HostResolver {
  @Authorized(READ)
  @Query(() => DockerHost, { nullable: true, description: 'NOT_FOUND when no host of your account has this id' })
  dockerHost(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.hosts.get(principal, id);
  }

  @Authorized(READ)
  @Query(() => DockerHostConnection)
  async dockerHosts(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => DockerHostFilter, { nullable: true }) filter?: DockerHostFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const properties = pageProperties(info);
    const page = await ctx.services.hosts.list(principal, filter ?? {}, { first, after, properties });
    // Nested Container.host reads these, when they are whole rows.
    if (!properties) for (const host of page.nodes) ctx.loaders.hostById.prime(host.id, host);
    return toConnection(page);
  }

  @Authorized(MANAGE)
  @Mutation(() => DockerHost, { description: 'Stores the host as PENDING, then checks it: CONNECTED, or PENDING with lastError' })
  registerDockerHost(@Arg('input') input: RegisterDockerHostInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.hosts.register(principal, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => DockerHost)
  updateDockerHost(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateDockerHostInput,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.hosts.update(principal, id, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => DockerHost, { description: 'Checks the host now and resumes monitoring it' })
  connectDockerHost(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.hosts.connect(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => DockerHost, { description: 'Stops monitoring and syncing the host until connectDockerHost' })
  disconnectDockerHost(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.hosts.disconnect(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => DockerHost)
  setDockerHostMaintenance(
    @Arg('id', () => ID) id: string,
    @Arg('enabled') enabled: boolean,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.hosts.setMaintenance(principal, id, enabled);
  }

  @Authorized(MANAGE)
  @Mutation(() => DockerHost, { description: 'Full sync now (system info and all inventory); counts as a health check. CONFLICT in ERROR or offline' })
  syncDockerHost(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.hosts.sync(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => DockerHost, { description: 'Manual recovery: clears the failure count and checks the host again' })
  recoverDockerHost(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.hosts.recover(principal, id);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'DockerHost' })
  @Mutation(() => ID, { description: 'Returns the id of the deleted host' })
  deleteDockerHost(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.hosts.delete(principal, id);
  }

  @FieldResolver(() => String, { description: 'unix:///path, tcp://host:port or https://host:port' })
  apiEndpoint(@Root() host: HostRow): string {
    return host.apiEndpoint;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the last check failed (coarse in production without docker.hosts.privileged)' })
  lastError(@Root() host: HostRow, @Ctx() ctx: GraphQLContext): string | null {
    return ctx.services.hosts.lastErrorFor(ctx.principal, host).lastError;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Error code of lastError (HOST_UNREACHABLE, TLS_ERROR, ...)' })
  lastErrorCode(@Root() host: HostRow, @Ctx() ctx: GraphQLContext): string | null {
    return ctx.services.hosts.lastErrorFor(ctx.principal, host).lastErrorCode;
  }

  @FieldResolver(() => Diagnosis, { nullable: true, description: 'The runbook\'s troubleshooting row for this host ("host stuck in pending", "repeated error status", a stored certificate expiring): the endpoint probed now step by step (name, TCP, TLS, Docker API) when its checks fail; null when it is fine' })
  diagnosis(@Root() host: DockerHost, @Ctx() ctx: GraphQLContext) {
    return ctx.services.health.diagnose(ctx.principal, host);
  }

  @Authorized(READ)
  @Subscription(() => DockerHost, {
    description: "Every status or field change of your account's hosts, or of one host",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return hostScopedStream(ctx, args.hostId as string | null, (account) => ctx.services.pubsub.subscribe(HostTopic.Changed, account), (host: HostSnapshot) => host.id);
    },
  })
  dockerHostChanged(@Root() host: DockerHost, @Arg('hostId', () => ID, { nullable: true }) _hostId?: string | null): DockerHost {
    return host;
  }

  @Authorized(READ)
  @Subscription(() => ID, {
    description: 'Ids of hosts deleted from your account',
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.pubsub.subscribe(HostTopic.Deleted, ctx.principal!.accountId);
    },
  })
  dockerHostDeleted(@Root() payload: { id: string }): string {
    return payload.id;
  }
}
