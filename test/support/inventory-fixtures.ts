import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Container } from '../../src/containers/container.entity';
import { ContainerHealth, ContainerState } from '../../src/containers/container.enums';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { Image } from '../../src/images/image.entity';
import { SwarmCluster } from '../../src/swarm/cluster.entity';
import { SwarmNode } from '../../src/swarm/node.entity';
import { SwarmService } from '../../src/swarm/service.entity';
import { SwarmTask } from '../../src/swarm/task.entity';

/**
 * Stored inventory without Docker, for read-path tests and benchmarks: `hosts` hosts of `containers` containers each
 * (and a couple of images), inserted as a sync would leave them. The hosts point nowhere and are MAINTENANCE, so no
 * sync worker ever picks them up.
 */
export async function seedInventory(orm: MikroORM, options: { accountId: string; hosts: number; containers: number }): Promise<DockerHost[]> {
  const em = orm.em.fork();
  const hosts: DockerHost[] = [];
  for (let h = 0; h < options.hosts; h++) {
    const host = Object.assign(new DockerHost(), {
      accountId: options.accountId,
      name: `seed-${String(h).padStart(4, '0')}-${randomUUID().slice(0, 6)}`,
      apiEndpoint: 'tcp://127.0.0.1:1',
      environment: HostEnvironment.DEVELOPMENT,
      status: HostStatus.MAINTENANCE,
    });
    hosts.push(host);
    em.persist(host);
    for (let c = 0; c < options.containers; c++) {
      const running = c % 3 !== 0;
      em.persist(
        Object.assign(new Container(), {
          accountId: options.accountId,
          hostId: host.id,
          dockerId: randomUUID().replace(/-/g, '').repeat(2),
          name: `app-${String(c).padStart(5, '0')}`,
          image: 'registry.local/app:1.0',
          imageId: `sha256:${'a'.repeat(64)}`,
          command: 'sleep 3600',
          state: running ? ContainerState.RUNNING : ContainerState.EXITED,
          health: c % 5 === 0 ? ContainerHealth.HEALTHY : ContainerHealth.NONE,
          exitCode: running ? null : 1,
          labels: { app: 'seed', index: String(c) },
          ports: [{ privatePort: 8080, publicPort: null, type: 'tcp', ip: null }],
          mounts: [],
          networks: [{ name: 'bridge', networkId: 'n1', ipAddress: '172.17.0.2' }],
          createdAt: new Date(Date.now() - 3_600_000),
          startedAt: new Date(Date.now() - 1_800_000),
          finishedAt: running ? null : new Date(Date.now() - 60_000),
        }),
      );
    }
    for (let i = 0; i < 2; i++) {
      em.persist(Object.assign(new Image(), { accountId: options.accountId, hostId: host.id, dockerId: `sha256:${randomUUID()}`, repoTags: [`app:${i}`], repoDigests: [], sizeBytes: 1000, labels: {}, createdAt: new Date() }));
    }
  }
  await em.flush();
  return hosts;
}

/**
 * The SQL statements `fn` makes through the app's ORM. The deployment worker claims and renews leases on its own tick
 * (about once a second) through the same ORM; its statements touch only the deployments table, which no inventory
 * read does, so they are left out rather than counted against the read they happened to overlap.
 */
export async function recordStatements<T>(orm: MikroORM, fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const knex = orm.em.getConnection().getKnex();
  const record = (query: { sql: string }) => {
    // Not the read's: the background workers' ticks (deployment and container-instance leases, the task-callback
    // outbox, the quota reconciler) land in the window whenever they are due.
    if (!/\b(from|update|into|join) "?(deployments|container_instances|task_callback_deliveries|quota_charges)"?\b/.test(query.sql)) statements.push(query.sql);
  };
  knex.on('query', record);
  try {
    return { result: await fn(), statements };
  } finally {
    knex.off('query', record);
  }
}

/**
 * Stored swarms without Docker, for read-path tests and benchmarks: `clusters` clusters of `services` services of
 * `tasks` tasks each, inserted as a sync would leave them (a few nodes per cluster for the tasks to run on). The
 * clusters point nowhere and are MAINTENANCE, so no sync worker ever picks them up.
 */
export async function seedSwarm(orm: MikroORM, options: { accountId: string; clusters: number; services: number; tasks: number; nodes?: number }): Promise<SwarmCluster[]> {
  const em = orm.em.fork();
  const { accountId } = options;
  const dockerId = () => randomUUID().replace(/-/g, '').slice(0, 25);
  const clusters: SwarmCluster[] = [];
  for (let c = 0; c < options.clusters; c++) {
    const nodeIds = Array.from({ length: options.nodes ?? 4 }, dockerId);
    const cluster = Object.assign(new SwarmCluster(), {
      accountId,
      name: `seed-swarm-${String(c).padStart(4, '0')}-${randomUUID().slice(0, 6)}`,
      apiEndpoint: 'tcp://127.0.0.1:1',
      environment: HostEnvironment.DEVELOPMENT,
      status: HostStatus.MAINTENANCE,
      swarmId: dockerId(),
      nodeCount: nodeIds.length,
      managerCount: Math.min(3, nodeIds.length),
      managersReachable: Math.min(3, nodeIds.length),
      hasQuorum: true,
      leaderNodeId: nodeIds[0],
    });
    clusters.push(cluster);
    em.persist(cluster);
    nodeIds.forEach((id, n) =>
      em.persist(Object.assign(new SwarmNode(), { accountId, clusterId: cluster.id, dockerId: id, hostname: `node-${n}`, role: n < 3 ? 'manager' : 'worker', availability: 'active', state: 'ready', address: `10.0.0.${n + 1}`, managerReachability: n < 3 ? 'reachable' : null, leader: n === 0, labels: {}, engineLabels: {} })),
    );
    for (let s = 0; s < options.services; s++) {
      const serviceId = dockerId();
      const name = `svc-${String(s).padStart(4, '0')}`;
      em.persist(
        Object.assign(new SwarmService(), {
          accountId,
          clusterId: cluster.id,
          dockerId: serviceId,
          name,
          image: 'registry.local/app:1.0',
          mode: 'replicated',
          replicas: options.tasks,
          runningTasks: options.tasks,
          desiredTasks: options.tasks,
          labels: { app: 'seed' },
          spec: { Name: name, TaskTemplate: { ContainerSpec: { Image: 'registry.local/app:1.0' } }, Mode: { Replicated: { Replicas: options.tasks } } },
          versionIndex: 10 + s,
          createdAt: new Date(Date.now() - 3_600_000),
        }),
      );
      for (let t = 0; t < options.tasks; t++) {
        em.persist(
          Object.assign(new SwarmTask(), {
            accountId,
            clusterId: cluster.id,
            dockerId: dockerId(),
            serviceId,
            nodeId: nodeIds[t % nodeIds.length],
            slot: t + 1,
            desiredState: 'running',
            state: 'running',
            image: 'registry.local/app:1.0',
            upToDate: true,
            versionIndex: 100 + t,
            createdAt: new Date(Date.now() - 1_800_000),
          }),
        );
      }
    }
  }
  await em.flush();
  return clusters;
}
