import { SignJWT } from 'jose';
import { ActivityOutcome } from '../../src/activities/activity.entity';
import { ALL_PERMISSIONS, Permission } from '../../src/auth/permissions';
import { loadFleet } from '../support/fleet';
import { RevokeTokensDocument } from '../generated/graphql';
import { TestServer, newAccountId } from '../support/harness';
import { RestClient, runCurl, validateOpenApiDocument } from '../support/rest';

/**
 * /work/shared/docs/seed-runbook.txt, "Procedure — Adding a New Docker Host" (line 163), copied verbatim: the API's
 * origin and `<jwt>` are the only things the test changes.
 */
const RUNBOOK_REGISTER_HOST = `curl -X POST https://api.powernode.example.com/api/v1/devops/docker/hosts \\ -H "Authorization: Bearer <jwt>" \\ -H "Content-Type: application/json" \\ -d '{ "host": { "name": "docker-prod-1", "api_endpoint": "https://10.0.0.10:2376", "environment": "production", "tls_verify": true, "tls_credentials": { /* ca / cert / key — encrypted on save */ } } }'`;

const HOSTS = '/api/v1/devops/docker/hosts';

describe('REST docker hosts (/api/v1/devops/docker/hosts)', () => {
  let server: TestServer;
  let api: RestClient;

  beforeAll(async () => {
    server = await TestServer.start();
    api = new RestClient(server);
  });
  afterAll(() => server.close());

  const host = (name: string, more: Record<string, unknown> = {}) => ({ host: { name, api_endpoint: 'tcp://127.0.0.1:1', environment: 'development', ...more } });

  it("registers a host from the runbook's curl line as written, answering 201 with the host pending until it is reached", async () => {
    const token = await server.token();
    const created = await runCurl(api, RUNBOOK_REGISTER_HOST, { token });
    expect(created.status).toBe(201);
    expect(created.body.host).toMatchObject({ name: 'docker-prod-1', api_endpoint: 'https://10.0.0.10:2376', environment: 'production', tls_verify: true, has_tls_credentials: false, status: 'pending' });
    expect(created.body.host.last_error_code).toEqual(expect.any(String));
  });

  it('registers a fleet host with the runbook body and TLS credentials: GET /hosts/:id then says status connected', async () => {
    const fleet = loadFleet();
    const token = await server.token();
    const credentials = JSON.stringify(fleet.tls);
    const created = await runCurl(api, RUNBOOK_REGISTER_HOST, {
      token,
      replace: [
        ['https://10.0.0.10:2376', fleet.tlsEndpoint],
        ['{ /* ca / cert / key — encrypted on save */ }', credentials],
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.host.status).toBe('connected');
    expect(created.body.host.has_tls_credentials).toBe(true);
    expect(JSON.stringify(created.body)).not.toContain(fleet.tls.key.split('\n')[1]);
    // The runbook's verification: GET /api/v1/devops/docker/hosts/:id → status: connected
    const shown = await api.call('GET', `${HOSTS}/${created.body.host.id}`, { token });
    expect(shown.status).toBe(200);
    expect(shown.body.host).toMatchObject({ id: created.body.host.id, status: 'connected', docker_version: expect.any(String), container_count: expect.any(Number) });
  });

  it('lists by page and per_page, by cursor, and with the GraphQL filters (status, environment, search)', async () => {
    const token = await server.token();
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
    for (const [i, name] of names.entries()) {
      const answer = await api.call('POST', HOSTS, { token, body: host(name, { api_endpoint: `tcp://127.0.0.1:${i + 1}`, environment: i % 2 === 0 ? 'staging' : 'development' }) });
      expect(answer.status).toBe(201);
    }
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(await api.call('GET', `${HOSTS}?page=${page}&per_page=2`, { token }));
    expect(pages.map((p) => p.body.hosts.map((h: { name: string }) => h.name))).toEqual([['alpha', 'bravo'], ['charlie', 'delta'], ['echo'], []]);
    expect(pages[0]!.body.meta).toEqual({ page: 1, per_page: 2, total_count: 5, has_next_page: true, next_cursor: expect.any(String) });
    expect(pages[2]!.body.meta).toMatchObject({ page: 3, has_next_page: false, next_cursor: null });

    const next = await api.call('GET', `${HOSTS}?per_page=3&cursor=${encodeURIComponent(pages[0]!.body.meta.next_cursor)}`, { token });
    expect(next.body.hosts.map((h: { name: string }) => h.name)).toEqual(['charlie', 'delta', 'echo']);
    expect(next.body.meta.page).toBeNull();

    const staging = await api.call('GET', `${HOSTS}?environment=staging`, { token });
    expect(staging.body.hosts.map((h: { name: string }) => h.name)).toEqual(['alpha', 'charlie', 'echo']);
    const search = await api.call('GET', `${HOSTS}?search=HAR`, { token });
    expect(search.body.hosts.map((h: { name: string }) => h.name)).toEqual(['charlie']);
    const pending = await api.call('GET', `${HOSTS}?status=pending&per_page=1`, { token });
    expect(pending.body.meta.total_count).toBe(5);
    const connected = await api.call('GET', `${HOSTS}?status=connected`, { token });
    expect(connected.body).toMatchObject({ hosts: [], meta: { total_count: 0 } });
  });

  it('refuses badly shaped list queries with 400 naming the parameter', async () => {
    const token = await server.token();
    for (const [query, field] of [
      ['status=PENDING', 'status'],
      ['per_page=501', 'per_page'],
      ['page=0', 'page'],
      ['colour=blue', 'colour'],
      ['page=2&cursor=abc', 'cursor'],
      ['page=100000&per_page=500', 'page'],
    ]) {
      const answer = await api.call('GET', `${HOSTS}?${query}`, { token });
      expect([query, answer.status, answer.body.error.code, answer.body.error.field]).toEqual([query, 400, 'BAD_USER_INPUT', field]);
    }
    const cursor = await api.call('GET', `${HOSTS}?cursor=not-a-cursor`, { token });
    expect([cursor.status, cursor.body.error.code, cursor.body.error.field]).toEqual([400, 'BAD_USER_INPUT', 'cursor']);
  });

  it('shows, updates and deletes a host of your account; another account gets 404', async () => {
    const token = await server.token();
    const { body } = await api.call('POST', HOSTS, { token, body: host('to-change') });
    const id: string = body.host.id;

    const updated = await api.call('PUT', `${HOSTS}/${id}`, { token, body: { host: { name: 'changed', sync_interval_seconds: 120 } } });
    expect(updated.status).toBe(200);
    expect(updated.body.host).toMatchObject({ id, name: 'changed', sync_interval_seconds: 120, api_endpoint: 'tcp://127.0.0.1:1' });

    const stranger = await server.token();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await api.call(method, `${HOSTS}/${id}`, { token: stranger, ...(method === 'PUT' ? { body: { host: { name: 'mine' } } } : {}) });
      expect([method, answer.status, answer.body.error.code]).toEqual([method, 404, 'NOT_FOUND']);
    }

    const deleted = await api.call('DELETE', `${HOSTS}/${id}`, { token });
    expect(deleted).toEqual({ status: 200, body: { id } });
    const gone = await api.call('GET', `${HOSTS}/${id}`, { token });
    expect([gone.status, gone.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('answers the managers rules as 422 and name clashes as 409, naming the body field', async () => {
    const token = await server.token();
    await api.call('POST', HOSTS, { token, body: host('taken') });
    const clash = await api.call('POST', HOSTS, { token, body: host('taken') });
    expect([clash.status, clash.body.error.code]).toEqual([409, 'CONFLICT']);

    const plainProduction = await api.call('POST', HOSTS, { token, body: host('prod', { environment: 'production' }) });
    expect([plainProduction.status, plainProduction.body.error.code, plainProduction.body.error.field]).toEqual([422, 'BAD_USER_INPUT', 'host.api_endpoint']);
    expect(plainProduction.body.error.message).toContain('host.api_endpoint');
    const interval = await api.call('POST', HOSTS, { token, body: host('slow', { sync_interval_seconds: 5 }) });
    expect([interval.status, interval.body.error.field]).toEqual([422, 'host.sync_interval_seconds']);
    const halfPair = await api.call('POST', HOSTS, { token, body: host('tls', { api_endpoint: 'https://127.0.0.1:2376', tls_credentials: { cert: loadFleet().tls.cert } }) });
    expect([halfPair.status, halfPair.body.error.field]).toEqual([422, 'host.tls_credentials.key']);
  });

  it('refuses bodies of the wrong shape with 400 naming the field, and bodies that are not JSON', async () => {
    const token = await server.token();
    const cases: Array<[unknown, string]> = [
      [{}, 'host'],
      [{ host: { name: 'x', environment: 'development' } }, 'host.api_endpoint'],
      [host('x', { environment: 'PRODUCTION' }), 'host.environment'],
      [host('x', { tls_verify: 'yes' }), 'host.tls_verify'],
      [host('x', { apiEndpoint: 'tcp://127.0.0.1:2' }), 'host.apiEndpoint'],
      [host('x', { tls_credentials: { ca: 'pem', password: 'x' } }), 'host.tls_credentials.password'],
    ];
    for (const [body, field] of cases) {
      const answer = await api.call('POST', HOSTS, { token, body });
      expect([field, answer.status, answer.body.error.code, answer.body.error.field]).toEqual([field, 400, 'BAD_USER_INPUT', field]);
    }
    const broken = await api.call('POST', HOSTS, { token, rawBody: '{"host": ' });
    expect([broken.status, broken.body.error.code]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('needs a valid bearer token (401) and docker.hosts.manage to change hosts (403)', async () => {
    const missing = await api.call('GET', HOSTS);
    expect([missing.status, missing.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await api.call('GET', HOSTS, { token: 'not.a.jwt' });
    expect([forged.status, forged.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const expired = await new SignJWT({ accountId: newAccountId(), permissions: [Permission.DockerHostsRead] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(Buffer.from(process.env.JWT_SECRET!));
    const late = await api.call('GET', HOSTS, { token: expired });
    expect([late.status, late.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(late.body.error.message).toMatch(/expired/);

    const reader = await server.token({ permissions: [Permission.DockerHostsRead] });
    expect((await api.call('GET', HOSTS, { token: reader })).status).toBe(200);
    const refused = await api.call('POST', HOSTS, { token: reader, body: host('nope') });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const swarmOnly = await server.token({ permissions: [Permission.SwarmClustersManage] });
    expect((await api.call('GET', HOSTS, { token: swarmOnly })).status).toBe(403);
  });

  it('refuses a token its account revoked (401 "token revoked"), as the GraphQL door does', async () => {
    const accountId = newAccountId();
    const token = await server.token({ accountId });
    expect((await api.call('GET', HOSTS, { token })).status).toBe(200);
    await server.ok(RevokeTokensDocument, {}, token);
    const refused = await api.call('GET', HOSTS, { token });
    expect([refused.status, refused.body.error]).toEqual([401, { code: 'UNAUTHENTICATED', message: 'token revoked' }]);
  });

  it('answers an oversized body 413 PAYLOAD_TOO_LARGE, before reading it as a host', async () => {
    const token = await server.token();
    const answer = await api.call('POST', HOSTS, { token, body: host('big', { api_endpoint: `tcp://${'a'.repeat(200_000)}:1` }) });
    expect([answer.status, answer.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('audits each change as the GraphQL mutation would: success, failure and denial, secrets redacted', async () => {
    const accountId = newAccountId();
    const token = await server.token({ accountId, sub: 'rest-user' });
    const { body } = await api.call('POST', HOSTS, { token, headers: { 'x-request-id': 'rest-audit-1' }, body: host('audited', { api_endpoint: 'https://127.0.0.1:1', tls_credentials: { ca: loadFleet().tls.ca } }) });
    await api.call('PUT', `${HOSTS}/${body.host.id}`, { token, body: { host: { sync_interval_seconds: 1 } } });
    const reader = await server.token({ accountId, sub: 'reader', permissions: [Permission.DockerHostsRead] });
    await api.call('DELETE', `${HOSTS}/${body.host.id}`, { token: reader });
    await api.call('DELETE', `${HOSTS}/${body.host.id}`, { token });

    const principal = await server.app.services.tokens.verify(await server.token({ accountId, permissions: ALL_PERMISSIONS }));
    const { nodes } = await server.app.services.activities.list(principal, {}, { first: 10 });
    const rows = nodes.map((a) => ({ action: a.action, outcome: a.outcome, errorCode: a.errorCode ?? null, targetId: a.targetId, actor: a.actor }));
    expect(rows.reverse()).toEqual([
      { action: 'registerDockerHost', outcome: ActivityOutcome.SUCCESS, errorCode: null, targetId: body.host.id, actor: 'rest-user' },
      { action: 'updateDockerHost', outcome: ActivityOutcome.FAILURE, errorCode: 'BAD_USER_INPUT', targetId: body.host.id, actor: 'rest-user' },
      { action: 'deleteDockerHost', outcome: ActivityOutcome.DENIED, errorCode: 'FORBIDDEN', targetId: body.host.id, actor: 'reader' },
      { action: 'deleteDockerHost', outcome: ActivityOutcome.SUCCESS, errorCode: null, targetId: body.host.id, actor: 'rest-user' },
    ]);
    expect(nodes.at(-1)?.requestId).toBe('rest-audit-1');
    expect(JSON.stringify(nodes.map((a) => a.parameters))).not.toContain(loadFleet().tls.ca.split('\n')[1]);
  });

  it('serves a valid OpenAPI 3.1 document that names every host route', async () => {
    const document = await api.openApi();
    expect(await validateOpenApiDocument(document)).toEqual({ valid: true });
    expect((document as unknown as { openapi: string }).openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining([HOSTS, `${HOSTS}/{id}`]));
  });

  it('answers every host route as openapi.json documents it (each call above is checked the same way)', async () => {
    const token = await server.token();
    const own = new RestClient(server);
    const { body } = await own.call('POST', HOSTS, { token, body: host('documented') });
    await own.call('GET', HOSTS, { token });
    await own.call('GET', `${HOSTS}/${body.host.id}`, { token });
    await own.call('PUT', `${HOSTS}/${body.host.id}`, { token, body: { host: { name: 'documented-too' } } });
    await own.call('DELETE', `${HOSTS}/${body.host.id}`, { token });
    await own.call('GET', `${HOSTS}/${body.host.id}`, { token });
    expect([...own.checked].sort()).toEqual([`DELETE ${HOSTS}/{id} 200`, `GET ${HOSTS} 200`, `GET ${HOSTS}/{id} 200`, `GET ${HOSTS}/{id} 404`, `POST ${HOSTS} 201`, `PUT ${HOSTS}/{id} 200`]);
  });
});
