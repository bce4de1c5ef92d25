import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Extensions, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/auth';
import type { GraphQLContext } from '../graphql/context';
import { DockerHost } from '../hosts/host.entity';
import { SwarmCluster } from './cluster.entity';
import { SwarmNode } from './node.entity';

const MANAGE = Permission.SwarmClustersManage;

export enum SwarmNodeAvailability {
  ACTIVE = 'active',
  PAUSE = 'pause',
  DRAIN = 'drain',
}
registerEnumType(SwarmNodeAvailability, { name: 'SwarmNodeAvailability', description: 'drain moves its tasks to other nodes; pause schedules no new ones' });

export enum SwarmNodeRole {
  MANAGER = 'manager',
  WORKER = 'worker',
}
registerEnumType(SwarmNodeRole, { name: 'SwarmNodeRole' });

@InputType()
export class UpdateSwarmNodeInput {
  @Field(() => SwarmNodeAvailability, { nullable: true }) availability?: SwarmNodeAvailability | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Replaces the node labels (placement constraints read them)' }) labels?: Record<string, string> | null;
}

@InputType()
export class InitSwarmInput {
  @Field({ description: 'The address other nodes reach this host at (IP, optionally :port)' }) advertiseAddr!: string;
  @Field(() => String, { nullable: true, description: 'Default 0.0.0.0:2377' }) listenAddr?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the cluster registered for the new swarm (default: the host name)' }) clusterName?: string | null;
}

@InputType({ description: 'Fields left out are unchanged' })
export class UpdateSwarmInput {
  @Field(() => Boolean, { nullable: true }) rotateWorkerToken?: boolean | null;
  @Field(() => Boolean, { nullable: true }) rotateManagerToken?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Old tasks kept per slot' }) taskHistoryLimit?: number | null;
  @Field(() => Int, { nullable: true }) snapshotInterval?: number | null;
  @Field(() => Int, { nullable: true }) keepOldSnapshots?: number | null;
  @Field(() => Int, { nullable: true }) logEntriesForSlowFollowers?: number | null;
  @Field(() => Int, { nullable: true }) heartbeatTick?: number | null;
  @Field(() => Int, { nullable: true }) electionTick?: number | null;
  @Field(() => Int, { nullable: true }) dispatcherHeartbeatSeconds?: number | null;
}

@ObjectType('SwarmInspect', { description: "The swarm's own inspect (never its join tokens)" })
export class SwarmInspectView {
  @Field() id!: string;
  @Field(() => Int) versionIndex!: number;
  @Field(() => GraphQLJSONObject) spec!: Record<string, unknown>;
  @Field(() => Date, { nullable: true }) createdAt!: Date | null;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
  @Field(() => String, { nullable: true }) rootCaCert!: string | null;
}

/** The seed's NodeManager and SwarmManager mutations. */
@Resolver(() => SwarmNode)
export class NodeResolver {
  @Authorized(MANAGE)
  @Mutation(() => SwarmNode, { description: 'Availability (drain moves its tasks away, live) and labels' })
  updateSwarmNode(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateSwarmNodeInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.nodes.update(principal, id, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmNode)
  promoteSwarmNode(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.nodes.promote(principal, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmNode, { description: 'QUORUM_RISK when the managers left could not keep quorum' })
  demoteSwarmNode(@Arg('id', () => ID) id: string, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.nodes.demote(principal, id);
  }

  @Authorized(MANAGE)
  @Extensions({ auditTarget: 'SwarmNode' })
  @Mutation(() => ID, { description: 'Removes the node from the swarm (force: even if it is not down, and even if quorum suffers). QUORUM_RISK for a manager whose loss breaks quorum' })
  removeSwarmNode(@Arg('id', () => ID) id: string, @Arg('force', { defaultValue: false }) force: boolean, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.nodes.remove(principal, id, force);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmCluster, { description: 'Makes the host the first manager of a new swarm and registers that swarm as a cluster' })
  initSwarm(@Arg('hostId', () => ID) hostId: string, @Arg('input') input: InitSwarmInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.swarmOps.init(principal, hostId, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmCluster, { description: 'Joins the host to the cluster (the join token is fetched from a manager, never returned)' })
  joinSwarm(
    @Arg('hostId', () => ID) hostId: string,
    @Arg('clusterId', () => ID) clusterId: string,
    @Arg('role', () => SwarmNodeRole) role: SwarmNodeRole,
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: GraphQLContext,
    @Arg('advertiseAddr', () => String, { nullable: true }) advertiseAddr?: string | null,
  ) {
    return ctx.services.swarmOps.join(principal, hostId, clusterId, role, advertiseAddr);
  }

  @Authorized(MANAGE)
  @Mutation(() => DockerHost, { description: 'The host leaves its swarm (a manager needs force). QUORUM_RISK for a manager whose loss breaks quorum, force or not, except the last manager dismantling its swarm with force' })
  leaveSwarm(@Arg('hostId', () => ID) hostId: string, @Arg('force', { defaultValue: false }) force: boolean, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.swarmOps.leave(principal, hostId, force);
  }

  @Authorized(MANAGE)
  @Mutation(() => SwarmCluster, { description: 'Rotate join tokens; task history, raft and dispatcher settings' })
  updateSwarm(@Arg('clusterId', () => ID) clusterId: string, @Arg('input') input: UpdateSwarmInput, @CurrentPrincipal() principal: Principal, @Ctx() ctx: GraphQLContext) {
    return ctx.services.swarmOps.update(principal, clusterId, input);
  }
}

@Resolver(() => SwarmCluster)
export class ClusterInspectResolver {
  @FieldResolver(() => SwarmInspectView, { nullable: true, description: "The swarm's inspect, read live from a manager (null when none answers)" })
  swarm(@Root() cluster: SwarmCluster, @Ctx() ctx: GraphQLContext) {
    return ctx.services.swarmOps.inspect(ctx.principal!, cluster.id);
  }
}
