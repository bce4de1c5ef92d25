import { DomainError } from '../../src/common/errors';
import { DockerClientPool } from '../../src/docker/docker.pool';
import { DockerSwarm } from '../../src/docker/docker.swarm';
import type { HostTarget } from '../../src/docker/docker.types';
import type { SwarmTaskSnapshot } from '../../src/docker/swarm.types';
import { createLogger } from '../../src/log/logger';
import { loadFleet } from '../support/fleet';
import { PrivateDaemon } from '../support/private-daemon';
import { waitFor } from '../support/wait';

/**
 * The swarm adapter against a real single-node swarm: a private dockerd (its own netns, loopback only, no bridge)
 * that this test makes a swarm manager of. A missing fleet or private daemon fails the test (PrivateDaemon.start and
 * loadFleet throw); nothing here skips.
 */
describe(DockerSwarm.name, () => {
  jest.setTimeout(120_000);
  let daemon: PrivateDaemon;
  let pool: DockerClientPool;
  let swarm: DockerSwarm;
  let target: HostTarget;
  const image = () => loadFleet().image;

  beforeAll(async () => {
    daemon = await PrivateDaemon.start();
    pool = new DockerClientPool({ timeoutMs: 20_000, logger: createLogger({ level: 'silent' }) });
    swarm = new DockerSwarm(pool);
    target = { hostId: daemon.name, apiEndpoint: daemon.endpoint, tlsVerify: true, fingerprint: daemon.endpoint };
  }, 120_000);
  afterAll(async () => {
    pool?.close();
    await daemon?.stop();
  }, 120_000);

  const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof DomainError ? error.code : String(error)));

  it('reads a daemon in no swarm as inactive, and refuses manager reads with NOT_SWARM_MANAGER', async () => {
    const info = await swarm.swarmInfo(target);
    expect(info).toMatchObject({ localNodeState: 'inactive', controlAvailable: false, nodeId: null, clusterId: null, managers: 0, nodes: 0 });
    expect(await codeOf(swarm.listNodes(target))).toBe('NOT_SWARM_MANAGER');
    expect(await codeOf(swarm.listServices(target))).toBe('NOT_SWARM_MANAGER');
  });

  describe('on a single-node swarm', () => {
    let nodeId: string;
    beforeAll(async () => {
      const started = Date.now();
      nodeId = await swarm.initSwarm(target, { advertiseAddr: '127.0.0.1' });
      console.log(`swarm init: ${Date.now() - started} ms`);
    });

    it('reports the swarm active with one manager, the leader', async () => {
      const info = await swarm.swarmInfo(target);
      expect(info).toMatchObject({ localNodeState: 'active', controlAvailable: true, nodeId, managers: 1, nodes: 1, error: null });
      expect(info.clusterId).toBeTruthy();
      const inspect = await swarm.inspectSwarm(target);
      expect(inspect.id).toBe(info.clusterId);
      expect(JSON.stringify(inspect)).not.toMatch(/SWMTKN/);
      const nodes = await swarm.listNodes(target);
      expect(nodes).toHaveLength(1);
      expect(nodes[0]).toMatchObject({ dockerId: nodeId, role: 'manager', leader: true, managerReachability: 'reachable', state: 'ready', availability: 'active' });
      expect(nodes[0]!.nanoCpus).toBeGreaterThan(0);
      expect(await swarm.inspectNode(target, nodeId)).toEqual(nodes[0]);
      expect(await swarm.inspectNode(target, 'nosuchnode0000000000000000')).toBeNull();
      expect(await swarm.inspectService(target, 'nosuchservice00000000000000')).toBeNull();
      const networks = await swarm.listSwarmNetworks(target);
      expect(networks.map((n) => [n.name, n.driver, n.scope])).toEqual([['ingress', 'overlay', 'swarm']]);
    });

    describe('a replicated service', () => {
      let serviceId: string;
      const envOf = (spec: Record<string, any>) => (spec.TaskTemplate.ContainerSpec.Env ?? []) as string[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      const tasks = () => swarm.listTasks(target, { serviceId });
      const running = (list: SwarmTaskSnapshot[]) => list.filter((t) => t.state === 'running' && t.desiredState === 'running');
      /** Until `count` tasks run the current spec and nothing else is meant to run. */
      const converged = (count: number) =>
        waitFor(
          async () => {
            const list = await tasks();
            const current = running(list).filter((t) => t.upToDate);
            return current.length === count && list.filter((t) => t.desiredState === 'running').length === count && list;
          },
          { timeoutMs: 60_000, what: `${count} up-to-date running tasks` },
        );

      beforeAll(async () => {
        const created = await swarm.createService(target, {
          Name: 'sleeper',
          Labels: { 'com.docker.stack.namespace': 'teststack' },
          TaskTemplate: {
            // `sleep` as PID 1 ignores SIGTERM: a 1 s grace period keeps task replacement quick.
            ContainerSpec: { Image: image(), Command: ['sh', '-c', 'echo hello-$VERSION; exec sleep 3600'], Env: ['VERSION=1'], StopGracePeriod: 1_000_000_000 },
          },
          Mode: { Replicated: { Replicas: 2 } },
          UpdateConfig: { Parallelism: 0, Order: 'stop-first', Monitor: 1_000_000_000 },
          RollbackConfig: { Parallelism: 0, Order: 'stop-first', Monitor: 1_000_000_000 },
        });
        serviceId = created.id;
        expect(serviceId).toMatch(/^[0-9a-z]{25}$/);
        expect(Array.isArray(created.warnings)).toBe(true);
      });

      it('runs two up-to-date tasks, seen in the service list with its status', async () => {
        const started = Date.now();
        const list = await converged(2);
        console.log(`service create -> 2 running: ${Date.now() - started} ms`);
        for (const task of running(list)) expect(task).toMatchObject({ serviceId, nodeId, image: image(), error: null, upToDate: true });
        expect(running(list).map((t) => t.slot).sort()).toEqual([1, 2]);
        expect(running(list).every((t) => t.containerId)).toBe(true);
        const services = await waitFor(async () => {
          const all = await swarm.listServices(target);
          return all[0]?.runningTasks === 2 && all;
        });
        expect(services).toHaveLength(1);
        expect(services[0]).toMatchObject({ dockerId: serviceId, name: 'sleeper', image: image(), mode: 'replicated', replicas: 2, stackNamespace: 'teststack', runningTasks: 2, desiredTasks: 2, previousSpec: null });
        expect((await swarm.listServices(target, { labels: ['com.docker.stack.namespace=other'] })).length).toBe(0);
        const logs = await waitFor(async () => {
          const read = await swarm.serviceLogs(target, serviceId, { tail: 10 });
          return read.lines.filter((l) => l.line.includes('hello-1')).length === 2 && read;
        });
        expect(logs.truncated).toBe(false);
        // Each line says which task wrote it, on which node; the details prefix is taken off the message.
        const hello = logs.lines.filter((l) => l.line.includes('hello-1'));
        expect(hello.map((l) => l.line)).toEqual(['hello-1', 'hello-1']);
        expect(hello.map((l) => l.taskId).sort()).toEqual(running(list).map((t) => t.dockerId).sort());
        expect(hello.every((l) => l.stream === 'stdout' && l.nodeId === nodeId)).toBe(true);
        const stamped = await swarm.serviceLogs(target, serviceId, { tail: 10, timestamps: true });
        expect(stamped.lines.find((l) => l.line.endsWith('hello-1'))?.line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z hello-1$/);
      });

      it('replaces the tasks on an env change: new ones up to date, the old ones not', async () => {
        const before = running(await converged(2)).map((t) => t.dockerId);
        const follow = await swarm.followServiceLogs(target, serviceId);
        try {
          await swarm.updateService(target, serviceId, (spec) => {
            (spec as any).TaskTemplate.ContainerSpec.Env = ['VERSION=2']; // eslint-disable-line @typescript-eslint/no-explicit-any
            return spec;
          });
          const after = await converged(2);
          const current = running(after);
          expect(current.map((t) => t.dockerId).some((id) => before.includes(id))).toBe(false);
          const old = after.filter((t) => before.includes(t.dockerId));
          expect(old.length).toBe(2);
          expect(old.every((t) => !t.upToDate && t.desiredState === 'shutdown')).toBe(true);
          const service = (await swarm.inspectService(target, serviceId))!;
          expect(envOf(service.spec)).toEqual(['VERSION=2']);
          expect(envOf(service.previousSpec!)).toEqual(['VERSION=1']);
          // The new tasks' output reaches the follower.
          const seen: string[] = [];
          const deadline = setTimeout(() => void follow.return?.(), 30_000); // ends the loop: the expect below fails
          for await (const line of follow) {
            if (line.line === 'hello-2' && current.some((t) => t.dockerId === line.taskId)) seen.push(line.taskId!);
            if (seen.length === 2) break;
          }
          clearTimeout(deadline);
          expect(new Set(seen).size).toBe(2);
        } finally {
          await follow.return?.();
        }
      });

      it('applies a concurrent scale and env update, both', async () => {
        const before = (await swarm.inspectService(target, serviceId))!.versionIndex;
        await Promise.all([
          swarm.updateService(target, serviceId, (spec) => ({ ...spec, Mode: { Replicated: { Replicas: 3 } } })),
          swarm.updateService(target, serviceId, (spec) => {
            (spec as any).TaskTemplate.ContainerSpec.Env = ['VERSION=3']; // eslint-disable-line @typescript-eslint/no-explicit-any
            return spec;
          }),
        ]);
        const service = (await swarm.inspectService(target, serviceId))!;
        expect(service.replicas).toBe(3);
        expect(envOf(service.spec)).toEqual(['VERSION=3']);
        expect(service.versionIndex).toBeGreaterThan(before);
        await converged(3);
      });

      it('rolls back to the previous spec', async () => {
        const service = (await swarm.inspectService(target, serviceId))!;
        const previous = service.previousSpec!;
        await swarm.updateService(target, serviceId, (spec) => spec, { rollback: 'previous' });
        const rolled = (await swarm.inspectService(target, serviceId))!;
        expect(rolled.spec).toEqual(previous);
        expect(rolled.updateState).toMatch(/^rollback_/);
        expect(rolled.updateMessage).toMatch(/rollback/);
        await converged(rolled.replicas!);
      });

      it('redeploys with forceUpdate, and names a missing service NOT_FOUND', async () => {
        const before = running(await tasks()).map((t) => t.dockerId);
        const force = (await swarm.inspectService(target, serviceId))!.spec as any; // eslint-disable-line @typescript-eslint/no-explicit-any
        await swarm.updateService(target, serviceId, (spec) => spec, { forceUpdate: true });
        const after = (await swarm.inspectService(target, serviceId))!.spec as any; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(after.TaskTemplate.ForceUpdate).toBe((force.TaskTemplate.ForceUpdate ?? 0) + 1);
        const list = await converged(before.length);
        expect(running(list).some((t) => before.includes(t.dockerId))).toBe(false);
        expect(await codeOf(swarm.updateService(target, 'nosuchservice00000000000000', (spec) => spec))).toBe('NOT_FOUND');
      });

      it('refuses a rollback of a service that has no previous spec', async () => {
        const { id } = await swarm.createService(target, { Name: 'fresh', TaskTemplate: { ContainerSpec: { Image: image(), Command: ['true'] } }, Mode: { Replicated: { Replicas: 0 } } });
        const refused = (await swarm.updateService(target, id, (spec) => spec, { rollback: 'previous' }).catch((error: unknown) => error)) as DomainError;
        expect(refused).toBeInstanceOf(DomainError);
        expect(refused.code).toBe('CONFLICT');
        expect(refused.details.statusCode).toBe(500);
        expect(refused.message).toMatch(/does not have a previous spec/);
        await swarm.removeService(target, id);
      });

      it('removes the service and its tasks', async () => {
        await swarm.removeService(target, serviceId);
        expect(await swarm.inspectService(target, serviceId)).toBeNull();
        expect(await swarm.listServices(target)).toEqual([]);
        await waitFor(async () => (await daemon.docker.listContainers()).length === 0, { timeoutMs: 30_000, what: 'the tasks\' containers to go' });
      });
    });

    it('creates secrets and configs, updates their labels and removes them, never returning their data', async () => {
      const data = 'the-secret-data-4711';
      const secretId = await swarm.createSecret(target, { name: 'db_password', data: Buffer.from(data), labels: { a: '1' } });
      const configId = await swarm.createConfig(target, { name: 'app_config', data: Buffer.from(data), labels: { a: '1' } });
      const [secrets, configs] = await Promise.all([swarm.listSecrets(target), swarm.listConfigs(target)]);
      expect(secrets).toEqual([expect.objectContaining({ dockerId: secretId, name: 'db_password', labels: { a: '1' } })]);
      expect(configs).toEqual([expect.objectContaining({ dockerId: configId, name: 'app_config', labels: { a: '1' } })]);
      const leaked = (value: unknown) => JSON.stringify(value).includes(data) || JSON.stringify(value).includes(Buffer.from(data).toString('base64'));
      expect(leaked(secrets) || leaked(configs)).toBe(false);
      expect(await swarm.inspectSecret(target, 'db_password')).toEqual(secrets[0]);
      expect(await swarm.inspectConfig(target, configId)).toEqual(configs[0]);
      expect(leaked(await swarm.inspectConfig(target, configId))).toBe(false);
      expect(await swarm.inspectSecret(target, 'nosuchsecret')).toBeNull();
      expect(await swarm.listSecrets(target, { labels: ['a=1'] })).toHaveLength(1);
      expect(await swarm.listSecrets(target, { labels: ['a=2'] })).toHaveLength(0);

      await swarm.updateSecretLabels(target, secretId, { a: '2', rotated: 'no' });
      await swarm.updateConfigLabels(target, configId, { a: '2' });
      const [secret] = await swarm.listSecrets(target);
      const [config] = await swarm.listConfigs(target);
      expect(secret).toMatchObject({ labels: { a: '2', rotated: 'no' } });
      expect(secret!.versionIndex).toBeGreaterThan(secrets[0]!.versionIndex);
      expect(config).toMatchObject({ labels: { a: '2' } });
      expect(leaked(secret) || leaked(config)).toBe(false);

      await swarm.removeSecret(target, secretId);
      await swarm.removeConfig(target, configId);
      expect(await swarm.listSecrets(target)).toEqual([]);
      expect(await swarm.listConfigs(target)).toEqual([]);
      expect(await codeOf(swarm.removeSecret(target, secretId))).toBe('NOT_FOUND');
    });

    it('updates node labels and the swarm spec at their current versions, and rotates a join token', async () => {
      await Promise.all([
        swarm.updateNode(target, nodeId, (spec) => ({ ...spec, Labels: { ...(spec.Labels as object), zone: 'a' } })),
        swarm.updateNode(target, nodeId, (spec) => ({ ...spec, Labels: { ...(spec.Labels as object), disk: 'ssd' } })),
      ]);
      expect((await swarm.inspectNode(target, nodeId))!.labels).toEqual({ zone: 'a', disk: 'ssd' });
      const tokens = await swarm.joinTokens(target);
      expect(tokens.worker).toMatch(/^SWMTKN-/);
      expect(tokens.manager).toMatch(/^SWMTKN-/);
      await swarm.updateSwarm(target, (spec) => ({ ...spec, Orchestration: { TaskHistoryRetentionLimit: 3 } }), { rotateWorkerToken: true });
      const rotated = await swarm.joinTokens(target);
      expect(rotated.worker).not.toBe(tokens.worker);
      expect(rotated.manager).toBe(tokens.manager);
      expect((await swarm.inspectSwarm(target)).spec).toMatchObject({ Orchestration: { TaskHistoryRetentionLimit: 3 } });
      // Joining a daemon that is already in a swarm is refused, and the token is not in the error.
      const refused = await swarm.joinSwarm(target, { remoteAddrs: ['127.0.0.1:2377'], joinToken: rotated.worker, advertiseAddr: '127.0.0.1' }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('CONFLICT');
      expect(JSON.stringify({ message: (refused as DomainError).message, details: (refused as DomainError).details })).not.toContain(rotated.worker);
    });

    it('leaves the swarm with force: inactive again', async () => {
      expect(await codeOf(swarm.leaveSwarm(target, false))).not.toBe('resolved'); // the last manager needs force
      await swarm.leaveSwarm(target, true);
      expect(await swarm.swarmInfo(target)).toMatchObject({ localNodeState: 'inactive', controlAvailable: false });
      expect(await codeOf(swarm.listNodes(target))).toBe('NOT_SWARM_MANAGER');
    });
  });
});

export type { SwarmTaskSnapshot };
