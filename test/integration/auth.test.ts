import { SignJWT } from 'jose';
import { print } from 'graphql';
import { ActivityOutcome, DeleteDockerHostDocument, DockerHostEnvironment, DockerHostsDocument, RegisterDockerHostDocument, ActivitiesDocument } from '../generated/graphql';
import { TestServer, codeOf, newAccountId } from '../support/harness';

/** Hosts here point at a closed loopback port: auth is what is under test, not Docker. */
const closedPort = (name: string) => ({ name, apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development });

describe('authentication and permissions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.close());

  const listHosts = (token?: string) => server.request(DockerHostsDocument, {}, token);

  it('answers UNAUTHENTICATED without a token', async () => {
    const result = await listHosts();
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('answers UNAUTHENTICATED for an expired token', async () => {
    const expired = await new SignJWT({ accountId: newAccountId(), permissions: ['docker.hosts.read'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(Buffer.from(process.env.JWT_SECRET!));
    const result = await listHosts(expired);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(/expired/);
  });

  it('answers UNAUTHENTICATED for alg:none', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u', accountId: 'a', permissions: ['docker.hosts.manage'], exp })}.`;
    expect(codeOf(await listHosts(unsigned))).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED for a token signed with another secret, or without exp', async () => {
    const claims = { accountId: newAccountId(), permissions: ['docker.hosts.read'] };
    const wrong = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setExpirationTime('10m')
      .sign(Buffer.from('another-secret-another-secret-another-secret'));
    const noExp = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u').sign(Buffer.from(process.env.JWT_SECRET!));
    expect(codeOf(await listHosts(wrong))).toBe('UNAUTHENTICATED');
    expect(codeOf(await listHosts(noExp))).toBe('UNAUTHENTICATED');
    expect(codeOf(await listHosts('garbage'))).toBe('UNAUTHENTICATED');
  });

  it('lets a valid token read, and answers FORBIDDEN without the permission', async () => {
    expect(codeOf(await listHosts(await server.token({ permissions: ['docker.hosts.read'] })))).toBeUndefined();
    expect(codeOf(await listHosts(await server.token({ permissions: ['swarm.clusters.manage'] })))).toBe('FORBIDDEN');
  });

  it('treats docker.hosts.manage as implying read', async () => {
    expect(codeOf(await listHosts(await server.token({ permissions: ['docker.hosts.manage'] })))).toBeUndefined();
  });

  it('refuses a mutation to a read-only token, and records the denial', async () => {
    const accountId = newAccountId();
    const readOnly = await server.token({ accountId, permissions: ['docker.hosts.read'], sub: 'reader' });
    const result = await server.request(RegisterDockerHostDocument, { input: closedPort('nope') }, readOnly);
    expect(codeOf(result)).toBe('FORBIDDEN');

    const hosts = await server.ok(DockerHostsDocument, {}, readOnly);
    expect(hosts.dockerHosts.totalCount).toBe(0);
    const { activities } = await server.ok(ActivitiesDocument, {}, readOnly);
    expect(activities.nodes).toEqual([
      expect.objectContaining({ action: 'registerDockerHost', outcome: ActivityOutcome.Denied, errorCode: 'FORBIDDEN', actor: 'reader' }),
    ]);
  });

  const auditRows = (requestId: string) =>
    server.app.orm.em.fork().getConnection().execute(`select account_id, outcome, error_code, target_id from activities where request_id = ?`, [requestId]);

  it('records an unauthenticated mutation attempt without attributing it to any account', async () => {
    const requestId = `anon-${Date.now()}`;
    const result = await server.post({ query: print(RegisterDockerHostDocument), variables: { input: closedPort('anon') } }, undefined, { 'x-request-id': requestId });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(await auditRows(requestId)).toEqual([{ account_id: null, outcome: 'denied', error_code: 'UNAUTHENTICATED', target_id: null }]);
  });

  it('records a denied call even when its id argument is absurd', async () => {
    const requestId = `long-${Date.now()}`;
    const token = await server.token({ permissions: ['docker.hosts.read'] });
    const result = await server.post({ query: print(DeleteDockerHostDocument), variables: { id: 'a'.repeat(300) } }, token, { 'x-request-id': requestId });
    expect(codeOf(result)).toBe('FORBIDDEN');
    const [row] = await auditRows(requestId);
    expect(row).toMatchObject({ outcome: 'denied', error_code: 'FORBIDDEN' });
    expect(row.target_id).toHaveLength(128);
  });
});
