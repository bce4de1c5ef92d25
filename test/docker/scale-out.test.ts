import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import {
  ContainerStateChangedDocument,
  DockerHostDocument,
  DockerHostEnvironment,
  RegisterDockerHostDocument,
  type ContainerStateChangedSubscription,
} from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { createIsolatedDatabase } from '../support/harness';
import { Instance, instanceToken } from '../support/instances';
import { buildDist } from '../support/process';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Two real server processes on one PostgreSQL, PubSub through Redis: each host is synced by exactly one of them, a
 * subscriber on either sees what the other synced, and when one dies the other takes its hosts over within a lease.
 */
describe('two API instances', () => {
  let fleet: Fleet;
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  const instances: Instance[] = [];
  const containers: Docker.Container[] = [];

  beforeAll(async () => {
    buildDist();
    fleet = loadFleet();
    database = await createIsolatedDatabase();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(containers.map((c) => c.remove({ force: true }).catch(() => undefined)));
    await Promise.all(instances.map((i) => i.stop()));
    await database?.drop();
  });

  const env = (capacity: number) => ({
    DATABASE_URL: database.url,
    REDIS_URL,
    SYNC_WORKER_ENABLED: 'true',
    SYNC_TICK_SECONDS: '1',
    SYNC_LEASE_SECONDS: '4',
    SYNC_CAPACITY: String(capacity),
  });

  it('syncs each host on one instance, shares changes through Redis, and takes over a dead instance\'s hosts', async () => {
    const token = await instanceToken();
    // alpha alone first, holding at most one host: the first host is alpha's, the second can only be beta's.
    const alpha = await Instance.start('alpha', env(1));
    instances.push(alpha);
    const register = (on: Instance, name: string, which: 'tcp' | 'tls') =>
      on.ok(RegisterDockerHostDocument, {
        input: { name, apiEndpoint: which === 'tcp' ? fleet.tcpEndpoint : fleet.tlsEndpoint, environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600, ...(which === 'tls' ? { tlsCredentials: fleet.tls } : {}) },
      }, token);
    const owner = async (on: Instance, id: string) => (await on.ok(DockerHostDocument, { id }, token)).dockerHost?.syncOwner;
    const { registerDockerHost: first } = await register(alpha, 'first', 'tcp');
    await waitFor(async () => (await owner(alpha, first.id)) === 'alpha', { what: 'alpha to hold the first host' });

    const beta = await Instance.start('beta', env(10));
    instances.push(beta);
    const { registerDockerHost: second } = await register(beta, 'second', 'tls');
    await waitFor(async () => (await owner(beta, second.id)) === 'beta', { what: 'beta to hold the second host' });
    expect(await owner(alpha, first.id)).toBe('alpha');

    // A subscriber on each instance, for the whole account.
    const clients = [alpha.wsClient(token), beta.wsClient(token)];
    const onAlpha = new Collector<ContainerStateChangedSubscription>(subscribe(clients[0]!, ContainerStateChangedDocument, {}));
    const onBeta = new Collector<ContainerStateChangedSubscription>(subscribe(clients[1]!, ContainerStateChangedDocument, {}));
    const seen = (collector: Collector<ContainerStateChangedSubscription>, hostId: string) => collector.messages.some((m) => m.containerStateChanged.hostId === hostId);

    // Containers made on both engines until alpha's subscriber has seen a change that beta synced, and the reverse.
    const tcp = fleetDocker(fleet, 'tcp');
    const tls = fleetDocker(fleet, 'tls');
    await waitFor(async () => {
      const name = `scale-${randomUUID().slice(0, 8)}`;
      for (const docker of [tcp, tls]) containers.push(await docker.createContainer({ Image: fleet.image, name, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } }));
      await onAlpha.waitFor((m) => m.containerStateChanged.container.name === name, { timeoutMs: 1000 }).catch(() => undefined);
      return seen(onAlpha, second.id) && seen(onBeta, first.id);
    }, { what: 'each subscriber to see a change synced by the other instance', timeoutMs: 30_000 });

    // alpha dies without releasing anything: beta takes the first host over once alpha's lease has run out.
    await alpha.kill();
    await waitFor(async () => (await owner(beta, first.id)) === 'beta', { what: 'beta to take over the first host', timeoutMs: 15_000 });
    const after = `after-${randomUUID().slice(0, 8)}`;
    containers.push(await tcp.createContainer({ Image: fleet.image, name: after, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } }));
    await onBeta.waitFor((m) => m.containerStateChanged.hostId === first.id && m.containerStateChanged.container.name === after, { what: 'the first host synced by beta' });
    await Promise.all(clients.map((c) => c.dispose()));
  });
});
