import type Docker from 'dockerode';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  ContainerDocument,
  ContainerStateChangedDocument,
  CreateContainerDocument,
  RemoveContainerDocument,
  StartContainerDocument,
  StopContainerDocument,
  type ContainerStateChangedSubscription,
} from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { TestServer, codeOf, newAccountId, registerFleetHost } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

type Change = ContainerStateChangedSubscription['containerStateChanged'];
const run = promisify(execFile);

/**
 * containerStateChanged carries every step Docker's events show, in order and once each, whether the change came from
 * the API (whose read-backs publish too) or from someone using Docker directly, and however fast the container is gone.
 */
describe('container state transitions on the real fleet', () => {
  let fleet: Fleet;
  let server: TestServer;
  let token: string;
  const hosts = new Map<'tcp' | 'tls', string>();
  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.syncing();
    token = await server.token({ accountId: newAccountId() });
    for (const which of ['tcp', 'tls'] as const) {
      const hostId = await registerFleetHost(server, token, which, `transitions-${which}`);
      await waitFor(() => server.app.syncWorker.supervisor(hostId)?.streaming, { what: `the event stream of the ${which} host` });
      hosts.set(which, hostId);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const named = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  /**
   * A live subscription to one host, and a way to know everything published before now has arrived: a marker
   * container's messages come after those of every earlier batch (one host's changes are applied and published in order).
   */
  async function watch(hostId: string, docker: Docker) {
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const changes = new Collector<ContainerStateChangedSubscription>(subscribe(client, ContainerStateChangedDocument, { hostId }));
    const marker = async () => {
      const name = named('marker');
      const container = await docker.createContainer({ Image: fleet.image, name, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
      try {
        await changes.waitFor((m) => m.containerStateChanged.container.name === name, { what: `marker ${name}`, timeoutMs: 1000 });
      } finally {
        await container.remove({ force: true });
      }
    };
    // The server registers a subscription some time after the client sends it: markers until one is seen.
    await waitFor(() => marker().then(() => true), { what: 'the subscription live' });
    const of = async (name: string): Promise<Change[]> => {
      await waitFor(() => marker().then(() => true), { what: 'a marker after the last change' });
      return changes.messages.map((m) => m.containerStateChanged).filter((c) => c.container.name === name);
    };
    return { client, changes, of };
  }

  /** The docker CLI's environment for a fleet host, as a user would set it (the client certificate in DOCKER_CERT_PATH). */
  async function dockerCli(which: 'tcp' | 'tls') {
    const certs = await mkdtemp(path.join(tmpdir(), 'fleet-cli-'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: certs, DOCKER_HOST: fleet.tcpEndpoint };
    if (which === 'tls') {
      await Promise.all([writeFile(path.join(certs, 'ca.pem'), fleet.tls.ca), writeFile(path.join(certs, 'cert.pem'), fleet.tls.cert), writeFile(path.join(certs, 'key.pem'), fleet.tls.key)]);
      Object.assign(env, { DOCKER_HOST: fleet.tlsEndpoint.replace(/^https:/, 'tcp:'), DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs });
    }
    return { env, cleanup: () => rm(certs, { recursive: true, force: true }) };
  }

  const steps = (changes: Change[]) => changes.map((c) => `${c.previousState ?? 'null'}>${c.removed ? 'removed' : c.state}`);

  it.each(['tcp', 'tls'] as const)('shows docker run --rm sh -c "exit 3" on the %s host as created, running, exited 3 and removed, each once', async (which) => {
    const hostId = hosts.get(which)!;
    const docker = fleetDocker(fleet, which);
    const { client, changes, of } = await watch(hostId, docker);
    const cli = await dockerCli(which);
    try {
      // Several runs: how the events fall into batches, and whether an inspect still finds the container, varies.
      for (let i = 0; i < 3; i++) {
        const name = named('job');
        // The README's example as written (plus a name to find it by).
        const exit = await run('docker', ['run', '--rm', '--name', name, fleet.image, 'sh', '-c', 'exit 3'], { env: cli.env }).then(() => 0, (error: { code?: number }) => error.code);
        expect(exit).toBe(3);
        await changes.waitFor((m) => m.containerStateChanged.container.name === name && m.containerStateChanged.removed, { what: `${name} removed` });
        const seen = await of(name);
        expect(steps(seen)).toEqual(['null>CREATED', 'CREATED>RUNNING', 'RUNNING>EXITED', 'EXITED>removed']);
        expect(seen[2]!.container).toMatchObject({ state: 'EXITED', exitCode: 3 });
        expect(seen[3]!.container).toMatchObject({ state: 'EXITED', exitCode: 3 });
        expect(new Set(seen.map((c) => c.container.dockerId)).size).toBe(1);
        expect(seen.every((c) => c.hostId === hostId)).toBe(true);
        // In order of the events: each step no earlier than the one before.
        const times = seen.map((c) => Date.parse(c.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    } finally {
      await client.dispose();
      await cli.cleanup();
    }
  });

  it('publishes each step of create, start, stop, start, pause, unpause, kill and remove once, though the mutations read back and the events follow', async () => {
    const hostId = hosts.get('tls')!;
    const docker = fleetDocker(fleet, 'tls');
    const { client, of } = await watch(hostId, docker);
    const name = named('life');
    try {
      // sleep as PID 1 ignores SIGTERM: a stop ends in SIGKILL, 137.
      const { createContainer } = await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name, network: 'none', command: ['sleep', '300'] } }, token);
      const id = createContainer.id;
      expect((await server.ok(StartContainerDocument, { id }, token)).startContainer.state).toBe('RUNNING');
      expect((await server.ok(StopContainerDocument, { id, timeoutSeconds: 1 }, token)).stopContainer).toMatchObject({ state: 'EXITED', exitCode: 137 });
      expect((await server.ok(StartContainerDocument, { id }, token)).startContainer.state).toBe('RUNNING');
      // There are no pause or kill mutations: a user does that on Docker, and only the events tell.
      const onDocker = docker.getContainer(createContainer.dockerId);
      await onDocker.pause();
      await onDocker.unpause();
      await onDocker.kill();
      await waitFor(async () => (await server.ok(ContainerDocument, { id }, token)).container?.state === 'EXITED', { what: 'the kill in the inventory' });
      expect((await server.ok(RemoveContainerDocument, { id }, token)).removeContainer).toBe(id);
      expect(codeOf(await server.request(ContainerDocument, { id }, token))).toBe('NOT_FOUND');

      const seen = await of(name);
      expect(steps(seen)).toEqual(['null>CREATED', 'CREATED>RUNNING', 'RUNNING>EXITED', 'EXITED>RUNNING', 'RUNNING>PAUSED', 'PAUSED>RUNNING', 'RUNNING>EXITED', 'EXITED>removed']);
      expect(seen.filter((c) => c.state === 'EXITED' && !c.removed).map((c) => c.container.exitCode)).toEqual([137, 137]);
      // The messages speak of the stored container: one id throughout, the one the mutations answered with.
      expect(new Set(seen.map((c) => c.container.id))).toEqual(new Set([id]));
    } finally {
      await client.dispose();
    }
  });
});
