import type { Principal } from '../../src/auth/principal';
import { imageFailure } from '../../src/docker/docker.image-errors';
import type { ImageProgress, RegistryAuth } from '../../src/docker/docker.types';
import type { DockerHost } from '../../src/hosts/host.entity';
import { ImageManager, type ImageManagerDeps } from '../../src/images/image.manager';
import type { ImageProgressPayload } from '../../src/images/image-operations.inputs';
import { OperationStatus } from '../../src/operations/operation.entity';
import { OperationRunner } from '../../src/operations/operation.runner';
import { createLocalPubSub } from '../../src/pubsub/pubsub';
import { OutboundPolicy } from '../../src/security/outbound-policy';
import { FakeOperationStore, recordingLogger } from './fakes/operations.fake';

const principal: Principal = { userId: 'u', accountId: 'acct', permissions: new Set(), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null };
const host = { id: '7d1c2a8e-0000-4000-8000-000000000001', accountId: 'acct' } as DockerHost;
const target = { hostId: host.id, apiEndpoint: 'tcp://docker:2375', tlsVerify: false, fingerprint: 'f' };
const AUTH: RegistryAuth = { username: 'ci', password: 'secret', serveraddress: 'docker.io' };

/** The Docker adapter as the ImageManager uses it: what it was asked, and what each call does. */
class FakeDocker {
  readonly calls: string[] = [];
  pullAuth: RegistryAuth | null = null;
  onPull: (progress: (p: ImageProgress) => void) => Promise<void> = async () => undefined;
  onBuild: (progress: (p: ImageProgress) => void) => Promise<string | null> = async () => null;

  pull = async (_target: unknown, reference: string, auth: RegistryAuth | null, progress: (p: ImageProgress) => void) => {
    this.calls.push(`pull ${reference}`);
    this.pullAuth = auth;
    await this.onPull(progress);
  };
  push = async (_target: unknown, reference: string) => void this.calls.push(`push ${reference}`);
  build = async (_target: unknown, _context: unknown, options: { tags: string[] }, progress: (p: ImageProgress) => void) => {
    this.calls.push(`build ${options.tags.join(',')}`);
    return this.onBuild(progress);
  };
  tag = async () => undefined;
  remove = async () => undefined;
  inspect = async () => {
    throw new Error('not used');
  };
}

function setup() {
  const store = new FakeOperationStore();
  const log = recordingLogger();
  const docker = new FakeDocker();
  const refreshes: Array<{ hostId: string; statusThen: OperationStatus[] }> = [];
  const deps: ImageManagerDeps = {
    hosts: { operable: async () => ({ host, target }) },
    docker,
    repository: { findInAccount: async () => null, findOnHost: async () => null },
    registries: { authFor: async (accountId, reference) => (accountId === 'acct' && reference.startsWith('team/') ? AUTH : null) },
    outbound: new OutboundPolicy({ allow: [], lookup: async () => ['93.184.216.34'] }),
    sync: {
      refresh: async (hostId) => {
        refreshes.push({ hostId, statusThen: [...store.rows.values()].map((r) => r.status) });
        return { applied: true } as never;
      },
    },
    operations: new OperationRunner({ repository: store, pubsub: createLocalPubSub(), logger: log.logger, instanceId: 'test' }),
    logger: log.logger,
    operationTimeoutMs: 60_000,
  };
  return { images: new ImageManager(deps), store, docker, refreshes, log };
}

describe(ImageManager.name, () => {
  it("pulls a reference named without a tag as its :latest, with the account's credentials for its registry, and refreshes the host's images before the operation ends", async () => {
    const { images, docker, refreshes } = setup();
    const operation = await images.pull(principal, host.id, ' team/app ', true);
    expect(operation).toMatchObject({ kind: 'PULL', reference: 'team/app:latest', hostId: host.id, accountId: 'acct', status: OperationStatus.SUCCEEDED });
    expect(docker.calls).toEqual(['pull team/app:latest']);
    expect(docker.pullAuth).toBe(AUTH);
    expect(refreshes).toEqual([{ hostId: host.id, statusThen: [OperationStatus.RUNNING] }]);
  });

  it('refuses a registry on a loopback address before an operation row is made or Docker is asked', async () => {
    const { images, docker, store } = setup();
    await expect(images.pull(principal, host.id, '127.0.0.1:5000/x:1', true)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'reference' } });
    await expect(images.pull(principal, host.id, 'UPPER CASE', true)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reference' } });
    expect(store.rows.size).toBe(0);
    expect(docker.calls).toEqual([]);
  });

  it("records a failed pull with its classified code and words, the Engine's own words in the log only", async () => {
    const { images, docker, log } = setup();
    const engine = 'manifest for registry.example:5000/x:1 not found: manifest unknown: TOP-SECRET';
    docker.onPull = async () => {
      throw imageFailure('pulling registry.example:5000/x:1', engine, 'registry.example:5000');
    };
    const operation = await images.pull(principal, host.id, 'registry.example:5000/x:1', true);
    expect(operation).toMatchObject({ status: OperationStatus.FAILED, errorCode: 'NOT_FOUND', error: 'pulling registry.example:5000/x:1: not found at registry registry.example:5000' });
    expect(JSON.stringify(await images.operation(principal, operation.id))).not.toContain('TOP-SECRET');
    expect(log.lines().find((l) => l.msg === 'image operation failed')).toMatchObject({ operationId: operation.id, engineMessage: engine });
  });

  it('keeps the image id a build produced, and streams every step but one byte-count line per layer per 100 ms', async () => {
    const { images, docker } = setup();
    let go!: () => void;
    const gate = new Promise<void>((resolve) => (go = resolve));
    docker.onBuild = async (progress) => {
      await gate;
      progress({ message: 'Step 1/2 : FROM busybox', layer: null, current: null, total: null });
      progress({ message: 'Downloading', layer: 'l1', current: 1, total: 10 });
      progress({ message: 'Downloading', layer: 'l1', current: 2, total: 10 });
      progress({ message: 'Downloading', layer: 'l2', current: 1, total: 10 });
      progress({ message: 'Step 2/2 : CMD x', layer: null, current: null, total: null });
      return 'sha256:built';
    };
    const started = await images.build(principal, host.id, { tags: ['app:1', 'app:latest'], dockerfile: 'FROM busybox\nCMD x\n' }, false);
    expect(started).toMatchObject({ kind: 'BUILD', reference: 'app:1', status: OperationStatus.RUNNING });
    const messages: ImageProgressPayload[] = [];
    const stream = await images.progress(principal, started.id);
    go();
    for await (const message of stream) messages.push(message);
    expect(messages.map((m) => [m.message, m.layer, m.current])).toEqual([
      [null, null, null],
      ['Step 1/2 : FROM busybox', null, null],
      ['Downloading', 'l1', 1],
      ['Downloading', 'l2', 1],
      ['Step 2/2 : CMD x', null, null],
      ['Step 2/2 : CMD x', null, null],
    ]);
    expect(messages.at(-1)).toMatchObject({ done: true, status: OperationStatus.SUCCEEDED });
    expect(await images.operation(principal, started.id)).toMatchObject({ imageId: 'sha256:built', status: OperationStatus.SUCCEEDED, lastMessage: 'Step 2/2 : CMD x' });
    expect(docker.calls).toEqual(['build app:1,app:latest']);
  });
});
