import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { randomUUID } from 'node:crypto';
import {
  ActivitiesDocument,
  ContainerDocument,
  ContainerLogStreamDocument,
  ContainerLogsDocument,
  ContainerStateChangedDocument,
  ContainerStatsDocument,
  CreateContainerDocument,
  DockerHostEnvironment,
  ExecInContainerDocument,
  MountType,
  RegisterDockerHostDocument,
  RemoveContainerDocument,
  RestartContainerDocument,
  SetDockerHostMaintenanceDocument,
  StartContainerDocument,
  StopContainerDocument,
  type ContainerLogStreamSubscription,
  type ContainerStateChangedSubscription,
  type ContainerStatsSubscription,
  type CreateContainerInput,
} from '../generated/graphql';
import { fleetDocker, loadFleet, type Fleet } from '../support/fleet';
import { TestServer, codeOf, newAccountId, registerFleetHost } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { Collector, waitFor } from '../support/wait';

/** The seed's ContainerManager through GraphQL, on the mutual-TLS fleet host (the production setup). */
describe('container operations on the real fleet', () => {
  let fleet: Fleet;
  let server: TestServer;
  let token: string;
  let hostId: string;
  const accountId = newAccountId();
  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.syncing();
    token = await server.token({ accountId });
    hostId = await registerFleetHost(server, token, 'tls', 'ops-tls');
    await waitFor(() => server.app.syncWorker.supervisor(hostId)?.streaming, { what: 'the event stream' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const named = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  const create = (input: Partial<CreateContainerInput>, as = token) =>
    server.request(CreateContainerDocument, { hostId, input: { image: fleet.image, network: 'none', ...input } as CreateContainerInput }, as);

  it('runs the whole lifecycle, each step in the inventory and on containerStateChanged as the mutation answers', async () => {
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const changes = new Collector<ContainerStateChangedSubscription>(subscribe(client, ContainerStateChangedDocument, { hostId }));
    const name = named('life');
    try {
      // Subscriptions register asynchronously: create probes until one is seen, then the subscription is live.
      await waitFor(async () => {
        const probe = named('probe');
        const made = await create({ name: probe, command: ['true'] });
        await changes.waitFor((m) => m.containerStateChanged.container.name === probe, { timeoutMs: 500 }).catch(() => undefined);
        await server.request(RemoveContainerDocument, { id: made.data!.createContainer.id }, token);
        return changes.messages.length > 0;
      }, { what: 'the subscription' });

      const { createContainer } = await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name, network: 'none', command: ['sh', '-c', 'echo out; echo err >&2; exec sleep 300'], labels: { team: 'ops' } } }, token);
      expect(createContainer).toMatchObject({ name, state: 'CREATED', labels: { team: 'ops' }, hostId });
      await changes.waitFor((m) => m.containerStateChanged.container.name === name && m.containerStateChanged.state === 'CREATED');
      const id = createContainer.id;

      expect((await server.ok(StartContainerDocument, { id }, token)).startContainer).toMatchObject({ state: 'RUNNING', exitCode: null });
      await changes.waitFor((m) => m.containerStateChanged.container.name === name && m.containerStateChanged.state === 'RUNNING');

      expect((await server.ok(StopContainerDocument, { id, timeoutSeconds: 1 }, token)).stopContainer).toMatchObject({ state: 'EXITED', exitCode: 137 });
      await changes.waitFor((m) => m.containerStateChanged.container.name === name && m.containerStateChanged.state === 'EXITED');

      expect((await server.ok(RestartContainerDocument, { id }, token)).restartContainer).toMatchObject({ state: 'RUNNING' });
      const refused = await server.request(RemoveContainerDocument, { id }, token);
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(/running container/i);

      expect((await server.ok(RemoveContainerDocument, { id, force: true }, token)).removeContainer).toBe(id);
      await changes.waitFor((m) => m.containerStateChanged.container.name === name && m.containerStateChanged.removed);
      expect(codeOf(await server.request(ContainerDocument, { id }, token))).toBe('NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });

  it('reads logs apart, follows new lines, runs commands with exit codes and timeouts, and streams stats', async () => {
    const { createContainer } = await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name: named('io'), network: 'none', command: ['sh', '-c', 'echo out; echo err >&2; exec sleep 300'] } }, token);
    const id = createContainer.id;
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    try {
      await server.ok(StartContainerDocument, { id }, token);
      const logs = await waitFor(async () => {
        const { containerLogs } = await server.ok(ContainerLogsDocument, { id }, token);
        return containerLogs.stdout && containerLogs.stderr && containerLogs;
      }, { what: 'the first log lines' });
      expect(logs).toEqual({ stdout: 'out\n', stderr: 'err\n', truncated: false });
      expect((await server.ok(ContainerLogsDocument, { id, tail: 0 }, token)).containerLogs).toMatchObject({ stdout: '', stderr: '' });

      const exec = (command: string[], timeoutSeconds?: number) => server.ok(ExecInContainerDocument, { id, command, timeoutSeconds }, token);
      expect((await exec(['sh', '-c', 'echo hi; echo bad >&2; exit 3'])).execInContainer).toEqual({ exitCode: 3, stdout: 'hi\n', stderr: 'bad\n', timedOut: false, truncated: false });
      expect((await exec(['sleep', '10'], 1)).execInContainer).toMatchObject({ exitCode: null, timedOut: true });
      expect(codeOf(await server.request(ExecInContainerDocument, { id, command: ['true'], timeoutSeconds: 0 }, token))).toBe('BAD_USER_INPUT');

      const lines = new Collector<ContainerLogStreamSubscription>(subscribe(client, ContainerLogStreamDocument, { id }));
      const marker = named('line');
      await waitFor(async () => {
        await exec(['sh', '-c', `echo ${marker} > /proc/1/fd/1; echo ${marker}-err > /proc/1/fd/2`]);
        return lines.messages.some((m) => m.containerLogStream.line === marker);
      }, { what: 'a followed log line' });
      await lines.waitFor((m) => m.containerLogStream.line === `${marker}-err` && m.containerLogStream.stream === 'STDERR');

      const stats = new Collector<ContainerStatsSubscription>(subscribe(client, ContainerStatsDocument, { id }));
      const frame = (await stats.waitFor(() => true, { what: 'a stats frame' })).containerStats;
      expect(frame.memoryBytes).toBeGreaterThan(0);
      expect(frame.memoryBytes).toBeLessThan(frame.memoryLimitBytes ?? Number.MAX_SAFE_INTEGER);
      expect(frame.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(frame.cpuPercent).toBeLessThan(400);
      await stats.waitFor(() => stats.messages.length >= 2, { what: 'a second frame, about a second later' });
      expect(Date.parse(stats.messages[1]!.containerStats.at) - Date.parse(stats.messages[0]!.containerStats.at)).toBeGreaterThan(500);
    } finally {
      await client.dispose();
      await server.request(RemoveContainerDocument, { id, force: true }, token);
    }
  });

  it('names what is wrong: missing image, taken name, unknown id, bad input, a host that is not CONNECTED', async () => {
    const missing = await create({ image: 'fleet/nope:404' });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors?.[0]?.message).toContain('fleet/nope:404');

    const name = named('taken');
    const first = (await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name, network: 'none' } }, token)).createContainer;
    const again = await create({ name });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain(name);
    await server.ok(RemoveContainerDocument, { id: first.id }, token);

    expect(codeOf(await server.request(StartContainerDocument, { id: randomUUID() }, token))).toBe('NOT_FOUND');
    const bad = await create({ ports: [{ containerPort: 70000 }] });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ports[0].containerPort' });

    const other = await server.token();
    const input = { name: 'parked', apiEndpoint: fleet.tcpEndpoint, environment: DockerHostEnvironment.Development };
    const parked = (await server.ok(RegisterDockerHostDocument, { input }, other)).registerDockerHost;
    await server.ok(SetDockerHostMaintenanceDocument, { id: parked.id, enabled: true }, other);
    const unavailable = await server.request(CreateContainerDocument, { hostId: parked.id, input: { image: fleet.image } }, other);
    expect(codeOf(unavailable)).toBe('HOST_UNAVAILABLE');
  });

  it('refuses each host-reaching setting without docker.hosts.privileged, naming it, and allows it with the permission', async () => {
    const plain = await server.token({ accountId, permissions: ['docker.hosts.manage'] });
    const privileged = await server.token({ accountId, permissions: ['docker.hosts.manage', 'docker.hosts.privileged'] });
    const cases: Array<[string, Partial<CreateContainerInput>]> = [
      ['privileged', { privileged: true }],
      ['capAdd', { capAdd: ['NET_ADMIN'] }],
      ['devices', { devices: ['/dev/null:/dev/extra-null'] }],
      ['pidMode', { pidMode: 'host' }],
      ['ipcMode', { ipcMode: 'host' }],
      ['network', { network: 'host' }],
      ['securityOpt', { securityOpt: ['seccomp=unconfined'] }],
      ['securityOpt', { securityOpt: ['apparmor=unconfined'] }],
      ['mounts[0].source', { mounts: [{ type: MountType.Bind, source: '/etc', target: '/host-etc', readOnly: true }] }],
      ['mounts[0].source', { mounts: [{ type: MountType.Bind, source: '/var/run/docker.sock', target: '/var/run/docker.sock' }] }],
    ];
    for (const [field, settings] of cases) {
      const refused = await create(settings, plain);
      expect({ field, code: codeOf(refused), named: refused.errors?.[0]?.extensions?.field }).toEqual({ field, code: 'FORBIDDEN', named: field });
      const allowed = await create(settings, privileged);
      expect({ field, errors: allowed.errors }).toEqual({ field, errors: undefined });
      await server.ok(RemoveContainerDocument, { id: allowed.data!.createContainer.id }, privileged);
    }
    // A named volume is no host path: allowed to anyone who may manage the host.
    const volumeName = named('data');
    const volume = await create({ mounts: [{ type: MountType.Volume, source: volumeName, target: '/data' }] }, plain);
    expect(volume.errors).toBeUndefined();
    await server.ok(RemoveContainerDocument, { id: volume.data!.createContainer.id }, plain);
    await fleetDocker(fleet, 'tls').getVolume(volumeName).remove(); // a named volume outlives its container
  });

  it('lets neither read-only tokens nor other accounts operate, and audits parameters with secrets redacted', async () => {
    const { createContainer } = await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name: named('audit'), network: 'none', env: ['API_TOKEN=s3cr3t-value', 'MODE=x'] } }, token);
    const reader = await server.token({ accountId, permissions: ['docker.hosts.read'] });
    const stranger = await server.token();
    for (const document of [StartContainerDocument, RestartContainerDocument, RemoveContainerDocument] as Array<TypedDocumentNode<unknown, { id: string }>>) {
      expect(codeOf(await server.request(document, { id: createContainer.id }, reader))).toBe('FORBIDDEN');
      expect(codeOf(await server.request(document, { id: createContainer.id }, stranger))).toBe('NOT_FOUND');
    }
    expect(codeOf(await server.request(ExecInContainerDocument, { id: createContainer.id, command: ['true'] }, reader))).toBe('FORBIDDEN');
    expect(codeOf(await server.request(ContainerLogsDocument, { id: createContainer.id }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await create({}, reader))).toBe('FORBIDDEN');
    await server.ok(RemoveContainerDocument, { id: createContainer.id, force: true }, token);

    const { activities } = await server.ok(ActivitiesDocument, { first: 50 }, token);
    const created = activities.nodes.find((a) => a.action === 'createContainer' && a.targetId === createContainer.id);
    expect(created?.parameters).toMatchObject({ hostId, input: { env: ['API_TOKEN=[redacted]', 'MODE=[redacted]'] } });
    expect(JSON.stringify(activities.nodes)).not.toContain('s3cr3t-value');
    const removed = activities.nodes.find((a) => a.action === 'removeContainer' && a.outcome === 'SUCCESS' && a.targetId === createContainer.id);
    expect(removed).toMatchObject({ targetType: 'Container', parameters: { id: createContainer.id, force: true } });
    expect(removed!.durationMs).toBeGreaterThanOrEqual(0);
  });
});
