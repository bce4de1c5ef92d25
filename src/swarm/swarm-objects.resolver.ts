import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription, type ClassType } from 'type-graphql';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { pageOf } from '../db/pagination';
import { CurrentPrincipal } from '../graphql/auth';
import { toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { DockerHost, type HostRow } from '../hosts/host.entity';
import type { ClusterObject } from './cluster-object.entity';
import { SwarmCluster } from './cluster.entity';
import { SwarmConfigConnection, SwarmEventConnection, SwarmEventFilterInput, SwarmFilterInput, SwarmNetworkConnection, SwarmNodeConnection, SwarmSecretConnection, SwarmServiceConnection, SwarmTaskConnection } from './cluster.inputs';
import { clusterScopedStream } from './cluster.resolver';
import { SwarmNode } from './node.entity';
import { SwarmConfig, SwarmSecret } from './secret.entity';
import { SwarmService } from './service.entity';
import { SwarmEvent } from './swarm-event.entity';
import { SwarmNetwork } from './swarm-network.entity';
import type { SwarmKind } from './swarm.queries';
import { SwarmTopic, type SwarmObjectChange } from './swarm.topics';
import { SwarmTask } from './task.entity';

const READ = Permission.SwarmClustersRead;

enum SwarmChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  REMOVED = 'REMOVED',
}
registerEnumType(SwarmChangeKind, { name: 'SwarmChange' });

function changeType<T extends object>(Type: ClassType<T>, name: string) {
  @ObjectType(name)
  class Change {
    @Field(() => ID) clusterId!: string;
    @Field(() => SwarmChangeKind) change!: SwarmChangeKind;
    @Field(() => Type, { description: 'As stored after the change (as it was, for REMOVED)' }) object!: T;
  }
  return Change;
}
export const SwarmNodeChange = changeType(SwarmNode, 'SwarmNodeChange');
export const SwarmServiceChange = changeType(SwarmService, 'SwarmServiceChange');
export const SwarmTaskChange = changeType(SwarmTask, 'SwarmTaskChange');

/** Fleet-wide listings of one swarm kind, and the cluster each object belongs to. */
function swarmKindResolver<T extends ClusterObject>(kind: SwarmKind, query: string, Type: ClassType<T>, ConnectionType: ClassType, description: string) {
  @Resolver(() => Type)
  class SwarmKindResolver {
    @Authorized(READ)
    @Query(() => ConnectionType, { name: query, description })
    async list(
      @CurrentPrincipal() principal: Principal,
      @Ctx() ctx: GraphQLContext,
      @Arg('filter', () => SwarmFilterInput, { nullable: true }) filter?: SwarmFilterInput | null,
      @Arg('first', () => Int, { nullable: true }) first?: number | null,
      @Arg('after', () => String, { nullable: true }) after?: string | null,
    ) {
      return toConnection(await ctx.services.swarm.page(principal, kind, filter ?? {}, { first, after }));
    }

    @FieldResolver(() => SwarmCluster)
    cluster(@Root() object: T, @Ctx() ctx: GraphQLContext) {
      return ctx.loaders.clusterById.load(object.clusterId);
    }
  }
  Object.defineProperty(SwarmKindResolver, 'name', { value: `${Type.name}Resolver` });
  return SwarmKindResolver;
}

export const SwarmNodeListResolver = swarmKindResolver('nodes', 'swarmNodes', SwarmNode, SwarmNodeConnection, 'Nodes of your swarms');
export const SwarmServiceListResolver = swarmKindResolver('services', 'swarmServices', SwarmService, SwarmServiceConnection, 'Services of your swarms');
export const SwarmTaskListResolver = swarmKindResolver('tasks', 'swarmTasks', SwarmTask, SwarmTaskConnection, 'Tasks of your swarms (filter by serviceId, nodeId, state)');
export const SwarmSecretListResolver = swarmKindResolver('secrets', 'swarmSecrets', SwarmSecret, SwarmSecretConnection, 'Secrets of your swarms (never their data)');
export const SwarmConfigListResolver = swarmKindResolver('configs', 'swarmConfigs', SwarmConfig, SwarmConfigConnection, 'Configs of your swarms (never their data)');
export const SwarmNetworkListResolver = swarmKindResolver('networks', 'swarmNetworks', SwarmNetwork, SwarmNetworkConnection, 'Swarm-scope networks of your swarms');

/** A cluster's objects as nested connections, each through a loader (one batched query for any number of clusters). */
@Resolver(() => SwarmCluster)
export class ClusterObjectsResolver {
  private slice(ctx: GraphQLContext, kind: SwarmKind, cluster: SwarmCluster, first?: number | null, filter: SwarmFilterInput = {}) {
    return ctx.loaders.clusterSlices.load({ kind, clusterId: cluster.id, filter: { ...filter, clusterId: null }, first }).then((slice) => toConnection(pageOf(slice.nodes, slice.totalCount, 'id')));
  }

  @FieldResolver(() => SwarmNodeConnection)
  nodes(@Root() c: SwarmCluster, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return this.slice(ctx, 'nodes', c, first);
  }

  @FieldResolver(() => SwarmServiceConnection)
  services(@Root() c: SwarmCluster, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null, @Arg('stack', () => String, { nullable: true }) stack?: string | null) {
    return this.slice(ctx, 'services', c, first, { stack });
  }

  @FieldResolver(() => SwarmTaskConnection)
  tasks(@Root() c: SwarmCluster, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return this.slice(ctx, 'tasks', c, first);
  }

  @FieldResolver(() => SwarmSecretConnection)
  secrets(@Root() c: SwarmCluster, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return this.slice(ctx, 'secrets', c, first);
  }

  @FieldResolver(() => SwarmConfigConnection)
  configs(@Root() c: SwarmCluster, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return this.slice(ctx, 'configs', c, first);
  }

  @FieldResolver(() => SwarmNetworkConnection)
  networks(@Root() c: SwarmCluster, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return this.slice(ctx, 'networks', c, first);
  }

  @FieldResolver(() => SwarmEventConnection, { description: 'Events its managers reported (node, service, secret, config, network), newest first' })
  async events(@Root() c: SwarmCluster, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null, @Arg('after', () => String, { nullable: true }) after?: string | null) {
    return toConnection(await ctx.services.swarm.events(ctx.principal!, { clusterId: c.id }, { first, after }));
  }
}

@Resolver(() => SwarmService)
export class SwarmServiceFieldsResolver {
  @Authorized(READ)
  @Query(() => SwarmService, { description: 'NOT_FOUND when no service of your account has this id' })
  swarmService(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.swarm.one(principal, 'services', id);
  }

  @FieldResolver(() => SwarmTaskConnection, { description: 'Its tasks, current and past (upToDate tells which run its current spec)' })
  async tasks(@Root() s: SwarmService, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    const slice = await ctx.loaders.serviceTasks.load({ clusterId: s.clusterId, serviceId: s.dockerId, first });
    return toConnection(pageOf(slice.nodes, slice.totalCount, 'id'));
  }
}

@ObjectType('SwarmNodeReservations', { description: "What the node's tasks that are meant to run have reserved (their services' resource reservations)" })
export class NodeReservations {
  @Field(() => Float) cpus!: number;
  @Field(() => GraphQLSafeInt) memoryBytes!: number;
  @Field(() => Int, { description: 'Tasks counted' }) tasks!: number;
}

@Resolver(() => SwarmNode)
export class SwarmNodeFieldsResolver {
  @FieldResolver(() => NodeReservations)
  async reserved(@Root() node: SwarmNode, @Ctx() ctx: GraphQLContext): Promise<NodeReservations> {
    const { nanoCpus, memoryBytes, tasks } = await ctx.loaders.nodeReservations.load(node.dockerId);
    return { cpus: nanoCpus / 1e9, memoryBytes, tasks };
  }

  @Authorized(READ)
  @Query(() => SwarmNode, { description: 'NOT_FOUND when no node of your account has this id' })
  swarmNode(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.swarm.one(principal, 'nodes', id);
  }

  @FieldResolver(() => DockerHost, { nullable: true, description: 'The registered host whose engine is this node (hybrid fleets)' })
  host(@Root() node: SwarmNode, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.hostBySwarmNode.load(node.dockerId);
  }
}

@Resolver(() => SwarmTask)
export class SwarmTaskFieldsResolver {
  @FieldResolver(() => SwarmNode, { nullable: true })
  node(@Root() task: SwarmTask, @Ctx() ctx: GraphQLContext) {
    return task.nodeId ? ctx.loaders.swarmNodeByDockerId.load(task.nodeId) : null;
  }
}

@Resolver(() => DockerHost)
export class HostSwarmNodeResolver {
  @FieldResolver(() => SwarmNode, { nullable: true, description: 'The swarm node this engine is, when a registered cluster holds it (hybrid fleets)' })
  swarmNode(@Root() host: HostRow, @Ctx() ctx: GraphQLContext) {
    return host.swarmNodeId ? ctx.loaders.swarmNodeByDockerId.load(host.swarmNodeId) : null;
  }
}

/** Live changes of swarm objects: a dashboard sees replicas converge and nodes change as the managers report them. */
@Resolver()
export class SwarmSubscriptionsResolver {
  @Authorized(READ)
  @Query(() => SwarmEventConnection, { description: "Your swarms' events (the seed's SwarmEvent), newest first" })
  async swarmEvents(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SwarmEventFilterInput, { nullable: true }) filter?: SwarmEventFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return toConnection(await ctx.services.swarm.events(principal, filter ?? {}, { first, after }));
  }

  @Authorized(READ)
  @Subscription(() => SwarmNodeChange, {
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return clusterScopedStream(ctx, args.clusterId as string | null, (a) => ctx.services.pubsub.subscribe(SwarmTopic.NodeChanged, a), (p: SwarmObjectChange<SwarmNode>) => p.clusterId);
    },
  })
  swarmNodeChanged(@Root() change: SwarmObjectChange<SwarmNode>, @Arg('clusterId', () => ID, { nullable: true }) _c?: string | null) {
    return change;
  }

  @Authorized(READ)
  @Subscription(() => SwarmServiceChange, {
    description: 'Running and desired tasks, update state, spec: every change of a service as the managers report it',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return clusterScopedStream(ctx, args.clusterId as string | null, (a) => ctx.services.pubsub.subscribe(SwarmTopic.ServiceChanged, a), (p: SwarmObjectChange<SwarmService>) => p.clusterId);
    },
  })
  swarmServiceChanged(@Root() change: SwarmObjectChange<SwarmService>, @Arg('clusterId', () => ID, { nullable: true }) _c?: string | null) {
    return change;
  }

  @Authorized(READ)
  @Subscription(() => SwarmTaskChange, {
    description: 'Task state changes (polled: Docker emits no task events; briskly while a service converges)',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return clusterScopedStream(ctx, args.clusterId as string | null, (a) => ctx.services.pubsub.subscribe(SwarmTopic.TaskChanged, a), (p: SwarmObjectChange<SwarmTask>) => p.clusterId);
    },
  })
  swarmTaskChanged(@Root() change: SwarmObjectChange<SwarmTask>, @Arg('clusterId', () => ID, { nullable: true }) _c?: string | null) {
    return change;
  }

  @Authorized(READ)
  @Subscription(() => SwarmEvent, {
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      return clusterScopedStream(ctx, args.clusterId as string | null, (a) => ctx.services.pubsub.subscribe(SwarmTopic.EventReceived, a), (e: SwarmEvent) => e.clusterId);
    },
  })
  swarmEventReceived(@Root() event: SwarmEvent, @Arg('clusterId', () => ID, { nullable: true }) _c?: string | null) {
    return event;
  }
}
