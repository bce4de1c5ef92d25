import { wrap } from '@mikro-orm/core';
import { SEALED_MARKER } from '../sync/scope.entity';
import type { SwarmCluster } from './cluster.entity';
import type { SwarmNode } from './node.entity';
import type { SwarmService } from './service.entity';
import type { SwarmEvent } from './swarm-event.entity';
import type { SwarmTask } from './task.entity';

/** Swarm streams are keyed by account id: a subscriber is only ever handed its own account's messages. */
export const SwarmTopic = {
  ClusterChanged: 'SWARM_CLUSTER_CHANGED',
  ClusterDeleted: 'SWARM_CLUSTER_DELETED',
  /** System-wide: a cluster's syncable state changed; sync workers on every instance look again now. */
  SyncWake: 'SWARM_CLUSTER_SYNC_WAKE',
  NodeChanged: 'SWARM_NODE_CHANGED',
  ServiceChanged: 'SWARM_SERVICE_CHANGED',
  TaskChanged: 'SWARM_TASK_CHANGED',
  EventReceived: 'SWARM_EVENT_RECEIVED',
} as const;

/** How an object changed in one write. */
export type SwarmChange = 'CREATED' | 'UPDATED' | 'REMOVED';

export interface SwarmObjectChange<T> {
  clusterId: string;
  change: SwarmChange;
  /** The row after the write (before it, for REMOVED), as plain data. */
  object: T;
}

export type SwarmTopics = {
  [SwarmTopic.ClusterChanged]: [accountId: string, payload: SwarmCluster];
  [SwarmTopic.ClusterDeleted]: [accountId: string, payload: { id: string }];
  [SwarmTopic.SyncWake]: [payload: { hostId: string; connected: boolean }];
  [SwarmTopic.NodeChanged]: [accountId: string, payload: SwarmObjectChange<SwarmNode>];
  [SwarmTopic.ServiceChanged]: [accountId: string, payload: SwarmObjectChange<SwarmService>];
  [SwarmTopic.TaskChanged]: [accountId: string, payload: SwarmObjectChange<SwarmTask>];
  [SwarmTopic.EventReceived]: [accountId: string, payload: SwarmEvent];
};

/** What subscribers receive of a cluster: plain data, the ciphertext replaced by a marker (hasTlsCredentials still answers). */
export function clusterSnapshot(cluster: SwarmCluster): SwarmCluster {
  return { ...(wrap(cluster).toPOJO() as SwarmCluster), encryptedTlsCredentials: cluster.encryptedTlsCredentials ? SEALED_MARKER : null } as SwarmCluster;
}
