import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { Permission } from '../../src/auth/permissions';
import { CreateContainerTemplateDocument } from '../generated/graphql';
import { loadSwarmFleet, swarmNode } from '../support/fleet';
import { TestServer } from '../support/harness';
import { RestClient } from '../support/rest';
import { waitFor } from '../support/wait';

const INSTANCES = '/api/v1/devops/container_instances';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The runbook's container execution through REST, on the fleet's s4 engine as a plain Docker host: pending →
 * provisioning → running with its container id (the runbook's verification), usage, cancel, retry, and the same
 * quota, workload policy and audit as runContainerInstance.
 */
describe('REST container instances (/api/v1/devops/container_instances)', () => {
  jest.setTimeout(90_000);
  let server: TestServer;
  let api: RestClient;
  let docker: Docker;
  let token: string;
  let hostId: string;
  const accountId = `rest-run-${randomUUID()}`;

  const spec = (command: string, more: Json = {}) => ({ name: `rest-job-${randomUUID().slice(0, 6)}`, container: { image: 'fleet/busybox', command: ['sh', '-c', command], ...more }, timeout_seconds: 60, kill_grace_seconds: 1, memory_mb: 32, cpu_millicores: 200 });
  const get = async (id: string) => (await api.call('GET', `${INSTANCES}/${id}`, { token })).body.container_instance as Json;
  const until = (id: string, what: string, test: (i: Json) => boolean) => waitFor(async () => {
    const instance = await get(id);
    return test(instance) && instance;
  }, { what: `instance ${id} ${what}`, timeoutMs: 45_000 });

  beforeAll(async () => {
    server = await TestServer.syncing({ INSTANCE_LEASE_SECONDS: '3', INSTANCE_USAGE_FLUSH_MS: '500' }, { logLevel: 'warn' });
    api = new RestClient(server);
    token = await server.token({ accountId, permissions: [Permission.DockerHostsManage, Permission.DockerHostsRead] });
    const s4 = swarmNode(loadSwarmFleet(), 's4');
    docker = new Docker({ socketPath: s4.socket.replace('unix://', '') });
    const host = await api.call('POST', '/api/v1/devops/docker/hosts', { token, body: { host: { name: `s4-${randomUUID().slice(0, 6)}`, api_endpoint: s4.endpoint, environment: 'development', sync_interval_seconds: 3600 } } });
    expect(host.body.host?.status).toBe('connected');
    hostId = host.body.host.id;
  });
  afterAll(() => server?.close());

  it('runs a direct spec to running with its container id and usage, cancels it, and retries it as a new instance', async () => {
    const started = await api.call('POST', INSTANCES, { token, body: { container_instance: { spec: spec('echo started; exec sleep 60'), host_id: hostId, env: ['GREETING=hello'] } } });
    expect(started.status).toBe(201);
    expect(started.body.container_instance).toMatchObject({ status: 'pending', host_id: hostId, placement_reason: 'hostId given', image: 'fleet/busybox', env_names: ['GREETING'], has_security_violations: false, violations: [] });
    expect(JSON.stringify(started.body)).not.toContain('hello');
    const id: string = started.body.container_instance.id;

    // The runbook's verification: status running and container_id populated; then the sampled usage.
    const running = await until(id, 'running with usage', (i) => i.status === 'running' && i.memory_used_mb !== null);
    expect(running.container_id).toMatch(/^[0-9a-f]{64}$/);
    expect((await docker.getContainer(running.container_id).inspect()).State.Running).toBe(true);
    expect(running).toMatchObject({ memory_used_mb: expect.any(Number), cpu_used_millicores: expect.any(Number), network_bytes_in: expect.any(Number), network_bytes_out: expect.any(Number) });
    expect(running.transitions.map((t: Json) => t.status)).toEqual(['pending', 'provisioning', 'running']);

    const early = await api.call('POST', `${INSTANCES}/${id}/retry`, { token });
    expect([early.status, early.body.error.code]).toEqual([409, 'CONFLICT']);
    const cancelled = await api.call('POST', `${INSTANCES}/${id}/cancel`, { token });
    expect(cancelled.status).toBe(200);
    const ended = await until(id, 'cancelled', (i) => i.status === 'cancelled');
    expect(ended).toMatchObject({ container_id: running.container_id, storage_used_bytes: expect.any(Number), finished_at: expect.any(String) });
    const again = await api.call('POST', `${INSTANCES}/${id}/cancel`, { token });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);

    const retried = await api.call('POST', `${INSTANCES}/${id}/retry`, { token });
    expect(retried.status).toBe(201);
    expect(retried.body.container_instance).toMatchObject({ retry_of: id, status: 'pending', name: ended.name, env_names: ['GREETING'] });
    await api.call('POST', `${INSTANCES}/${retried.body.container_instance.id}/cancel`, { token });
    await until(retried.body.container_instance.id, 'cancelled', (i) => i.status === 'cancelled');

    const listed = await api.call('GET', `${INSTANCES}?status=cancelled&host_id=${hostId}`, { token });
    expect(listed.body.container_instances.map((i: Json) => i.id)).toEqual([retried.body.container_instance.id, id]);
    const activities = await api.call('GET', `/api/v1/devops/docker/activities?since=${encodeURIComponent(started.body.container_instance.created_at)}`, { token });
    expect(activities.body.activities.map((a: Json) => [a.action, a.outcome]).reverse()).toEqual([
      ['runContainerInstance', 'success'],
      ['retryContainerInstance', 'failure'],
      ['cancelContainerInstance', 'success'],
      ['cancelContainerInstance', 'failure'],
      ['retryContainerInstance', 'success'],
      ['cancelContainerInstance', 'success'],
    ]);
    expect(JSON.stringify(activities.body)).not.toContain('hello');
  });

  it('runs a template by template_id to its end: failed with its exit code, stdout and stderr apart', async () => {
    const { createContainerTemplate: template } = await server.ok(CreateContainerTemplateDocument, { input: { name: `rest-tpl-${randomUUID().slice(0, 6)}`, container: { image: 'fleet/busybox', command: ['sh', '-c', 'echo out; echo err >&2; exit 3'] }, timeoutSeconds: 60, killGraceSeconds: 1, memoryMb: 32, cpuMillicores: 200 } }, token);
    const started = await api.call('POST', INSTANCES, { token, body: { container_instance: { template_id: template.id, host_id: hostId } } });
    expect(started.body.container_instance).toMatchObject({ template_id: template.id, template_version: 1 });
    const done = await until(started.body.container_instance.id, 'ended', (i) => !['pending', 'provisioning', 'running'].includes(i.status));
    expect(done).toMatchObject({ status: 'failed', exit_code: 3, error_code: 'EXIT_CODE', stdout: 'out\n', stderr: 'err\n', output_truncated: false });
    const byTemplate = await api.call('GET', `${INSTANCES}?template_id=${template.id}`, { token });
    expect(byTemplate.body.container_instances.map((i: Json) => i.id)).toEqual([done.id]);
  });

  it('judges a run by the workload policy: a privileged container without docker.hosts.privileged is 403, recorded as a violation', async () => {
    const refused = await api.call('POST', INSTANCES, { token, body: { container_instance: { spec: spec('true', { privileged: true }), host_id: hostId } } });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // The policy names the container setting (as it does through GraphQL, relative to the container).
    expect(refused.body.error.field).toMatch(/^container_instance\.(spec\.container\.)?privileged$/);
    const failed = await api.call('GET', `${INSTANCES}?status=failed`, { token });
    const violation = failed.body.container_instances.find((i: Json) => i.has_security_violations);
    expect(violation).toMatchObject({ container_id: null, violations: [expect.objectContaining({ kind: 'policy_refused' })] });
  });

  it('answers bad requests 400 or 422 naming the field, foreign runs 404, and callers without docker.hosts.manage 403', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{}, 400, 'container_instance'],
      [{ container_instance: { templateId: randomUUID() } }, 400, 'container_instance.templateId'],
      [{ container_instance: { host_id: 'h1', spec: spec('true') } }, 400, 'container_instance.host_id'],
      [{ container_instance: { spec: { ...spec('true'), cleanup_policy: 'ALWAYS' } } }, 400, 'container_instance.spec.cleanup_policy'],
      [{ container_instance: { host_id: hostId } }, 422, 'container_instance.template_id'],
      [{ container_instance: { spec: spec('true'), host_id: hostId, env: ['not an entry'] } }, 422, 'container_instance.env[0]'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await api.call('POST', INSTANCES, { token, body });
      expect([field, answer.status, answer.body.error.field]).toEqual([field, status, field]);
    }
    const bad = await api.call('GET', `${INSTANCES}?status=RUNNING`, { token });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'status']);

    const { body } = await api.call('POST', INSTANCES, { token, body: { container_instance: { spec: spec('true'), host_id: hostId } } });
    const stranger = await server.token();
    for (const [method, path] of [['GET', ''], ['POST', '/cancel'], ['POST', '/retry']] as const) {
      const answer = await api.call(method, `${INSTANCES}/${body.container_instance.id}${path}`, { token: stranger });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const reader = await server.token({ accountId, permissions: [Permission.DockerHostsRead] });
    expect((await api.call('GET', `${INSTANCES}/${body.container_instance.id}`, { token: reader })).status).toBe(200);
    for (const path of ['', `/${body.container_instance.id}/cancel`, `/${body.container_instance.id}/retry`]) {
      const answer = await api.call('POST', `${INSTANCES}${path}`, { token: reader, body: path ? undefined : { container_instance: { spec: spec('true'), host_id: hostId } } });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    expect((await api.call('GET', INSTANCES)).status).toBe(401);
    await until(body.container_instance.id, 'ended', (i) => i.status === 'completed');
  });

  it('answers every container instance route as openapi.json documents it', () => {
    const routes = [`GET ${INSTANCES}`, `POST ${INSTANCES}`, `GET ${INSTANCES}/{id}`, `POST ${INSTANCES}/{id}/cancel`, `POST ${INSTANCES}/{id}/retry`];
    const answered = new Set([...api.checked].map((key) => key.split(' ').slice(0, 2).join(' ')));
    expect(routes.filter((route) => !answered.has(route))).toEqual([]);
  });
});
