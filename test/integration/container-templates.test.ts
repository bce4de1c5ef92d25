import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { Permission } from '../../src/auth/permissions';
import {
  ContainerCleanupPolicy,
  ContainerTemplateDocument,
  ContainerTemplatesDocument,
  CreateContainerTemplateDocument,
  DeleteContainerTemplateDocument,
  UpdateContainerTemplateDocument,
  MountType,
  VaultTokenDelivery,
} from '../generated/graphql';
import type { Principal } from '../../src/auth/principal';
import { TestServer, codeOf } from '../support/harness';
import { TEST_DATABASE_URL } from '../support/setup-env';

const JOB = { image: 'fleet/busybox', command: ['sh', '-c', 'echo hi'], env: ['GREETING=hello', 'API_KEY=s3cr3t-value-42'] };

describe('container templates', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    // Policies named job-*: shared by the test accounts (the default keeps each account to fleet-<account>-*).
    server = await TestServer.start({ VAULT_POLICY_PATTERN: 'job-*' });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    token = await server.token({ accountId: `tpl-${randomUUID()}`, permissions: [Permission.DockerHostsManage] });
  });

  it('stores a template with its defaults, returns the environment by name only and keeps the values sealed at rest', async () => {
    const { createContainerTemplate: made } = await server.ok(CreateContainerTemplateDocument, { input: { name: 'nightly', container: JOB, vaultPolicies: ['job-read'], timeoutSeconds: 30 } }, token);
    expect(made).toMatchObject({ name: 'nightly', version: 1, image: 'fleet/busybox', command: JOB.command, envNames: ['GREETING', 'API_KEY'], cpuMillicores: 500, memoryMb: 256, storageMb: 0, killGraceSeconds: 10, cleanupPolicy: ContainerCleanupPolicy.Always, vaultDelivery: VaultTokenDelivery.Wrapped, vaultTtlSeconds: 100, pinnedDigest: null });
    const pg = new PgClient({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    try {
      const { rows } = await pg.query('select * from container_templates where id = $1', [made.id]);
      expect(JSON.stringify(rows[0])).not.toContain('s3cr3t-value-42');
      expect(rows[0].sealed_env).toMatch(/^v1\./);
    } finally {
      await pg.end();
    }
    const stored = await server.app.services.templates.get({ accountId: accountOf(token) } as Principal, made.id);
    expect(server.app.services.templates.environment(stored)).toEqual(JOB.env);
  });

  it('adds one to the version on update, replacing every setting, and keeps other accounts out', async () => {
    const { createContainerTemplate: made } = await server.ok(CreateContainerTemplateDocument, { input: { name: 'report', container: JOB } }, token);
    const { updateContainerTemplate: updated } = await server.ok(UpdateContainerTemplateDocument, { id: made.id, input: { name: 'report', container: { image: 'fleet/busybox', command: ['true'] }, memoryMb: 64, cleanupPolicy: ContainerCleanupPolicy.OnSuccess } }, token);
    expect(updated).toMatchObject({ id: made.id, version: 2, command: ['true'], envNames: [], memoryMb: 64, cleanupPolicy: ContainerCleanupPolicy.OnSuccess, vaultDelivery: VaultTokenDelivery.None });
    expect((await server.ok(ContainerTemplatesDocument, {}, token)).containerTemplates.map((t) => [t.name, t.version])).toEqual([['report', 2]]);

    const stranger = await server.token({ permissions: [Permission.DockerHostsManage] });
    expect(codeOf(await server.request(ContainerTemplateDocument, { id: made.id }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await server.request(UpdateContainerTemplateDocument, { id: made.id, input: { name: 'x', container: JOB } }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await server.request(DeleteContainerTemplateDocument, { id: made.id }, stranger))).toBe('NOT_FOUND');
    expect((await server.ok(ContainerTemplatesDocument, {}, stranger)).containerTemplates).toEqual([]);

    expect((await server.ok(DeleteContainerTemplateDocument, { id: made.id }, token)).deleteContainerTemplate).toBe(made.id);
    expect(codeOf(await server.request(ContainerTemplateDocument, { id: made.id }, token))).toBe('NOT_FOUND');
  });

  it('writes an update only over the version it read: of two at once each gets its own version or CONFLICT, and a deleted template stays deleted', async () => {
    const { createContainerTemplate: made } = await server.ok(CreateContainerTemplateDocument, { input: { name: 'race', container: JOB } }, token);
    const answers = await Promise.all([64, 128, 192].map((memoryMb) => server.request(UpdateContainerTemplateDocument, { id: made.id, input: { name: 'race', container: JOB, memoryMb } }, token)));
    const versions = answers.flatMap((a) => (a.data ? [a.data.updateContainerTemplate.version] : []));
    expect(new Set(versions).size).toBe(versions.length);
    for (const a of answers) if (!a.data) expect(codeOf(a)).toBe('CONFLICT');
    const latest = (await server.ok(ContainerTemplateDocument, { id: made.id }, token)).containerTemplate;
    expect(latest.version).toBe(1 + versions.length);
    expect(latest.memoryMb).toBe(answers.filter((a) => a.data).map((a) => a.data!.updateContainerTemplate).find((t) => t.version === latest.version)!.memoryMb);

    await server.ok(DeleteContainerTemplateDocument, { id: made.id }, token);
    expect(codeOf(await server.request(UpdateContainerTemplateDocument, { id: made.id, input: { name: 'race', container: JOB } }, token))).toBe('NOT_FOUND');
    expect((await server.ok(ContainerTemplatesDocument, {}, token)).containerTemplates).toEqual([]);
  });

  it('judges the container by the workload policy when saved: host-reaching settings need docker.hosts.privileged', async () => {
    const refused = await server.request(CreateContainerTemplateDocument, { input: { name: 'root', container: { ...JOB, privileged: true } } }, token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.extensions?.field).toBe('container.privileged');
    const bind = await server.request(CreateContainerTemplateDocument, { input: { name: 'root', container: { ...JOB, mounts: [{ type: MountType.Bind, source: '/etc', target: '/host' }] } } }, token);
    expect(codeOf(bind)).toBe('FORBIDDEN');
    expect((await server.ok(ContainerTemplatesDocument, {}, token)).containerTemplates).toEqual([]);
    const admin = await server.token({ accountId: accountOf(token), permissions: [Permission.DockerHostsManage, Permission.DockerHostsPrivileged] });
    expect((await server.ok(CreateContainerTemplateDocument, { input: { name: 'root', container: { ...JOB, privileged: true } } }, admin)).createContainerTemplate.name).toBe('root');
  });

  it.each([
    [{ name: 'bad name!' }, 'name', 'BAD_USER_INPUT'],
    [{ container: { ...JOB, cpuLimit: 1 } }, 'container.cpuLimit', 'BAD_USER_INPUT'],
    [{ container: { ...JOB, env: ['=nope'] } }, 'container.env[0]', 'BAD_USER_INPUT'],
    [{ timeoutSeconds: 0 }, 'timeoutSeconds', 'BAD_USER_INPUT'],
    [{ timeoutSeconds: 100, killGraceSeconds: 10, vaultTtlSeconds: 100 }, 'vaultTtlSeconds', 'BAD_USER_INPUT'],
    [{ vaultDelivery: VaultTokenDelivery.Env }, 'vaultPolicies', 'BAD_USER_INPUT'],
    [{ vaultPolicies: ['root'] }, 'vaultPolicies[0]', 'BAD_USER_INPUT'],
    [{ pinnedDigest: 'latest' }, 'pinnedDigest', 'BAD_USER_INPUT'],
  ])('refuses %j naming %s, storing nothing', async (change, field, code) => {
    const answer = await server.request(CreateContainerTemplateDocument, { input: { name: 'job', container: JOB, ...change } }, token);
    expect(codeOf(answer)).toBe(code);
    expect(answer.errors?.[0]?.extensions?.field).toBe(field);
    expect((await server.ok(ContainerTemplatesDocument, {}, token)).containerTemplates).toEqual([]);
  });

  it('answers CONFLICT naming the field for a second template of the same name', async () => {
    await server.ok(CreateContainerTemplateDocument, { input: { name: 'twice', container: JOB } }, token);
    const again = await server.request(CreateContainerTemplateDocument, { input: { name: 'twice', container: JOB } }, token);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.field).toBe('name');
  });
});

/** The account a test token was issued for (the harness signs `accountId` into the token). */
function accountOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { accountId: string }).accountId;
}
