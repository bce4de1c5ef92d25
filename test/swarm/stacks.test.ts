import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { Permission } from '../../src/auth/permissions';
import {
  DeployStackDocument,
  DockerHostEnvironment,
  PrePullImageDocument,
  RegisterSwarmClusterDocument,
  RemoveStackDocument,
  RollbackSwarmServiceDocument,
  SetRegistryCredentialDocument,
  StackOperationDocument,
  StackOperationKind,
  ImageOperationStatus as OperationStatus,
  StackChangeAction,
  StackObjectKind,
  SwarmStackDocument,
  SwarmStacksDocument,
  SwarmStackStatus,
  SwarmStackServiceStatus,
  type DeployStackInput,
  type StackFieldsFragment,
} from '../generated/graphql';
import { codeOf, TestServer } from '../support/harness';
import { loadFleet, loadSwarmFleet, swarmDocker, swarmNode, type SwarmFleet } from '../support/fleet';

const run = promisify(execFile);

/** The issue's multi-service stack: web (replicas, update_config, a secret, a config) and a worker on an overlay. */
function composeOf(options: { webImage?: string; webReplicas?: number; cliFiles?: { secret: string; config: string } } = {}): string {
  const secret = options.cliFiles ? `file: ${options.cliFiles.secret}` : 'environment: DB_PASSWORD';
  const config = options.cliFiles ? `file: ${options.cliFiles.config}` : 'content: "listen 8080\\n"';
  return `version: "3.8"
services:
  web:
    image: ${options.webImage ?? 'fleet/web:v1'}
    networks: [front]
    stop_grace_period: 1s
    secrets: [db_password]
    configs:
      - source: app_config
        target: /etc/app.conf
    deploy:
      replicas: ${options.webReplicas ?? 2}
      update_config:
        parallelism: 2
        delay: 1s
        order: start-first
        monitor: 1s
  worker:
    image: fleet/busybox
    command: ["sleep", "3600"]
    stop_grace_period: 1s
    networks: [front]
    deploy:
      replicas: 1
networks:
  front:
    driver: overlay
secrets:
  db_password:
    ${secret}
configs:
  app_config:
    ${config}
`;
}

const CONFIG_TEXT = 'listen 8080\n';
const PASSWORD = 'correct horse battery staple';

/**
 * Stacks from compose on the fleet's real swarm: deployed as docker stack deploy does, read back with the live sync,
 * and the same objects the docker CLI makes and sees. Every stack has a name of its own and is removed afterwards.
 */
describe('StackManager on the fleet swarm', () => {
  let server: TestServer;
  let swarm: SwarmFleet;
  let s1: Docker;
  let token: string;
  let admin: string;
  let clusterId: string;
  const id = randomUUID().slice(0, 6);
  const stacks = new Set<string>();
  let files: string;

  const docker = (...args: string[]) => run('docker', ['-H', swarmNode(swarm, 's1').socket, ...args], { timeout: 60_000 });

  beforeAll(async () => {
    swarm = loadSwarmFleet();
    s1 = swarmDocker(swarm, 's1');
    server = await TestServer.syncing({}, { logLevel: 'silent' });
    const accountId = randomUUID();
    // What an operator has: swarm management, NOT docker.hosts.privileged (host binds are refused).
    token = await server.token({ accountId, permissions: [Permission.SwarmClustersManage] });
    admin = await server.token({ accountId });
    const cluster = await server.ok(RegisterSwarmClusterDocument, { input: { name: 'stacks', environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, admin);
    clusterId = cluster.registerSwarmCluster.id;
    files = mkdtempSync(path.join(tmpdir(), 'stacks-'));
    writeFileSync(path.join(files, 'secret.txt'), PASSWORD);
    writeFileSync(path.join(files, 'app.conf'), CONFIG_TEXT);
  }, 60_000);

  afterAll(async () => {
    for (const name of stacks) await docker('stack', 'rm', name).catch(() => undefined);
    // Stack networks go once the removed services' tasks are gone on their nodes.
    for (const name of stacks) {
      await until(async () => (await s1.listNetworks({ filters: { label: [`com.docker.stack.namespace=${name}`] } })).length === 0 || (await docker('stack', 'rm', name).then(() => false)), 30_000).catch(() => undefined);
    }
    if (files) rmSync(files, { recursive: true, force: true });
    await server?.close();
  }, 90_000);

  const stackName = (what: string) => {
    const name = `st${id}${what}`;
    stacks.add(name);
    return name;
  };

  const deploy = (input: Omit<DeployStackInput, 'variables'> & { variables?: DeployStackInput['variables'] }, as = token) =>
    server.request(DeployStackDocument, { clusterId, input: { variables: [{ name: 'DB_PASSWORD', value: PASSWORD }], ...input } }, as);

  const deployed = async (input: Parameters<typeof deploy>[0]) => {
    const result = await deploy(input);
    if (result.errors) throw new Error(`deployStack failed: ${JSON.stringify(result.errors)}`);
    return result.data!.deployStack;
  };

  const stackNow = async (name: string) => (await server.ok(SwarmStackDocument, { clusterId, name }, token)).swarmStack;

  /** Polls swarmStack (answered from the rows the live sync keeps) until the predicate holds. */
  const waitStack = (name: string, predicate: (stack: StackFieldsFragment) => boolean, timeoutMs = 45_000) =>
    until(async () => {
      const stack = await stackNow(name);
      return predicate(stack) ? stack : undefined;
    }, timeoutMs, () => stackNow(name).then((s) => JSON.stringify(s.services.map((x) => [x.name, x.status, x.running, x.desired, x.problems]))));

  const converged = (replicas: Record<string, number>) => (stack: StackFieldsFragment) =>
    stack.status === SwarmStackStatus.Converged && Object.entries(replicas).every(([key, n]) => stack.services.find((s) => s.shortName === key)?.running === n);

  const actions = (changes: Array<{ kind: string; name: string; action: string }>, kind: string) => Object.fromEntries(changes.filter((c) => c.kind === kind).map((c) => [c.name, c.action]));

  it('deploys the stack, converges, is what docker stack ls/services show, and an unchanged redeploy restarts no task', async () => {
    const name = stackName('a');
    const first = await deployed({ name, compose: composeOf() });
    expect(actions(first.changes, StackObjectKind.Network)).toEqual({ [`${name}_front`]: StackChangeAction.Created });
    expect(actions(first.changes, StackObjectKind.Secret)).toEqual({ [`${name}_db_password`]: StackChangeAction.Created });
    expect(actions(first.changes, StackObjectKind.Config)).toEqual({ [`${name}_app_config`]: StackChangeAction.Created });
    expect(actions(first.changes, StackObjectKind.Service)).toEqual({ [`${name}_web`]: StackChangeAction.Created, [`${name}_worker`]: StackChangeAction.Created });
    // Order as docker stack deploy: networks, secrets, configs, services.
    expect(first.changes.map((c) => c.kind)).toEqual(['NETWORK', 'SECRET', 'CONFIG', 'SERVICE', 'SERVICE']);
    // fleet images are on the nodes only: not pinnable, said so (as the CLI says it).
    expect(first.engineWarnings.join('\n')).toMatch(/fleet\/web:v1 could not be accessed on a registry/);

    const ready = await waitStack(name, converged({ web: 2, worker: 1 }));
    expect(ready.networks).toEqual([`${name}_front`]);
    expect(ready.secrets).toEqual([`${name}_db_password`]);
    const web = ready.services.find((s) => s.shortName === 'web')!;
    expect(web.service.labels).toMatchObject({ 'com.docker.stack.namespace': name, 'com.docker.stack.image': 'fleet/web:v1' });

    // The docker CLI sees the same stack, by the same names.
    const ls = await docker('stack', 'ls', '--format', '{{.Name}} {{.Services}}');
    expect(ls.stdout.split('\n')).toContain(`${name} 2`);
    const services = await docker('stack', 'services', name, '--format', '{{.Name}} {{.Replicas}} {{.Image}}');
    expect(services.stdout.trim().split('\n').sort()).toEqual([`${name}_web 2/2 fleet/web:v1`, `${name}_worker 1/1 fleet/busybox:latest`]);

    // The same file again: every object unchanged, the same tasks still running.
    const taskIds = (stack: StackFieldsFragment) => stack.services.flatMap((s) => s.tasks.filter((t) => t.state === 'running').map((t) => t.dockerId)).sort();
    const before = taskIds(ready);
    const again = await deployed({ name, compose: composeOf() });
    expect(again.changes.filter((c) => c.action !== StackChangeAction.Unchanged)).toEqual([]);
    const versions = await Promise.all(ready.services.map(async (s) => (await s1.getService(s.service.dockerId).inspect()).UpdateStatus ?? null));
    expect(versions).toEqual([null, null]); // no update was started on either service
    const after = await stackNow(name);
    expect(after.status).toBe(SwarmStackStatus.Converged);
    expect(taskIds(after)).toEqual(before);
    const live = (await s1.listTasks({ filters: { label: [`com.docker.stack.namespace=${name}`], 'desired-state': ['running'] } })).map((t: { ID: string }) => t.ID).sort();
    expect(live).toEqual(before);
  }, 60_000);

  it('scales by a redeploy with changed replicas and updates web to fleet/web:v2 in place, then removes the stack', async () => {
    const name = stackName('b');
    await deployed({ name, compose: composeOf({ webReplicas: 1 }) });
    const one = await waitStack(name, converged({ web: 1, worker: 1 }));
    const webId = one.services.find((s) => s.shortName === 'web')!.service.dockerId;

    const scaled = await deployed({ name, compose: composeOf({ webReplicas: 2 }) });
    expect(actions(scaled.changes, StackObjectKind.Service)).toEqual({ [`${name}_web`]: StackChangeAction.Updated, [`${name}_worker`]: StackChangeAction.Unchanged });
    expect(scaled.changes.find((c) => c.name === `${name}_web`)!.dockerId).toBe(webId); // updated in place
    await waitStack(name, converged({ web: 2, worker: 1 }));

    const updated = await deployed({ name, compose: composeOf({ webReplicas: 2, webImage: 'fleet/web:v2' }) });
    expect(actions(updated.changes, StackObjectKind.Service)).toEqual({ [`${name}_web`]: StackChangeAction.Updated, [`${name}_worker`]: StackChangeAction.Unchanged });
    const v2 = await waitStack(name, (s) => converged({ web: 2 })(s) && s.services.find((x) => x.shortName === 'web')!.service.image === 'fleet/web:v2');
    expect(v2.services.find((s) => s.shortName === 'web')!.service.dockerId).toBe(webId);
    const inspected = await s1.getService(webId).inspect();
    expect(inspected.Spec.TaskTemplate.ContainerSpec.Image).toBe('fleet/web:v2');
    expect(inspected.PreviousSpec.TaskTemplate.ContainerSpec.Image).toBe('fleet/web:v1');
    // The deploy ran as a durable operation: ended, with what it did, readable by its id.
    expect(updated.operation).toMatchObject({ kind: StackOperationKind.Deploy, stack: name, status: OperationStatus.Succeeded, error: null });
    expect((updated.operation!.summary as { changes: unknown[] }).changes).toEqual(updated.changes.map((c) => ({ ...c })));
    expect((await server.ok(StackOperationDocument, { id: updated.operation!.id }, token)).stackOperation).toMatchObject({ status: OperationStatus.Succeeded, lastMessage: expect.stringMatching(/service /) });
    expect(codeOf(await server.request(StackOperationDocument, { id: updated.operation!.id }, await server.token()))).toBe('NOT_FOUND');

    // One service of the stack rolled back (Docker's own rollback): web is v1 again, in place.
    const webRow = v2.services.find((s) => s.shortName === 'web')!.service.id;
    const rollbackAt = Date.now();
    const back = (await server.ok(RollbackSwarmServiceDocument, { id: webRow }, token)).rollbackSwarmService;
    expect(back.dockerId).toBe(webId);
    // A service rolled back reads ROLLED_BACK (not CONVERGED: the deploy's spec is no longer what runs), running v1.
    const rolledBack = await waitStack(name, (s) => {
      const w = s.services.find((x) => x.shortName === 'web')!;
      return w.status === SwarmStackServiceStatus.RolledBack && w.running === 2 && w.service.image === 'fleet/web:v1';
    });
    expect(rolledBack.services.find((x) => x.shortName === 'worker')!.status).toBe(SwarmStackServiceStatus.Converged);
    expect((await s1.getService(webId).inspect()).Spec.TaskTemplate.ContainerSpec.Image).toBe('fleet/web:v1');
    console.log(`rollbackSwarmService -> web converged on v1 again: ${Date.now() - rollbackAt} ms`);

    const removed = (await server.ok(RemoveStackDocument, { clusterId, name }, token)).removeStack;
    expect(removed.operation).toMatchObject({ kind: StackOperationKind.Remove, status: OperationStatus.Succeeded });
    expect(removed.failures).toEqual([]);
    expect(removed.changes.map((c) => c.kind)).toEqual(['SERVICE', 'SERVICE', 'SECRET', 'CONFIG', 'NETWORK']);
    const ls = await docker('stack', 'ls', '--format', '{{.Name}}');
    expect(ls.stdout.split('\n')).not.toContain(name);
    // Removed from the swarm at once; a node drops its copy when the removed tasks' containers are gone.
    await until(async () => (await s1.listNetworks({ filters: { label: [`com.docker.stack.namespace=${name}`] } })).length === 0, 20_000);
    expect(codeOf(await server.request(SwarmStackDocument, { clusterId, name }, token))).toBe('NOT_FOUND');
  }, 120_000);

  it('manages a stack the docker CLI deployed: same spec as the API makes, listed, redeployed unchanged, removed', async () => {
    const cli = stackName('c');
    const api = stackName('d');
    const cliFile = path.join(files, `${cli}.yml`);
    writeFileSync(cliFile, composeOf({ cliFiles: { secret: path.join(files, 'secret.txt'), config: path.join(files, 'app.conf') } }));
    await docker('stack', 'deploy', '-c', cliFile, cli);
    await deployed({ name: api, compose: composeOf() });

    // The same file makes the same service specs, whoever deploys it (names, ids and the namespace aside).
    for (const key of ['web', 'worker']) {
      const [ours, theirs] = await Promise.all([s1.getService(`${api}_${key}`).inspect(), s1.getService(`${cli}_${key}`).inspect()]);
      expect(normalized(ours.Spec, api)).toEqual(normalized(theirs.Spec, cli));
    }

    await server.app.clusterSync.refresh(clusterId, { kinds: ['service', 'task', 'secret', 'config', 'network'] });
    const listed = (await server.ok(SwarmStacksDocument, { clusterId }, token)).swarmStacks.map((s) => s.name);
    expect(listed).toEqual(expect.arrayContaining([cli, api]));
    const seen = await stackNow(cli);
    expect(seen.services.map((s) => s.name)).toEqual([`${cli}_web`, `${cli}_worker`]);
    expect(seen.secrets).toEqual([`${cli}_db_password`]);

    // Redeployed through the API (the same content, inline): everything as it was, in place.
    const redeployed = await deployed({ name: cli, compose: composeOf() });
    expect(redeployed.changes.map((c) => [c.name, c.action])).toEqual([
      [`${cli}_front`, StackChangeAction.Unchanged],
      [`${cli}_db_password`, StackChangeAction.Unchanged],
      [`${cli}_app_config`, StackChangeAction.Unchanged],
      [`${cli}_web`, StackChangeAction.Unchanged],
      [`${cli}_worker`, StackChangeAction.Unchanged],
    ]);
    // A changed secret is a clear conflict (rotation), before anything else is touched.
    const rotated = await deploy({ name: cli, compose: composeOf(), variables: [{ name: 'DB_PASSWORD', value: 'another one' }] });
    expect(codeOf(rotated)).toBe('CONFLICT');
    expect(rotated.errors![0]!.message).toMatch(new RegExp(`secret ${cli}_db_password already exists with other content.*new name`));

    const removed = (await server.ok(RemoveStackDocument, { clusterId, name: cli }, token)).removeStack;
    expect(removed.failures).toEqual([]);
    expect(removed.changes).toHaveLength(5);
    expect((await docker('stack', 'ls', '--format', '{{.Name}}')).stdout.split('\n')).not.toContain(cli);
  }, 60_000);

  it('pins a registry image to its digest as the CLI does, and an unchanged redeploy keeps it (no task restarts)', async () => {
    const api = stackName('g');
    const cli = stackName('h');
    const repo = `${swarm.registry}/stack-${id}/web`;
    await s1.getImage(swarm.web.v1).tag({ repo, tag: 'v1' });
    await new Promise((resolve, reject) => s1.getImage(`${repo}:v1`).push({ authconfig: { serveraddress: swarm.registry } }, (error, stream) => (error ? reject(error) : s1.modem.followProgress(stream!, (e) => (e ? reject(e) : resolve(undefined))))));
    const file = `services:\n  web:\n    image: ${repo}:v1\n    stop_grace_period: 1s\n    deploy:\n      replicas: 1\n`;
    const first = await deployed({ name: api, compose: file });
    expect(first.engineWarnings).toEqual([]);
    const webId = first.changes.find((c) => c.kind === StackObjectKind.Service)!.dockerId!;
    const pinned = (await s1.getService(webId).inspect()).Spec;
    expect(pinned.TaskTemplate.ContainerSpec.Image).toMatch(new RegExp(`^${repo.replace(/[.]/g, '\\.')}:v1@sha256:[0-9a-f]{64}$`));
    const cliFile = path.join(files, `${cli}.yml`);
    writeFileSync(cliFile, file);
    await docker('stack', 'deploy', '--resolve-image', 'always', '-c', cliFile, cli);
    const theirs = (await s1.getService(`${cli}_web`).inspect()).Spec;
    expect(normalized(pinned, api)).toEqual(normalized(theirs, cli));

    const ready = await waitStack(api, converged({ web: 1 }));
    const again = await deployed({ name: api, compose: file });
    expect(again.changes.map((c) => c.action)).toEqual([StackChangeAction.Unchanged, StackChangeAction.Unchanged]);
    const after = await stackNow(api);
    expect(after.services[0]!.tasks.filter((t) => t.state === 'running').map((t) => t.dockerId)).toEqual(ready.services[0]!.tasks.filter((t) => t.state === 'running').map((t) => t.dockerId));
    await s1.getImage(`${repo}:v1`).remove().catch(() => undefined);
  }, 60_000);

  it('lists ignored keys as warnings with lines, refuses invalid compose with line and key, and creates nothing when refusing', async () => {
    const name = stackName('e');
    const withIgnored = composeOf().replace('  worker:\n', '  worker:\n    privileged: true\n    container_name: fixed\n');
    const parsed = await deploy({ name, compose: withIgnored.replace(/image: fleet\/busybox/, 'image: "bad image name"') });
    expect(codeOf(parsed)).toBe('BAD_USER_INPUT');
    expect(parsed.errors![0]!.extensions).toMatchObject({ field: 'compose', problems: [expect.objectContaining({ path: 'services.worker.image', line: expect.any(Number) })] });

    const invalid = await deploy({ name, compose: 'services:\n  web:\n    image: fleet/web:v1\n    deploy:\n      replicas: many\n' });
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0]!.message).toMatch(/services\.web\.deploy\.replicas \(line 5\)/);
    expect((invalid.errors![0]!.extensions as { problems?: unknown }).problems).toEqual([expect.objectContaining({ path: 'services.web.deploy.replicas', line: 5 })]);

    // A host bind mount without docker.hosts.privileged: FORBIDDEN, and no network, secret, config or service made.
    const bind = await deploy({ name, compose: composeOf().replace('    networks: [front]\n    stop_grace_period: 1s\n    secrets', '    networks: [front]\n    stop_grace_period: 1s\n    volumes: ["/etc:/host-etc"]\n    secrets') });
    expect(codeOf(bind)).toBe('FORBIDDEN');
    expect(bind.errors![0]!.message).toMatch(/services\.web/);
    const missing = await deploy({ name, compose: composeOf().replace('    driver: overlay\n', `    external: true\n    name: nope-${id}\n`) });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.message).toMatch(new RegExp(`network "nope-${id}" is declared as external, but could not be found`));
    const label = { filters: { label: [`com.docker.stack.namespace=${name}`] } };
    expect([...(await s1.listServices(label)), ...(await s1.listNetworks(label)), ...(await s1.listSecrets(label)), ...(await s1.listConfigs(label))]).toEqual([]);

    const warned = await deployed({ name, compose: withIgnored });
    const lines = withIgnored.split('\n');
    expect(warned.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'version', line: 1 }),
        expect.objectContaining({ path: 'services.worker.privileged', line: lines.indexOf('    privileged: true') + 1 }),
        expect.objectContaining({ path: 'services.worker.container_name', line: lines.indexOf('    container_name: fixed') + 1 }),
      ]),
    );
    expect((await server.ok(RemoveStackDocument, { clusterId, name }, token)).removeStack.failures).toEqual([]);
  }, 60_000);

  it('reports tasks failing to pull per node, and prePullImage pulls an image on every node through the manager', async () => {
    const name = stackName('f');
    const absent = `${swarm.registry}/fleet-missing-${id}:v1`;
    await deployed({ name, compose: `services:\n  app:\n    image: ${absent}\n    deploy:\n      replicas: 1\n      restart_policy:\n        condition: none\n` });
    const failed = await waitStack(name, (s) => s.status === SwarmStackStatus.Failed && s.services[0]!.problems.some((p) => p.imagePull));
    expect(failed.services[0]!.problems[0]).toMatchObject({ imagePull: true, nodeId: expect.any(String) });
    expect(failed.hint).toMatch(/cannot pull .*fleet-missing.*prePullImage/);

    const pulled = (await server.ok(PrePullImageDocument, { clusterId, image: swarm.image, timeoutSeconds: 60 }, token)).prePullImage;
    expect(pulled).toMatchObject({ pulled: 4, failed: 0 });
    expect(pulled.nodes.every((n) => n.ok && n.state === 'complete')).toBe(true);
    const refused = (await server.ok(PrePullImageDocument, { clusterId, image: absent, timeoutSeconds: 60 }, token)).prePullImage;
    expect(refused).toMatchObject({ pulled: 0, failed: 4 });
    expect(refused.nodes.every((n) => !n.ok && /fleet-missing|manifest|not found|no such image/i.test(n.error ?? ''))).toBe(true);
    // An image only in the registry that wants credentials: pulled on every node with the account's credentials.
    const { authRegistry } = loadFleet();
    const repo = `${authRegistry.address}/prepull-${id}`;
    const auth = { username: authRegistry.username, password: authRegistry.password, serveraddress: authRegistry.address };
    await s1.getImage(swarm.image).tag({ repo, tag: 'v1' });
    await new Promise((resolve, reject) => s1.getImage(`${repo}:v1`).push({ authconfig: auth }, (error, stream) => (error ? reject(error) : s1.modem.followProgress(stream!, (e) => (e ? reject(e) : resolve(undefined))))));
    await s1.getImage(`${repo}:v1`).remove();
    const withoutCredentials = (await server.ok(PrePullImageDocument, { clusterId, image: `${repo}:v1`, timeoutSeconds: 60 }, token)).prePullImage;
    expect(withoutCredentials.failed).toBe(4);
    await server.ok(SetRegistryCredentialDocument, { input: { registry: authRegistry.address, username: authRegistry.username, password: authRegistry.password } }, admin);
    const withCredentials = (await server.ok(PrePullImageDocument, { clusterId, image: `${repo}:v1`, timeoutSeconds: 60 }, token)).prePullImage;
    expect(withCredentials).toMatchObject({ pulled: 4, failed: 0 });
    for (const node of swarm.nodes) {
      const image = swarmDocker(swarm, node.name).getImage(`${repo}:v1`);
      await expect(image.inspect()).resolves.toBeTruthy();
      await image.remove().catch(() => undefined);
    }
    // The pull jobs are gone.
    expect(await s1.listServices({ filters: { label: ['io.fleet-control.prepull'] } })).toEqual([]);
    expect((await server.ok(RemoveStackDocument, { clusterId, name }, token)).removeStack.failures).toEqual([]);
  }, 120_000);
});

/** A service spec with its stack's name and the ids of its secrets, configs and networks (the Engine's, per object) taken out. */
function normalized(spec: Record<string, unknown>, stack: string): unknown {
  const text = JSON.stringify(spec).split(stack).join('STACK');
  const parsed = JSON.parse(text, (key, value) => (key === 'SecretID' || key === 'ConfigID' ? 'ID' : value));
  // The Engine keeps a network attachment's Target as the network's id (both sides sent its name).
  for (const attachment of parsed.TaskTemplate?.Networks ?? []) attachment.Target = 'ID';
  return parsed;
}

async function until<T>(condition: () => Promise<T | undefined | false>, timeoutMs: number, describe?: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms${describe ? `: ${await describe().catch(String)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
