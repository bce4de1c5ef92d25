import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import {
  ActivitiesDocument,
  ClusterSecretsDocument,
  CreateSwarmConfigDocument,
  CreateSwarmSecretDocument,
  DockerHostEnvironment,
  RegisterSwarmClusterDocument,
  RemoveSwarmConfigDocument,
  RemoveSwarmSecretDocument,
  RotateSwarmConfigDocument,
  RotateSwarmSecretDocument,
  SwarmConfigDocument,
  SwarmSecretDocument,
  SwarmServiceDataDocument,
  UpdateSwarmConfigDocument,
  UpdateSwarmSecretDocument,
} from '../generated/graphql';
import { codeOf, TestServer } from '../support/harness';
import { loadSwarmFleet, swarmDocker, type SwarmFleet } from '../support/fleet';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Polls `check` until it answers something truthy, or fails after `ms` with what it saw last. */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Secrets and configs (issue 9 §5) on the fleet's real swarm: create, labels, remove in use, rotation in use. */
describe('swarm secrets and configs on the fleet swarm', () => {
  const run = randomUUID().slice(0, 8);
  let server: TestServer;
  let swarm: SwarmFleet;
  let docker: Docker;
  let token: string;
  let clusterId: string;
  let counter = 0;
  const name = (what: string) => `t${run}_${what}_${++counter}`;

  beforeAll(async () => {
    swarm = loadSwarmFleet();
    docker = swarmDocker(swarm, 's1');
    // A body big enough for Docker's largest secret (500 KiB; the default BODY_LIMIT is 100kb).
    server = await TestServer.start({ SYNC_WORKER_ENABLED: 'false', BODY_LIMIT: '1mb' });
    token = await server.token();
    const cluster = await server.ok(RegisterSwarmClusterDocument, { input: { name: `secrets-${run}`, environment: DockerHostEnvironment.Staging, managerEndpoint: swarm.managerTlsEndpoint, tlsCredentials: swarm.tls } }, token);
    clusterId = cluster.registerSwarmCluster.id;
  });

  afterAll(async () => {
    // Services first (they hold the references), then whatever secrets and configs this run left.
    const services = await docker.listServices({ filters: { label: [`fleet.test.run=${run}`] } });
    await Promise.all(services.map((s) => docker.getService(s.ID).remove().catch(() => undefined)));
    const prefix = `t${run}_`;
    for (let attempt = 0; attempt < 20; attempt++) {
      const secrets = (await docker.listSecrets()).filter((s) => s.Spec?.Name?.startsWith(prefix));
      const configs = (await docker.listConfigs()).filter((c) => c.Spec?.Name?.startsWith(prefix));
      if (!secrets.length && !configs.length) break;
      await Promise.all([...secrets.map((s) => docker.getSecret(s.ID).remove().catch(() => undefined)), ...configs.map((c) => docker.getConfig(c.ID).remove().catch(() => undefined))]);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await server?.close();
  });

  /** A service (raw Engine API, behind ours) whose task prints its mounted file every half second. */
  async function printingService(ref: { secret?: { id: string; name: string }; config?: { id: string; name: string } }, options: { sync?: boolean } = {}): Promise<{ id: string; name: string }> {
    const serviceName = name('svc');
    const path = ref.secret ? '/run/secrets/app_secret' : '/etc/app.conf';
    const spec: Json = {
      Name: serviceName,
      Labels: { 'fleet.test.run': run },
      TaskTemplate: {
        ContainerSpec: {
          Image: swarm.image,
          Command: ['sh', '-c', `trap "exit 0" TERM; while true; do echo "content=$(cat ${path})"; sleep 0.5; done`],
          ...(ref.secret ? { Secrets: [{ SecretID: ref.secret.id, SecretName: ref.secret.name, File: { Name: 'app_secret', UID: '0', GID: '0', Mode: 0o400 } }] } : {}),
          ...(ref.config ? { Configs: [{ ConfigID: ref.config.id, ConfigName: ref.config.name, File: { Name: '/etc/app.conf', UID: '0', GID: '0', Mode: 0o444 } }] } : {}),
        },
        RestartPolicy: { Condition: 'any', Delay: 1_000_000_000 },
      },
      Mode: { Replicated: { Replicas: 1 } },
      UpdateConfig: { Parallelism: 1, Order: 'stop-first' },
    };
    const created = await docker.createService(spec);
    // The API learns of it the way it learns of any change made elsewhere: a sync.
    if (options.sync !== false) await server.app.clusterSync.refresh(clusterId, { kinds: ['service'] });
    return { id: (created as Json).id ?? (created as Json).ID, name: serviceName };
  }

  /** What the service's tasks printed (all of them, old and new), as text. */
  async function printed(serviceId: string): Promise<string> {
    const logs = (await docker.getService(serviceId).logs({ stdout: true, stderr: true, follow: false, tail: 200 } as never)) as unknown as Buffer | string;
    return Buffer.isBuffer(logs) ? logs.toString('latin1') : String(logs);
  }

  it('creates a secret whose data appears in no answer, no log line and no activity; labels update; names are checked', async () => {
    const data = `pw-${randomUUID()}`;
    const secretName = name('db_password');
    const result = await server.request(CreateSwarmSecretDocument, { clusterId, input: { name: secretName, data, labels: { team: 'db' } } }, token);
    expect(result.errors).toBeUndefined();
    const secret = result.data!.createSwarmSecret;
    expect(secret).toMatchObject({ name: secretName, labels: { team: 'db' }, usedBy: [] });
    const raw = await docker.getSecret(secret.dockerId).inspect();
    expect(raw.Spec).toMatchObject({ Name: secretName, Labels: { team: 'db' } });

    const updated = await server.ok(UpdateSwarmSecretDocument, { id: secret.id, input: { labels: { team: 'payments', tier: 'gold' } } }, token);
    expect(updated.updateSwarmSecret.labels).toEqual({ team: 'payments', tier: 'gold' });
    expect((await docker.getSecret(secret.dockerId).inspect()).Spec!.Labels).toEqual({ team: 'payments', tier: 'gold' });

    const read = await server.ok(SwarmSecretDocument, { id: secret.id }, token);
    const listed = await server.ok(ClusterSecretsDocument, { id: clusterId }, token);
    const activities = await server.ok(ActivitiesDocument, { filter: { action: 'createSwarmSecret' } }, token);
    expect(activities.activities.nodes).toHaveLength(1);
    expect(activities.activities.nodes[0]!.parameters).toMatchObject({ clusterId, input: { name: secretName, data: '[redacted]' } });
    const base64 = Buffer.from(data).toString('base64');
    for (const text of [JSON.stringify([result, updated, read, listed, activities]), server.logs.join('')]) {
      expect(text).not.toContain(data);
      expect(text).not.toContain(base64);
    }

    const bad = await server.request(CreateSwarmSecretDocument, { clusterId, input: { name: '.hidden', data: 'x' } }, token);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.field).toBe('name');
    const big = await server.request(CreateSwarmSecretDocument, { clusterId, input: { name: name('big'), data: 'x'.repeat(500 * 1024) } }, token);
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0]!.extensions!.field).toBe('data');
    // The largest Docker takes (one byte under 500 KiB) is taken, by Docker too, for both kinds.
    const largest = Buffer.alloc(500 * 1024 - 1, 7).toString('base64');
    expect((await server.request(CreateSwarmSecretDocument, { clusterId, input: { name: name('largest'), dataBase64: largest } }, token)).errors).toBeUndefined();
    expect((await server.request(CreateSwarmConfigDocument, { clusterId, input: { name: name('largest'), dataBase64: largest } }, token)).errors).toBeUndefined();
    const taken = await server.request(CreateSwarmSecretDocument, { clusterId, input: { name: secretName, data: 'x' } }, token);
    expect(codeOf(taken)).toBe('CONFLICT');
  });

  it('refuses to remove a secret a service uses, naming the service; shows it in usedBy and SwarmService.secrets', async () => {
    const secret = (await server.ok(CreateSwarmSecretDocument, { clusterId, input: { name: name('api_key'), data: 'k' } }, token)).createSwarmSecret;
    const service = await printingService({ secret: { id: secret.dockerId, name: secret.name } });
    const removed = await server.request(RemoveSwarmSecretDocument, { id: secret.id }, token);
    expect(codeOf(removed)).toBe('CONFLICT');
    expect(removed.errors![0]!.message).toContain(service.name);
    expect((await docker.getSecret(secret.dockerId).inspect()).ID).toBe(secret.dockerId);
    const { swarmSecret } = await server.ok(SwarmSecretDocument, { id: secret.id }, token);
    expect(swarmSecret.usedBy.map((s) => s.name)).toEqual([service.name]);
    const { swarmService } = await server.ok(SwarmServiceDataDocument, { id: swarmSecret.usedBy[0]!.id }, token);
    expect(swarmService.secrets.map((s) => s.name)).toEqual([secret.name]);

    // A service the store has not seen yet: the manager's own refusal names it.
    const fresh = (await server.ok(CreateSwarmSecretDocument, { clusterId, input: { name: name('fresh'), data: 'f' } }, token)).createSwarmSecret;
    const unseen = await printingService({ secret: { id: fresh.dockerId, name: fresh.name } }, { sync: false });
    const refused = await server.request(RemoveSwarmSecretDocument, { id: fresh.id }, token);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toContain(unseen.name);

    // Unused, it goes, on the swarm and in the store.
    const loose = (await server.ok(CreateSwarmSecretDocument, { clusterId, input: { name: name('loose'), data: 'l' } }, token)).createSwarmSecret;
    expect((await server.ok(RemoveSwarmSecretDocument, { id: loose.id }, token)).removeSwarmSecret).toBe(loose.id);
    await expect(docker.getSecret(loose.dockerId).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(codeOf(await server.request(SwarmSecretDocument, { id: loose.id }, token))).toBe('NOT_FOUND');
  });

  it('rotates a secret in use by a running service: re-pointed, the task reads the new content, the old version gone', async () => {
    const [oldData, newData] = [`old-${randomUUID()}`, `new-${randomUUID()}`];
    const secret = (await server.ok(CreateSwarmSecretDocument, { clusterId, input: { name: name('db_password'), data: oldData } }, token)).createSwarmSecret;
    const service = await printingService({ secret: { id: secret.dockerId, name: secret.name } });
    await until('the task to print the old secret', async () => (await printed(service.id)).includes(`content=${oldData}`), 90_000);

    const started = Date.now();
    const result = await server.request(RotateSwarmSecretDocument, { id: secret.id, data: newData }, token);
    const rotateMs = Date.now() - started;
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result)).not.toMatch(/only updates to Labels/);
    const rotation = result.data!.rotateSwarmSecret;
    expect(rotation).toMatchObject({ previousName: secret.name, previousKept: null, secret: { name: `${secret.name}.v2`, labels: { 'fleet.rotation.base': secret.name, 'fleet.rotation.version': '2' } } });
    expect(rotation.services.map((s) => s.name)).toEqual([service.name]);
    expect(rotation.secret.usedBy.map((s) => s.name)).toEqual([service.name]);

    const spec = (await docker.getService(service.id).inspect()).Spec;
    expect(spec.TaskTemplate.ContainerSpec.Secrets).toEqual([{ SecretID: rotation.secret.dockerId, SecretName: `${secret.name}.v2`, File: { Name: 'app_secret', UID: '0', GID: '0', Mode: 0o400 } }]);
    await expect(docker.getSecret(secret.dockerId).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(codeOf(await server.request(SwarmSecretDocument, { id: secret.id }, token))).toBe('NOT_FOUND');
    const convergeStarted = Date.now();
    await until('the new task to print the new secret at the same path', async () => (await printed(service.id)).includes(`content=${newData}`), 90_000);
    console.log(`rotateSwarmSecret answered in ${rotateMs} ms; the re-pointed task printed the new content ${Date.now() - convergeStarted} ms later`);

    // A second rotation counts on from the labels; asked to, it keeps the version it replaced (for a rollback),
    // which is unused now and can be removed.
    const again = await server.ok(RotateSwarmSecretDocument, { id: rotation.secret.id, data: `${newData}-3`, keepPrevious: true }, token);
    expect(again.rotateSwarmSecret.secret.name).toBe(`${secret.name}.v3`);
    expect(again.rotateSwarmSecret.previousKept).toMatch(/keepPrevious/);
    expect((await docker.getSecret(rotation.secret.dockerId).inspect()).Spec!.Name).toBe(`${secret.name}.v2`);
    expect((await server.ok(RemoveSwarmSecretDocument, { id: rotation.secret.id }, token)).removeSwarmSecret).toBe(rotation.secret.id);
    const activities = await server.ok(ActivitiesDocument, { filter: { action: 'rotateSwarmSecret' } }, token);
    expect(activities.activities.nodes).toHaveLength(2);
    expect(JSON.stringify(activities)).not.toContain(newData);
  });

  it('rotates a config in use the same way; a label update keeps it in place', async () => {
    const [oldData, newData] = [`listen=${randomUUID()}`, `listen=${randomUUID()}`];
    const config = (await server.ok(CreateSwarmConfigDocument, { clusterId, input: { name: name('app_conf'), data: oldData, labels: { app: 'web' } } }, token)).createSwarmConfig;
    const labelled = await server.ok(UpdateSwarmConfigDocument, { id: config.id, input: { labels: { app: 'web', owner: 'ops' } } }, token);
    expect(labelled.updateSwarmConfig).toMatchObject({ id: config.id, labels: { app: 'web', owner: 'ops' } });
    const service = await printingService({ config: { id: config.dockerId, name: config.name } });
    await until('the task to print the old config', async () => (await printed(service.id)).includes(`content=${oldData}`), 90_000);
    expect(codeOf(await server.request(RemoveSwarmConfigDocument, { id: config.id }, token))).toBe('CONFLICT');

    const result = await server.request(RotateSwarmConfigDocument, { id: config.id, data: newData }, token);
    expect(result.errors).toBeUndefined();
    const rotation = result.data!.rotateSwarmConfig;
    expect(rotation).toMatchObject({ previousName: config.name, previousKept: null, config: { name: `${config.name}.v2`, labels: { app: 'web', owner: 'ops', 'fleet.rotation.version': '2' } } });
    expect(rotation.services.map((s) => s.name)).toEqual([service.name]);
    const spec = (await docker.getService(service.id).inspect()).Spec;
    expect(spec.TaskTemplate.ContainerSpec.Configs).toEqual([{ ConfigID: rotation.config.dockerId, ConfigName: `${config.name}.v2`, File: { Name: '/etc/app.conf', UID: '0', GID: '0', Mode: 0o444 } }]);
    await expect(docker.getConfig(config.dockerId).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await until('the new task to print the new config', async () => (await printed(service.id)).includes(`content=${newData}`), 90_000);
    expect(codeOf(await server.request(SwarmConfigDocument, { id: config.id }, token))).toBe('NOT_FOUND');
  });

  it("answers NOT_FOUND for another account's secrets, configs and cluster", async () => {
    const secret = (await server.ok(CreateSwarmSecretDocument, { clusterId, input: { name: name('mine'), data: 'm' } }, token)).createSwarmSecret;
    const config = (await server.ok(CreateSwarmConfigDocument, { clusterId, input: { name: name('mine'), data: 'm' } }, token)).createSwarmConfig;
    const other = await server.token();
    const attempts = [
      server.request(SwarmSecretDocument, { id: secret.id }, other),
      server.request(UpdateSwarmSecretDocument, { id: secret.id, input: { labels: { x: 'y' } } }, other),
      server.request(RotateSwarmSecretDocument, { id: secret.id, data: 'stolen' }, other),
      server.request(RemoveSwarmSecretDocument, { id: secret.id }, other),
      server.request(SwarmConfigDocument, { id: config.id }, other),
      server.request(RotateSwarmConfigDocument, { id: config.id, data: 'stolen' }, other),
      server.request(RemoveSwarmConfigDocument, { id: config.id }, other),
      server.request(CreateSwarmSecretDocument, { clusterId, input: { name: name('theirs'), data: 'x' } }, other),
    ];
    for (const answer of await Promise.all(attempts)) expect(codeOf(answer)).toBe('NOT_FOUND');
    expect((await docker.getSecret(secret.dockerId).inspect()).Spec!.Labels).toEqual({});
    expect((await docker.listSecrets()).filter((s) => s.Spec?.Name?.startsWith(`t${run}_theirs`))).toEqual([]);
    // A reader may look but not change.
    const reader = await server.token({ permissions: ['swarm.clusters.read'] });
    expect(codeOf(await server.request(RotateSwarmSecretDocument, { id: secret.id, data: 'x' }, reader))).toBe('FORBIDDEN');
  });
});
