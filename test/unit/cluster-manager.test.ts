import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Permission } from '../../src/auth/permissions';
import { DomainError, ErrorCode } from '../../src/common/errors';
import type { SwarmInfo } from '../../src/docker/swarm.types';
import { HostCredentials } from '../../src/hosts/host-credentials';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import type { SwarmCluster } from '../../src/swarm/cluster.entity';
import { ClusterManager } from '../../src/swarm/cluster.manager';
import { keyRing, principalIn, RecordingPubSub, withEntityMetadata } from './fakes/hosts.fake';
import { recordingLogger } from './fakes/operations.fake';

const alice = principalIn('acct-a', Permission.SwarmClustersManage);
const info = (fields: Partial<SwarmInfo>): SwarmInfo => ({ nodeId: 'n1', nodeAddr: null, localNodeState: 'active', controlAvailable: true, clusterId: 'swarm-1', managers: 3, nodes: 4, error: null, quorumLost: false, remoteManagers: [], engineVersion: '20.10', hostname: 'vm', ...fields });

/** A real certificate and key (the validation parses them), made by openssl for this run. */
function pemPair(): { cert: string; key: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cluster-manager-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=test', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'), key: readFileSync(path.join(dir, 'key.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const PEM = pemPair();

/** Hand-written fakes: clusters in memory, an Engine that answers what the test says, checks that record themselves. */
function world(answer: () => Promise<SwarmInfo>) {
  const rows = new Map<string, SwarmCluster>();
  const checked: string[] = [];
  const credentials = new HostCredentials(keyRing(), 'swarm_clusters');
  const hostCredentials = new HostCredentials(keyRing());
  const host = Object.assign(new DockerHost(), { accountId: 'acct-a', name: 's2', apiEndpoint: 'https://10.0.0.2:2376', environment: HostEnvironment.STAGING, tlsVerify: true, status: HostStatus.CONNECTED });
  host.encryptedTlsCredentials = hostCredentials.seal(host, { ca: PEM.cert, cert: PEM.cert, key: PEM.key });
  const manager = new ClusterManager({
    repository: {
      findInAccount: async (accountId, id) => (rows.get(id)?.accountId === accountId ? rows.get(id)! : null),
      findManyInAccount: async () => [],
      page: async () => ({ nodes: [], totalCount: 0, hasNextPage: false, cursorOf: () => '' }),
      nameTaken: async (accountId, name) => [...rows.values()].some((r) => r.accountId === accountId && r.name === name),
      insert: async (row) => Boolean(rows.set(row.id, row)),
      save: async () => true,
      remove: async (row) => void rows.delete(row.id),
      findSealedWithOtherKey: async () => [],
      replaceSealed: async () => false,
      findBySwarmId: async (accountId, swarmId) => [...rows.values()].find((r) => r.accountId === accountId && r.swarmId === swarmId) ?? null,
    },
    docker: { evict: () => undefined },
    swarm: { swarmInfo: answer },
    credentials,
    hostCredentials,
    hosts: { get: async (_p, id) => (id === host.id ? host : Promise.reject(new DomainError(ErrorCode.NOT_FOUND, 'no host'))) },
    sync: {
      fullSync: async (id) => {
        checked.push(id);
        return { scope: rows.get(id) ?? null, ok: true, skipped: false, written: 0, published: 0 };
      },
      scopes: { target: (c) => ({ hostId: c.id, apiEndpoint: c.apiEndpoint, tlsVerify: c.tlsVerify, fingerprint: 'f' }) },
    },
    pubsub: new RecordingPubSub(),
    logger: recordingLogger().logger,
    policy: { allowUnixSockets: false, coarseEndpointErrors: false },
  });
  return { manager, rows, checked, host, credentials };
}

const input = (fields: object) => ({ name: 'prod', environment: HostEnvironment.STAGING, tlsVerify: false, ...fields });

describe(ClusterManager.name, () => {
  withEntityMetadata();

  it('wants exactly one of managerEndpoint and managerHostId, and stores nothing otherwise', async () => {
    const { manager, rows } = world(async () => info({}));
    await expect(manager.register(alice, input({}))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'managerEndpoint' } });
    await expect(manager.register(alice, input({ managerEndpoint: 'tcp://10.0.0.1:2375', managerHostId: 'h' }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(rows.size).toBe(0);
  });

  it('refuses a worker and an engine in no swarm, saying which, and a swarm the account already has', async () => {
    let answer = info({ controlAvailable: false });
    const { manager, rows } = world(async () => answer);
    await expect(manager.register(alice, input({ managerEndpoint: 'tcp://10.0.0.4:2375' }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/worker of a swarm/) });
    answer = info({ controlAvailable: false, localNodeState: 'inactive', clusterId: null });
    await expect(manager.register(alice, input({ managerEndpoint: 'tcp://10.0.0.5:2375' }))).rejects.toMatchObject({ message: expect.stringMatching(/not part of a swarm/) });
    expect(rows.size).toBe(0);
    answer = info({});
    const first = await manager.register(alice, input({ managerEndpoint: 'tcp://10.0.0.1:2375' }));
    rows.get(first.id)!.swarmId = 'swarm-1'; // as its first check stored it
    await expect(manager.register(alice, input({ name: 'again', managerEndpoint: 'tcp://10.0.0.3:2375' }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already registered in this account as cluster "prod"/) });
    expect(rows.size).toBe(1);
  });

  it('registers an endpoint that does not answer (PENDING, like a host) and checks it', async () => {
    const { manager, rows, checked } = world(async () => Promise.reject(new DomainError(ErrorCode.HOST_UNREACHABLE, 'refused')));
    const cluster = await manager.register(alice, input({ managerEndpoint: 'tcp://10.0.0.9:2375' }));
    expect(rows.get(cluster.id)).toMatchObject({ status: HostStatus.PENDING });
    expect(checked).toEqual([cluster.id]);
  });

  it("registers through a registered manager host with that host's endpoint and TLS material, sealed for the cluster", async () => {
    const { manager, rows, host, credentials } = world(async () => info({}));
    const cluster = await manager.register(alice, input({ managerHostId: host.id }));
    const row = rows.get(cluster.id)!;
    expect(row).toMatchObject({ apiEndpoint: host.apiEndpoint, tlsVerify: true, managerHostId: host.id });
    expect(row.encryptedTlsCredentials).not.toBe(host.encryptedTlsCredentials); // bound to the cluster's row
    expect(credentials.open(row)).toEqual({ ca: PEM.cert, cert: PEM.cert, key: PEM.key });
  });
});
