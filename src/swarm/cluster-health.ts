import { Field, Int, ObjectType } from 'type-graphql';
import { HostStatus } from '../hosts/host.enums';
import type { SwarmCluster } from './cluster.entity';
import { SwarmNode } from './node.entity';
import { quorumNeeded } from './quorum';
import { SwarmService } from './service.entity';
import { SwarmTask } from './task.entity';

@ObjectType('SwarmServiceConvergence', { description: 'A service whose running tasks are not what it wants, with why' })
export class ServiceConvergence {
  @Field(() => SwarmService) service!: SwarmService;
  @Field(() => Int) running!: number;
  @Field(() => Int) desired!: number;
  @Field(() => [SwarmTask], { description: "Tasks of its current spec that failed or wait (their error says why: 'No such image', 'no suitable node')" })
  failingTasks!: SwarmTask[];
}

@ObjectType('SwarmClusterHealth', { description: 'The seed\'s cluster health verification (GET …/clusters/:id/health): quorum, nodes, convergence' })
export class ClusterHealth {
  @Field(() => HostStatus) status!: HostStatus;
  @Field(() => Int) managersTotal!: number;
  @Field(() => Int) managersReachable!: number;
  @Field(() => Int, { description: '⌊managers/2⌋+1' }) quorumNeeded!: number;
  @Field() hasQuorum!: boolean;
  @Field(() => SwarmNode, { nullable: true }) leader!: SwarmNode | null;
  @Field(() => [SwarmNode], { description: 'Nodes whose state is not ready' }) nodesDown!: SwarmNode[];
  @Field(() => [SwarmNode], { description: 'Nodes drained or paused' }) nodesDrained!: SwarmNode[];
  @Field(() => [ServiceConvergence]) servicesNotConverged!: ServiceConvergence[];
  @Field({ description: 'No quorum problem, no node down, every service converged, and the cluster CONNECTED' }) healthy!: boolean;
  @Field(() => Date, { nullable: true }) checkedAt!: Date | null;
}

const WAITING = new Set(['failed', 'rejected', 'pending', 'new', 'assigned', 'preparing', 'starting', 'orphaned']);

/**
 * The health answer from the stored rows. Quorum comes from the cluster's last check (a manager without a leader
 * lists nothing, so the stored nodes may be older than the quorum loss); convergence is judged on tasks of each
 * service's current spec only: an old failed task does not make a good deploy unhealthy.
 */
export function clusterHealth(cluster: SwarmCluster, rows: { nodes: SwarmNode[]; services: SwarmService[]; tasks: SwarmTask[] }): ClusterHealth {
  const managers = rows.nodes.filter((n) => n.role === 'manager');
  const managersTotal = cluster.managerCount ?? managers.length;
  const managersReachable = cluster.managersReachable ?? managers.filter((n) => n.managerReachability === 'reachable').length;
  const hasQuorum = cluster.hasQuorum ?? (managersTotal > 0 && managersReachable >= quorumNeeded(managersTotal));
  const nodesDown = rows.nodes.filter((n) => n.state !== 'ready');
  const nodesDrained = rows.nodes.filter((n) => n.availability !== 'active');
  const servicesNotConverged = rows.services
    .filter((s) => s.mode === 'replicated' && (s.runningTasks ?? 0) !== (s.replicas ?? 0))
    .map((service) => ({
      service,
      running: service.runningTasks ?? 0,
      desired: service.replicas ?? 0,
      failingTasks: rows.tasks.filter((t) => t.serviceId === service.dockerId && t.upToDate && WAITING.has(t.state)),
    }));
  return {
    status: cluster.status,
    managersTotal,
    managersReachable,
    quorumNeeded: quorumNeeded(managersTotal),
    hasQuorum,
    leader: rows.nodes.find((n) => n.dockerId === cluster.leaderNodeId) ?? null,
    nodesDown,
    nodesDrained,
    servicesNotConverged,
    healthy: cluster.status === HostStatus.CONNECTED && hasQuorum && nodesDown.length === 0 && servicesNotConverged.length === 0,
    checkedAt: cluster.lastCheckedAt ?? null,
  };
}
