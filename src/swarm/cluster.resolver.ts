import { Diagnosis } from '../health/diagnosis.view';
import { Arg, Authorized, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { filter, pipe } from '@graphql-yoga/subscription';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { SwarmCluster } from './cluster.entity';
import { ClusterHealth } from './cluster-health';
import { RegisterSwarmClusterInput, SwarmClusterConnection, SwarmClusterFilter, UpdateSwarmClusterInput } from './cluster.inputs';
import { SwarmTopic } from './swarm.topics';

const { SwarmClustersRead: READ, SwarmClustersManage: MANAGE } = Permission;

/** A subscription over the caller's account stream, optionally narrowed to one cluster (a foreign id is NOT_FOUND first). */
export async function clusterScopedStream<T>(ctx: GraphQLContext, clusterId: string | null | undefined, open: (accountId: string) => AsyncIterable<T>, clusterOf: (payload: T) => string): Promise<AsyncIterable<T>> {
  const principal = ctx.principal!;
  if (clusterId) await ctx.services.clusters.get(principal, clusterId);
  return pipe(open(principal.accountId), filter((payload: T) => !clusterId || clusterOf(payload) === clusterId));
}

@Resolver(() => SwarmCluster)
export class ClusterResolver {
  @Authorized(READ)
  @Query(() => SwarmCluster, { description: 'NOT_FOUND when no cluster of your account has this id' })
  swarmCluster(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusters.get(principal, id);
  }

  @Authorized(READ)
  @Query(() => SwarmClusterConnection)
  async swarmClusters(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SwarmClusterFilter, { nullable: true }) filter?: SwarmClusterFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return toConnection(await ctx.services.clusters.list(principal, filter ?? {}, { first, after }));
  }

  @Authorized(READ)
  @Query(() => ClusterHealth, { description: "The seed's cluster health verification: quorum, leader, nodes down or drained, services not converged" })
  swarmClusterHealth(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusterHealth.health(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmCluster, { description: 'Verifies the endpoint is a swarm manager (BAD_USER_INPUT if it is not), stores the cluster and syncs it' })
  registerSwarmCluster(@Arg('input') input: RegisterSwarmClusterInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusters.register(principal, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmCluster)
  updateSwarmCluster(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateSwarmClusterInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusters.update(principal, id, input);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'SwarmCluster' })
  @Mutation(() => ID, { description: 'Forgets the cluster (nothing changes on the swarm); returns its id' })
  deleteSwarmCluster(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusters.delete(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmCluster, { description: 'Full sync now (counts as a health check). CONFLICT in ERROR' })
  syncSwarmCluster(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusters.sync(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmCluster, { description: 'Manual recovery: clears the failure count and checks the cluster again' })
  recoverSwarmCluster(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusters.recover(principal, id);
  }

  @FieldResolver(() => String, { description: 'The manager endpoint it was registered by' })
  managerEndpoint(@Root() cluster: SwarmCluster): string {
    return cluster.apiEndpoint;
  }

  @FieldResolver(() => Boolean, { description: 'True when TLS client material is stored (it is never returned)' })
  hasTlsCredentials(@Root() cluster: SwarmCluster): boolean {
    return cluster.encryptedTlsCredentials != null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the last check failed (QUORUM_LOST, NOT_SWARM_MANAGER, HOST_UNREACHABLE, ...)' })
  lastError(@Root() cluster: SwarmCluster, @Ctx() ctx: GraphQLContext): string | null {
    return ctx.services.clusters.lastErrorFor(ctx.principal, cluster).lastError;
  }

  @FieldResolver(() => String, { nullable: true })
  lastErrorCode(@Root() cluster: SwarmCluster, @Ctx() ctx: GraphQLContext): string | null {
    return ctx.services.clusters.lastErrorFor(ctx.principal, cluster).lastErrorCode;
  }

  @FieldResolver(() => Diagnosis, { nullable: true, description: 'The runbook\'s troubleshooting row for this cluster ("lost Swarm quorum": which managers are down, how many quorum needs, the recovery steps in order; managers down while quorum holds), each manager\'s Engine asked now; null when every manager is reachable' })
  diagnosis(@Root() cluster: SwarmCluster, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusterHealth.diagnose(ctx.principal!, cluster);
  }

  @FieldResolver(() => ClusterHealth)
  health(@Root() cluster: SwarmCluster, @Ctx() ctx: GraphQLContext) {
    return ctx.services.clusterHealth.health(ctx.principal!, cluster.id);
  }

  @Authorized(READ)
  @Subscription(() => SwarmCluster, {
    description: "Every status or field change of your account's clusters (quorum included), or of one",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return clusterScopedStream(ctx, args.clusterId as string | null, (account) => ctx.services.pubsub.subscribe(SwarmTopic.ClusterChanged, account), (c: SwarmCluster) => c.id);
    },
  })
  swarmClusterChanged(@Root() cluster: SwarmCluster, @Arg('clusterId', () => ID, { nullable: true }) _clusterId?: string | null): SwarmCluster {
    return cluster;
  }

  @Authorized(READ)
  @Subscription(() => ID, {
    description: 'Ids of clusters deleted from your account',
    subscribe: ({ context }) => (context as GraphQLContext).services.pubsub.subscribe(SwarmTopic.ClusterDeleted, (context as GraphQLContext).principal!.accountId),
  })
  swarmClusterDeleted(@Root() payload: { id: string }): string {
    return payload.id;
  }

  @Authorized(READ)
  @Subscription(() => ClusterHealth, {
    description: "A cluster's health whenever it changes: quorum lost or back, a node down or drained, a service converging",
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.clusterHealth.changes(ctx.principal!, args.clusterId as string);
    },
  })
  swarmClusterHealthChanged(@Root() health: ClusterHealth, @Arg('clusterId', () => ID) _clusterId: string): ClusterHealth {
    return health;
  }
}
