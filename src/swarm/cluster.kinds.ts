import type { DockerSwarm } from '../docker/docker.swarm';
import type { SwarmConfigSnapshot, SwarmNodeSnapshot, SwarmSecretSnapshot, SwarmServiceSnapshot, SwarmTaskSnapshot } from '../docker/swarm.types';
import type { NetworkSnapshot } from '../docker/docker.types';
import type { Diff } from '../inventory/inventory.diff';
import type { ChangeSet } from '../sync/inventory.apply';
import { listedKind } from '../sync/listed.kind';
import type { FetchContext, SyncedKind } from '../sync/synced-kind.types';
import type { SwarmCluster } from './cluster.entity';
import { SwarmNode } from './node.entity';
import { quorumOf } from './quorum';
import { SwarmConfig, SwarmSecret } from './secret.entity';
import { SwarmService } from './service.entity';
import { SwarmNetwork } from './swarm-network.entity';
import { plainSnapshot } from '../db/plain-rows';
import { SwarmTopic, type SwarmChange } from './swarm.topics';
import { SwarmTask } from './task.entity';

const swarm = (context: FetchContext) => context.adapters.swarm as DockerSwarm;

/** Each created, updated and removed row of a write, as one message of `topic` sent after the commit. */
function publishRows(topic: typeof SwarmTopic.NodeChanged | typeof SwarmTopic.ServiceChanged | typeof SwarmTopic.TaskChanged) {
  return (diff: Diff<SwarmNode | SwarmService | SwarmTask>, changes: ChangeSet) => {
    const rows: Array<[SwarmChange, SwarmNode | SwarmService | SwarmTask]> = [
      ...diff.created.map((row) => ['CREATED', row] as [SwarmChange, SwarmNode]),
      ...diff.updated.map(({ row }) => ['UPDATED', row] as [SwarmChange, SwarmNode]),
      ...diff.removed.map((row) => ['REMOVED', row] as [SwarmChange, SwarmNode]),
    ];
    for (const [change, row] of rows) {
      const message = { clusterId: row.clusterId, change, object: plainSnapshot(row) };
      changes.publishLater((pubsub) => pubsub.publish(topic, row.accountId, message as never));
    }
  };
}

const NODE_FIELDS = ['hostname', 'role', 'availability', 'state', 'statusMessage', 'address', 'managerReachability', 'managerAddr', 'leader', 'engineVersion', 'labels', 'engineLabels', 'nanoCpus', 'memoryBytes', 'versionIndex', 'createdAt'] as const;
const SERVICE_FIELDS = ['name', 'image', 'mode', 'replicas', 'runningTasks', 'desiredTasks', 'labels', 'stack', 'spec', 'previousSpec', 'versionIndex', 'updateState', 'updateMessage', 'updateStartedAt', 'updateCompletedAt', 'publishedPorts', 'createdAt'] as const;
const TASK_FIELDS = ['serviceId', 'nodeId', 'slot', 'desiredState', 'state', 'message', 'error', 'exitCode', 'containerId', 'image', 'upToDate', 'versionIndex', 'createdAt'] as const;
const DATA_FIELDS = ['name', 'labels', 'versionIndex', 'createdAt'] as const;

type Row<F extends readonly string[], E> = Pick<E, F[number] & keyof E> & { dockerId: string };
const pick = <F extends readonly string[]>(fields: F) => <S extends object>(snapshot: S & { dockerId: string }) =>
  Object.fromEntries([['dockerId', snapshot.dockerId], ...fields.map((f) => [f, (snapshot as Record<string, unknown>)[f] ?? null])]) as never;

/**
 * Every kind the sync engine keeps in a swarm cluster, read through a manager, in the order a write applies them.
 * Docker emits events for nodes, services, secrets, configs and networks, none for tasks: tasks are re-listed with
 * their service's events, on every full sync, and briskly while a service converges (see ClusterScopes.watch).
 */
export const CLUSTER_KINDS: readonly SyncedKind[] = [
  listedKind<SwarmNode, Row<typeof NODE_FIELDS, SwarmNode>>({
    name: 'node',
    entity: SwarmNode,
    fields: NODE_FIELDS,
    list: async (context) => (await swarm(context).listNodes(context.target)).map((n: SwarmNodeSnapshot) => pick(NODE_FIELDS)(n)),
    changed: (diff, changes, { scope, snapshots }) => {
      publishRows(SwarmTopic.NodeChanged)(diff, changes);
      // The cluster's own view of its managers comes with every node listing, in the same write.
      Object.assign(scope as SwarmCluster, quorumOf(snapshots, (scope as SwarmCluster).apiEndpoint));
    },
  }),
  listedKind<SwarmService, Row<typeof SERVICE_FIELDS, SwarmService>>({
    name: 'service',
    entity: SwarmService,
    fields: SERVICE_FIELDS,
    list: async (context) => (await swarm(context).listServices(context.target)).map((s: SwarmServiceSnapshot) => pick(SERVICE_FIELDS)({ ...s, stack: s.stackNamespace })),
    changed: publishRows(SwarmTopic.ServiceChanged),
  }),
  listedKind<SwarmTask, Row<typeof TASK_FIELDS, SwarmTask>>({
    name: 'task',
    entity: SwarmTask,
    fields: TASK_FIELDS,
    eventType: 'task', // Docker sends none; a service's or a node's events (a drain) re-list the tasks
    alsoTouchedBy: ['service', 'node'],
    list: async (context) => (await swarm(context).listTasks(context.target)).map((t: SwarmTaskSnapshot) => pick(TASK_FIELDS)(t)),
    changed: publishRows(SwarmTopic.TaskChanged),
  }),
  listedKind<SwarmSecret, Row<typeof DATA_FIELDS, SwarmSecret>>({
    name: 'secret',
    entity: SwarmSecret,
    fields: DATA_FIELDS,
    list: async (context) => (await swarm(context).listSecrets(context.target)).map((s: SwarmSecretSnapshot) => pick(DATA_FIELDS)(s)),
  }),
  listedKind<SwarmConfig, Row<typeof DATA_FIELDS, SwarmConfig>>({
    name: 'config',
    entity: SwarmConfig,
    fields: DATA_FIELDS,
    list: async (context) => (await swarm(context).listConfigs(context.target)).map((s: SwarmConfigSnapshot) => pick(DATA_FIELDS)(s)),
  }),
  listedKind<SwarmNetwork, NetworkSnapshot>({
    name: 'network',
    entity: SwarmNetwork,
    fields: ['name', 'driver', 'scope', 'internal', 'attachable', 'labels', 'createdAt'],
    ignoredActions: ['connect', 'disconnect'],
    list: (context) => swarm(context).listSwarmNetworks(context.target),
  }),
];
