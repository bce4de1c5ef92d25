import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { Permission } from '../../src/auth/permissions';
import {
  ActivitiesDocument,
  ActivityOutcome,
  CreateSwarmServiceDocument,
  DockerHostEnvironment,
  DockerHostStatus,
  MountType,
  RedeploySwarmServiceDocument,
  RegisterSwarmClusterDocument,
  RemoveSwarmServiceDocument,
  RollbackSwarmServiceDocument,
  ScaleSwarmServiceDocument,
  SwarmServiceChangedDocument,
  SwarmServiceLogsDocument,
  SwarmServiceLogStreamDocument,
  SwarmFailureAction,
  SwarmPublishMode,
  SwarmServiceModeInput,
  SwarmUpdateOrder,
  SwarmServiceWithTasksDocument,
  SwarmTasksDocument,
  UpdateSwarmServiceDocument,
  type SwarmServiceChangedSubscription,
  type SwarmServiceLogStreamSubscription,
  type SwarmServiceSpecInput,
} from '../generated/graphql';
import { codeOf, newAccountId, TestServer } from '../support/harness';
import { loadSwarmFleet, swarmDocker, swarmNode, type SwarmFleet } from '../support/fleet';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Services through the API on the fleet's real swarm (the seed's ServiceManager): the typed spec as the Engine holds
 * it, names resolved on the cluster, read-modify-writes that lose nothing, the workload policy, rollback, logs, task
 * errors, a host-mode port serving v1 -> v2 -> v1, and live convergence. The sync worker runs (isolated database), so tasks are polled while services converge.
 */
describe('swarm services on the fleet swarm', () => {
  let server: TestServer;
  let swarm: SwarmFleet;
  let s1: Docker;
  let token: string;
  let unprivileged: string;
  let clusterId: string;
  const run = randomUUID().slice(0, 8);
  const runLabel = { 'test.services.run': run };
  const networkName = `svc-net-${run}`;
  const secretName = `svc-secret-${run}`;
  let networkId: string;
  let secretId: string;
  let counter = 0;
  const accountId = newAccountId();

  beforeAll(async () => {
    swarm = loadSwarmFleet();
    s1 = swarmDocker(swarm, 's1');
    networkId = ((await s1.createNetwork({ Name: networkName, Driver: 'overlay', Attachable: true, Labels: runLabel })) as unknown as { id: string }).id;
    secretId = ((await s1.createSecret({ Name: secretName, Labels: runLabel, Data: Buffer.from('s3cret').toString('base64') })) as unknown as { id: string }).id;
    server = await TestServer.syncing({ LIVE_STREAMS_PER_SOCKET: '2' }, { logLevel: 'warn' });
    token = await server.token({ accountId });
    unprivileged = await server.token({ accountId, permissions: [Permission.SwarmClustersManage, Permission.SwarmClustersRead] });
    const { registerSwarmCluster } = await server.ok(RegisterSwarmClusterDocument, { input: { name: `services-${run}`, environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, token);
    expect(registerSwarmCluster.status).toBe(DockerHostStatus.Connected);
    clusterId = registerSwarmCluster.id;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (!s1) return;
    const leftovers = await s1.listServices({ filters: { label: [`test.services.run=${run}`] } });
    for (const service of leftovers) await s1.getService(service.ID!).remove().catch(() => undefined);
    await s1.getSecret(secretId).remove().catch(() => undefined);
    // A network stays in use until the removed services' tasks are gone on their nodes.
    await waitFor(() => s1.getNetwork(networkId).remove().then(() => true), { what: `network ${networkName} to be removable`, timeoutMs: 30_000 }).catch(() => undefined);
  }, 60_000);

  const named = (prefix: string) => `${prefix}-${run}-${++counter}`;
  const sleeper = (extra: Partial<SwarmServiceSpecInput> = {}): SwarmServiceSpecInput => ({
    name: named('svc'),
    image: 'fleet/busybox:latest',
    command: ['sh', '-c', 'exec sleep 600'],
    labels: runLabel,
    stopGracePeriodSeconds: 1,
    ...extra,
  });
  const create = (spec: SwarmServiceSpecInput, as = token) => server.request(CreateSwarmServiceDocument, { clusterId, spec }, as);
  const created = async (spec: SwarmServiceSpecInput) => (await server.ok(CreateSwarmServiceDocument, { clusterId, spec }, token)).createSwarmService;
  const engine = async (dockerId: string) => (await s1.getService(dockerId).inspect()) as Json;
  const running = (id: string, replicas: number) =>
    waitFor(async () => {
      const { swarmService } = await server.ok(SwarmServiceWithTasksDocument, { id }, token);
      return swarmService.runningTasks === replicas && swarmService;
    }, { what: `${replicas} running tasks`, timeoutMs: 30_000 });

  it('creates a service from the typed spec with a network and a secret by name, answers it fresh, and it converges', async () => {
    const spec = sleeper({
      command: ['sh', '-c', `while true; do echo tick-${run}; sleep 1; done`],
      replicas: 2,
      env: ['MODE=test'],
      containerLabels: { tier: 'test' },
      networks: [{ name: networkName, aliases: ['ticker'] }],
      secrets: [{ name: secretName, target: 'pw', mode: 0o400 }],
      placement: { constraints: ['node.role==manager'] },
      resources: { limits: { memoryBytes: 64 * 1024 * 1024 } },
      updateConfig: { parallelism: 1, delaySeconds: 0.5, failureAction: SwarmFailureAction.Rollback, monitorSeconds: 2, order: SwarmUpdateOrder.StartFirst },
    });
    const started = Date.now();
    const service = await created(spec);
    expect(service).toMatchObject({ name: spec.name, mode: 'replicated', replicas: 2, clusterId, labels: runLabel, warnings: expect.any(Array) });
    const raw = await engine(service.dockerId);
    expect(raw.Spec.TaskTemplate.Networks).toEqual([{ Target: networkId, Aliases: ['ticker'] }]);
    expect(raw.Spec.TaskTemplate.ContainerSpec).toMatchObject({ Env: ['MODE=test'], Labels: { tier: 'test' }, Secrets: [{ SecretID: secretId, SecretName: secretName, File: { Name: 'pw', Mode: 0o400 } }] });
    expect(raw.Spec.UpdateConfig).toMatchObject({ Parallelism: 1, Delay: 5e8, FailureAction: 'rollback', Monitor: 2e9, Order: 'start-first' });
    expect(raw.Spec.TaskTemplate.Resources.Limits).toEqual({ MemoryBytes: 64 * 1024 * 1024 });
    // The answer is the stored row, and it holds the Engine's spec as it is now.
    expect(service.spec).toMatchObject({ TaskTemplate: { Networks: [{ Target: networkId }] } });

    const converged = await running(service.id, 2);
    console.log(`[services] create -> 2 running tasks seen through the API: ${Date.now() - started} ms`);
    expect(converged.tasks.nodes.filter((t) => t.state === 'running' && t.upToDate)).toHaveLength(2);

    // Logs so far, each line with its task and node; then a following stream.
    const logs = await waitFor(async () => {
      const { swarmServiceLogs } = await server.ok(SwarmServiceLogsDocument, { id: service.id, tail: 5 }, token);
      return swarmServiceLogs.lines.some((l) => l.line === `tick-${run}`) && swarmServiceLogs;
    }, { what: 'logged ticks', timeoutMs: 15_000 });
    expect(logs.truncated).toBe(false);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await server.ok(SwarmServiceLogsDocument, { id: service.id, since: future }, token)).swarmServiceLogs.lines).toEqual([]);
    const taskIds = new Set(converged.tasks.nodes.map((t) => t.dockerId));
    expect(logs.lines.every((l) => l.stream === 'STDOUT' && taskIds.has(l.taskId!) && l.nodeId)).toBe(true);
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    try {
      const follow = () => new Collector<SwarmServiceLogStreamSubscription>(subscribe(client, SwarmServiceLogStreamDocument, { id: service.id }));
      const [first, second] = [follow(), follow()];
      for (const lines of [first, second]) {
        const line = await lines.waitFor((m) => m.swarmServiceLogStream.line === `tick-${run}`, { what: 'a followed log line', timeoutMs: 15_000 });
        expect(taskIds.has(line.swarmServiceLogStream.taskId!) && line.swarmServiceLogStream.nodeId).toBeTruthy();
      }
      // Through the live-stream limits: a third follow on the same connection is refused (LIVE_STREAMS_PER_SOCKET=2).
      const third = await subscribe(client, SwarmServiceLogStreamDocument, { id: service.id }).next().then((r) => r.value, (error: unknown) => ({ errors: [].concat(error as never) }));
      expect(JSON.stringify(third)).toMatch(/STREAM_LIMIT_REACHED/);
    } finally {
      await client.dispose();
    }
    // Leaving gives the slots back (the Engine's log streams are closed with them).
    await waitFor(() => server.app.services.streams.inUse(accountId) === 0, { what: 'the log streams to give their slots back' });
  });

  it('refuses unknown names and bad values with BAD_USER_INPUT naming the field, creating nothing', async () => {
    const spec = sleeper({ networks: [{ name: networkName }, { name: `nope-${run}` }] });
    const refused = await create(spec);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.field).toBe('spec.networks[1]');
    expect(refused.errors![0]!.message).toMatch(/no network "nope-.*" on this cluster/);
    const badReplicas = await create(sleeper({ replicas: -2 }));
    expect(badReplicas.errors![0]!.extensions!.field).toBe('spec.replicas');
    const unknownSecret = await create(sleeper({ secrets: [{ name: `nope-${run}` }] }));
    expect(unknownSecret.errors![0]!.extensions!.field).toBe('spec.secrets[0].name');
    expect(await s1.listServices({ filters: { name: [spec.name] } })).toEqual([]);
  });

  it('applies a concurrent scale and env update onto the current spec: both are on the swarm afterwards', async () => {
    const service = await created(sleeper({ replicas: 0, env: ['A=0'] }));
    // Three rounds, each a scale and an env update sent together: every round both land, whichever writes first.
    for (const round of [1, 2, 3]) {
      const [scaled, updated] = await Promise.all([
        server.ok(ScaleSwarmServiceDocument, { id: service.id, replicas: round }, token),
        server.ok(UpdateSwarmServiceDocument, { id: service.id, spec: { env: [`A=${round}`, 'B=3'] } }, token),
      ]);
      expect([scaled.scaleSwarmService.id, updated.updateSwarmService.id]).toEqual([service.id, service.id]);
      const raw = await engine(service.dockerId);
      expect([raw.Spec.Mode, raw.Spec.TaskTemplate.ContainerSpec.Env]).toEqual([{ Replicated: { Replicas: round } }, [`A=${round}`, 'B=3']]);
    }
    // What the API stores says the same.
    const { swarmService } = await server.ok(SwarmServiceWithTasksDocument, { id: service.id }, token);
    expect(swarmService.replicas).toBe(3);
    expect((swarmService.spec as Json).TaskTemplate.ContainerSpec.Env).toEqual(['A=3', 'B=3']);
  });

  it('refuses node-reaching settings without docker.hosts.privileged, and the service does not exist on the swarm', async () => {
    const startedAt = new Date();
    const cases: Array<[Partial<SwarmServiceSpecInput>, string]> = [
      [{ mounts: [{ type: MountType.Bind, source: '/etc', target: '/host-etc', readOnly: true }] }, 'spec.TaskTemplate.ContainerSpec.Mounts[0].Source'],
      [{ networks: [{ name: 'host' }] }, 'spec.TaskTemplate.Networks[0]'],
      [{ capAdd: ['NET_ADMIN'] }, 'spec.TaskTemplate.ContainerSpec.CapabilityAdd'],
      [{ sysctls: { 'net.ipv4.ip_forward': '1' } }, 'spec.TaskTemplate.ContainerSpec.Sysctls'],
    ];
    for (const [extra, field] of cases) {
      const spec = sleeper(extra);
      const refused = await create(spec, unprivileged);
      expect([codeOf(refused), refused.errors![0]!.extensions!.field]).toEqual(['FORBIDDEN', field]);
      expect(refused.errors![0]!.message).toMatch(/docker\.hosts\.privileged/);
      expect(await s1.listServices({ filters: { name: [spec.name] } })).toEqual([]);
    }
    // An update that adds one is refused too, and the Engine's spec is untouched.
    const service = await created(sleeper({ replicas: 0 }));
    const before = await engine(service.dockerId);
    const refused = await server.request(UpdateSwarmServiceDocument, { id: service.id, spec: { mounts: [{ type: MountType.Bind, source: '/', target: '/host' }] } }, unprivileged);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect((await engine(service.dockerId)).Version.Index).toBe(before.Version.Index);
    // With the permission, the same bind mount is created.
    const allowed = await create(sleeper({ replicas: 0, mounts: [{ type: MountType.Bind, source: '/etc', target: '/host-etc', readOnly: true }] }));
    expect(allowed.errors).toBeUndefined();
    // Every refusal is on the account's audit trail, as is the success.
    const { activities } = await server.ok(ActivitiesDocument, { filter: { action: 'createSwarmService', since: startedAt.toISOString() }, first: 50 }, token);
    expect(activities.nodes.filter((a) => a.errorCode === 'FORBIDDEN' && a.outcome === ActivityOutcome.Denied)).toHaveLength(cases.length);
    expect(activities.nodes.filter((a) => a.outcome === ActivityOutcome.Success).map((a) => a.targetId)).toContain(allowed.data!.createSwarmService.id);
  });

  it('rolls back natively (CONFLICT without a previous spec), redeploys with ForceUpdate + 1, refuses to scale a global service', async () => {
    const service = await created(sleeper({ replicas: 0, env: ['V=1'] }));
    const none = await server.request(RollbackSwarmServiceDocument, { id: service.id }, token);
    expect(codeOf(none)).toBe('CONFLICT');
    expect(none.errors![0]!.message).toMatch(/no previous spec/);
    await server.ok(UpdateSwarmServiceDocument, { id: service.id, spec: { env: ['V=2'] } }, token);
    const { rollbackSwarmService } = await server.ok(RollbackSwarmServiceDocument, { id: service.id }, token);
    expect((rollbackSwarmService.spec as Json).TaskTemplate.ContainerSpec.Env).toEqual(['V=1']);
    const raw = await engine(service.dockerId);
    expect(raw.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['V=1']);
    expect(raw.PreviousSpec.TaskTemplate.ContainerSpec.Env).toEqual(['V=2']);

    const force = raw.Spec.TaskTemplate.ForceUpdate ?? 0;
    await server.ok(RedeploySwarmServiceDocument, { id: service.id }, token);
    expect((await engine(service.dockerId)).Spec.TaskTemplate.ForceUpdate).toBe(force + 1);

    const global = await created(sleeper({ mode: SwarmServiceModeInput.Global, placement: { constraints: ['node.labels.fleet.node==s4'] } }));
    const scaled = await server.request(ScaleSwarmServiceDocument, { id: global.id, replicas: 3 }, token);
    expect(codeOf(scaled)).toBe('BAD_USER_INPUT');
    expect(scaled.errors![0]!.message).toMatch(/global service/);
    expect((await engine(global.dockerId)).Spec.Mode).toEqual({ Global: {} });

    // Another account cannot touch it.
    expect(codeOf(await server.request(ScaleSwarmServiceDocument, { id: service.id, replicas: 1 }, await server.token()))).toBe('NOT_FOUND');
    expect((await server.ok(RemoveSwarmServiceDocument, { id: service.id }, token)).removeSwarmService).toBe(service.id);
    expect(codeOf(await server.request(SwarmServiceWithTasksDocument, { id: service.id }, token))).toBe('NOT_FOUND');
    await expect(engine(service.dockerId)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('publishes a host-mode port, updates the image to v2 and rolls it back to v1, as the port serves it', async () => {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const service = await created({
      name: named('web'),
      image: swarm.web.v1,
      labels: runLabel,
      // A published port needs an overlay network (the fleet's daemons have no default bridge).
      networks: [{ name: networkName }],
      ports: [{ target: 8080, published: port, mode: SwarmPublishMode.Host }],
      placement: { constraints: ['node.labels.fleet.node==s4'] },
      updateConfig: { parallelism: 1, order: SwarmUpdateOrder.StopFirst },
      stopGracePeriodSeconds: 1,
    });
    expect((await engine(service.dockerId)).Spec.EndpointSpec.Ports).toEqual([{ Protocol: 'tcp', TargetPort: 8080, PublishedPort: port, PublishMode: 'host' }]);
    const url = `http://${swarmNode(swarm, 's4').address}:${port}/`;
    const serves = (body: string) =>
      waitFor(() => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => (r.ok ? r.text() : undefined)).then((t) => t === body), { what: `${url} to serve ${body.trim()}`, timeoutMs: 30_000 });
    await serves('v1\n');
    const { updateSwarmService } = await server.ok(UpdateSwarmServiceDocument, { id: service.id, spec: { image: swarm.web.v2 } }, token);
    expect(updateSwarmService).toMatchObject({ image: expect.stringContaining('v2'), previousSpec: { TaskTemplate: { ContainerSpec: { Image: expect.stringContaining('v1') } } } });
    await serves('v2\n');
    await server.ok(RollbackSwarmServiceDocument, { id: service.id }, token);
    await serves('v1\n');
    // The image was all that changed: the port and placement are the Engine's as they were.
    const raw = await engine(service.dockerId);
    expect(raw.Spec.EndpointSpec.Ports[0].PublishedPort).toBe(port);
    expect(raw.Spec.TaskTemplate.Placement.Constraints).toEqual(['node.labels.fleet.node==s4']);
  });

  it("shows a failing task's error for a missing image, in swarmTasks and SwarmService.tasks", async () => {
    const service = await created(sleeper({ image: '127.0.0.1:5000/nope:1', replicas: 1, placement: { constraints: ['node.labels.fleet.node==s4'] } }));
    const started = Date.now();
    // No explicit sync: the worker polls tasks while the service has not converged.
    const failed = await waitFor(async () => {
      const { swarmTasks } = await server.ok(SwarmTasksDocument, { filter: { serviceId: service.dockerId }, first: 10 }, token);
      return swarmTasks.nodes.find((t) => t.error);
    }, { what: 'a task error', timeoutMs: 30_000 });
    console.log(`[services] missing image -> task error seen through the API: ${Date.now() - started} ms (${failed.error})`);
    expect(failed.error).toMatch(/No such image|nope|not found|manifest unknown|pull/i);
    expect(failed.error).toMatch(/127\.0\.0\.1:5000\/nope:1/);
    const { swarmService } = await server.ok(SwarmServiceWithTasksDocument, { id: service.id }, token);
    expect(swarmService.tasks.nodes.some((t) => t.error && /127\.0\.0\.1:5000\/nope:1/.test(t.error))).toBe(true);
    await server.ok(RemoveSwarmServiceDocument, { id: service.id }, token);
  });

  it('streams runningTasks going 0 -> 2 on swarmServiceChanged after a scale, within seconds', async () => {
    const service = await created(sleeper({ replicas: 0 }));
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    try {
      const changes = new Collector<SwarmServiceChangedSubscription>(subscribe(client, SwarmServiceChangedDocument, { clusterId }));
      const ours = (m: SwarmServiceChangedSubscription) => m.swarmServiceChanged.object.id === service.id;
      // Subscriptions register asynchronously: label updates probe until one of ours arrives, then it is live.
      let probe = 0;
      await waitFor(async () => {
        await server.ok(UpdateSwarmServiceDocument, { id: service.id, spec: { labels: { ...runLabel, probe: String(++probe) } } }, token);
        return changes.waitFor(ours, { timeoutMs: 1_000 }).then(() => true, () => false);
      }, { what: 'the subscription to be live', timeoutMs: 20_000 });
      const scaledAt = Date.now();
      await server.ok(ScaleSwarmServiceDocument, { id: service.id, replicas: 2 }, token);
      const seen = await changes.waitFor((m) => ours(m) && m.swarmServiceChanged.object.runningTasks === 2, { what: 'runningTasks 2', timeoutMs: 15_000 });
      console.log(`[services] scale 0 -> 2: runningTasks 2 on swarmServiceChanged after ${Date.now() - scaledAt} ms`);
      expect(seen.swarmServiceChanged).toMatchObject({ clusterId, change: 'UPDATED', object: { replicas: 2, desiredTasks: 2 } });
      const counts = changes.messages.filter(ours).map((m) => m.swarmServiceChanged.object.runningTasks);
      expect(counts[0]).toBe(0);
    } finally {
      await client.dispose();
    }
  });
});
