import { DomainError, ErrorCode } from '../common/errors';

/** What quorum needs of a swarm's managers: a majority, ⌊N/2⌋+1 (raft). */
export function quorumNeeded(managers: number): number {
  return Math.floor(managers / 2) + 1;
}

interface NodeView {
  dockerId: string;
  role: string;
  managerReachability?: string | null;
  managerAddr?: string | null;
  leader?: boolean | null;
}

export interface ClusterQuorum {
  nodeCount: number;
  managerCount: number;
  managersReachable: number;
  hasQuorum: boolean;
  leaderNodeId: string | null;
  /** The other managers' Engine endpoints: the registered endpoint with each manager's address as its host. */
  failoverEndpoints: string[];
}

/** The cluster's view of its managers, from one node listing (a listing only a manager with a leader can give). */
export function quorumOf(nodes: readonly NodeView[], registeredEndpoint: string): ClusterQuorum {
  const managers = nodes.filter((n) => n.role === 'manager');
  const reachable = managers.filter((n) => n.managerReachability === 'reachable').length;
  return {
    nodeCount: nodes.length,
    managerCount: managers.length,
    managersReachable: reachable,
    hasQuorum: managers.length > 0 && reachable >= quorumNeeded(managers.length),
    leaderNodeId: managers.find((n) => n.leader)?.dockerId ?? null,
    failoverEndpoints: failoverEndpoints(managers.map((n) => n.managerAddr).filter((a): a is string => Boolean(a)), registeredEndpoint),
  };
}

/**
 * A manager's raft address (`10.0.0.2:2377`) names its machine, not its Engine API: the API is assumed where the
 * registered one is (same scheme and port, same TLS material), on that machine. A unix socket has no such twin.
 */
export function failoverEndpoints(managerAddrs: readonly string[], registeredEndpoint: string): string[] {
  let registered: URL;
  try {
    registered = new URL(registeredEndpoint);
  } catch {
    return [];
  }
  if (registered.protocol !== 'tcp:' && registered.protocol !== 'https:') return [];
  const endpoints = new Set<string>();
  for (const addr of managerAddrs) {
    const host = addr.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    if (!host || host === registered.hostname) continue;
    const candidate = new URL(registered.toString());
    candidate.hostname = host.includes(':') ? `[${host}]` : host;
    endpoints.add(candidate.toString().replace(/\/$/, ''));
  }
  return [...endpoints].sort();
}

/**
 * Refuses a change of the manager set (demote, leave, remove) after which the reachable managers would be fewer than
 * the majority the remaining managers need. `force` does not bypass it: a swarm without quorum accepts no change at
 * all, and getting it back means `docker swarm init --force-new-cluster` on a manager.
 */
export function assertKeepsQuorum(view: { managerCount: number; managersReachable: number }, change: { managerLeaving: boolean; leavingReachable: boolean; action: string; staysMember?: boolean }): void {
  if (!change.managerLeaving) return;
  // A demote takes the manager out of raft; a manager that leaves stays a member, unreachable, until it is removed.
  const managersAfter = view.managerCount - (change.staysMember ? 0 : 1);
  const reachableAfter = view.managersReachable - (change.leavingReachable ? 1 : 0);
  const needed = quorumNeeded(Math.max(managersAfter, 0));
  if (managersAfter === 0 || reachableAfter < needed) {
    throw new DomainError(
      ErrorCode.QUORUM_RISK,
      `${change.action} refused: it would leave ${reachableAfter} reachable of ${managersAfter} managers, and quorum needs ${managersAfter === 0 ? 1 : needed} (now ${view.managersReachable} of ${view.managerCount} reachable)`,
      { managersAfter, reachableAfter, needed, managers: view.managerCount, reachable: view.managersReachable },
    );
  }
}
