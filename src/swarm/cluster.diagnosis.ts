import { HostStatus } from '../hosts/host.enums';
import type { Diagnosis } from '../health/diagnosis.view';
import type { SwarmCluster } from './cluster.entity';
import type { SwarmNode } from './node.entity';
import { failoverEndpoints, quorumNeeded } from './quorum';

export interface ManagerFacts {
  node: Pick<SwarmNode, 'dockerId' | 'hostname' | 'managerAddr' | 'managerReachability' | 'state' | 'leader'>;
  /** Its Engine asked now (/_ping): null when it answers, else why not. Absent when it has no endpoint we can derive. */
  engine?: { endpoint: string; failure: string | null };
}

export type DiagnosedCluster = Pick<SwarmCluster, 'status' | 'hasQuorum' | 'managerCount' | 'managersReachable' | 'lastError' | 'lastErrorCode' | 'lastCheckedAt'>;

/**
 * A manager's Engine endpoint: the registered one when it is that machine, else its twin there (same scheme and port,
 * see failoverEndpoints). Null for a unix-socket registration, which has no twins.
 */
export function managerEndpoint(node: Pick<SwarmNode, 'managerAddr'>, registered: string): string | null {
  if (!node.managerAddr) return null;
  const host = node.managerAddr.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  try {
    if (new URL(registered).hostname.replace(/^\[(.*)\]$/, '$1') === host) return registered;
  } catch {
    return null;
  }
  return failoverEndpoints([node.managerAddr], registered)[0] ?? null;
}

/**
 * The seed's troubleshooting row "lost Swarm quorum" (manager nodes < majority), and managers down while quorum holds
 * (one more loss and it is lost). Which managers are down is measured: without quorum the last node listing is stale
 * (a manager without a leader lists nothing), so each manager's Engine is asked now; with quorum the listing is the
 * leader's own, fresh, and says who raft reaches. Null for a cluster whose managers are all reachable.
 */
export function diagnoseCluster(cluster: DiagnosedCluster, managers: readonly ManagerFacts[]): Diagnosis | null {
  const total = cluster.managerCount ?? managers.length;
  const needed = quorumNeeded(total);
  const lost = cluster.hasQuorum === false;
  const down = (m: ManagerFacts) => (lost && m.engine ? m.engine.failure !== null : m.node.managerReachability !== 'reachable');
  const downs = managers.filter(down);
  const ups = managers.filter((m) => !down(m));
  const name = (m: ManagerFacts) => `${m.node.hostname} (${m.node.managerAddr ?? m.node.dockerId})`;
  const evidence = [
    `hasQuorum ${String(cluster.hasQuorum)}: ${cluster.managersReachable ?? '?'} of ${total} managers reachable at the last check${cluster.lastCheckedAt ? ` (${new Date(cluster.lastCheckedAt).toISOString()})` : ''}`,
    ...(cluster.lastErrorCode ? [`last error (${cluster.lastErrorCode}): ${cluster.lastError ?? ''}`] : []),
    ...managers.map((m) => {
      const engine = m.engine ? `Engine at ${m.engine.endpoint} ${m.engine.failure === null ? 'answers now' : `does not answer now (${m.engine.failure})`}` : 'no Engine endpoint to ask';
      return `manager ${name(m)}, node ${m.node.dockerId}: ${engine}; last listing: ${m.node.managerReachability ?? 'unknown'}${m.node.leader ? ', leader' : ''}`;
    }),
  ];
  if (lost) {
    const healthy = ups.find((m) => m.engine?.failure === null) ?? ups[0];
    const missing = Math.max(needed - ups.length, 1);
    return {
      symptom: 'lost Swarm quorum',
      cause: `manager nodes < majority: ${ups.length} of ${total} managers up, quorum needs ${needed}; down: ${downs.map(name).join(', ') || 'none found (an election under way?)'}`,
      evidence,
      firstAction: `Bring back ${missing} of the down managers (start dockerd on ${downs.map((m) => m.node.hostname).join(', ') || 'them'}): the swarm elects a leader by itself once ${needed} of ${total} managers are reachable`,
      mutations: [],
      steps: [
        `If they cannot come back: on a healthy manager (${healthy ? `${healthy.node.hostname}${healthy.engine ? ` at ${healthy.engine.endpoint}` : ''}` : 'one whose Engine answers'}), run \`docker swarm init --force-new-cluster --advertise-addr ${healthy?.node.managerAddr?.replace(/:\d+$/, '') ?? '<its address>'}\`: it becomes the only manager and keeps the services, tasks and workers`,
        `Then demote and remove the dead managers (demoteSwarmNode, removeSwarmNode with force; \`docker node demote\` / \`docker node rm --force\`): refused while quorum is lost, so only after the step above`,
        'Then promote workers or join managers back to an odd count of 3 or more (promoteSwarmNode, joinSwarm with role MANAGER)',
        "If no manager's raft state survives: restore /var/lib/docker/swarm from a backup onto one manager and force a new cluster from it",
      ],
    };
  }
  if (downs.length > 0) {
    const left = ups.length - needed;
    return {
      symptom: 'swarm managers down',
      cause: `${downs.map(name).join(', ')} ${downs.length === 1 ? 'is' : 'are'} not reachable: ${ups.length} of ${total} managers up, quorum needs ${needed}${left === 0 ? ': one more loss and quorum is lost' : ''}`,
      evidence,
      firstAction: `Bring back ${downs.map((m) => m.node.hostname).join(', ')} (start dockerd there), or demote and remove ${downs.length === 1 ? 'it' : 'them'} while quorum still holds`,
      mutations: ['demoteSwarmNode', 'removeSwarmNode'],
    };
  }
  if (cluster.status !== HostStatus.CONNECTED && cluster.status !== HostStatus.MAINTENANCE && cluster.lastErrorCode) {
    return {
      symptom: cluster.status === HostStatus.ERROR ? 'repeated error status' : 'cluster unreachable',
      cause: `no manager answered the last check (${cluster.lastErrorCode})`,
      evidence,
      firstAction: 'Verify network / firewall to the managers\' Engine endpoints, then recover the cluster',
      mutations: ['recoverSwarmCluster'],
    };
  }
  return null;
}
