import { ConnectDockerHostDocument, DockerHostDiagnosisDocument, DockerHostEnvironment, DockerHostStatus, RegisterDockerHostDocument, type RegisterDockerHostInput } from '../generated/graphql';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { loadFleet, pemFingerprint, type Fleet } from '../support/fleet';
import { TestServer } from '../support/harness';
import { serverCertificate } from '../support/certs';
import { RestClient } from '../support/rest';
import { TcpProxy } from '../support/tcp-proxy';

/**
 * The troubleshooting rows "host stuck in pending" and "repeated error status", provoked for real: a closed port, a
 * name that does not resolve, and the fleet's mutual-TLS host h3 given a CA that did not sign it, a client certificate
 * from another CA, none at all, and reached at an address its certificate does not name; a TLS endpoint whose
 * certificate is expired or not yet valid (made by openssl for the test: no fleet daemon's certificate can be
 * backdated without restarting it); a key not matching its certificate, which registration refuses before anything is
 * stored. Each host's diagnosis (GraphQL and REST) names the cause from the endpoint probed step by step.
 */
describe('DockerHost.diagnosis on the real fleet', () => {
  let server: TestServer;
  let fleet: Fleet;
  let token: string;
  let api: RestClient;

  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.start();
    token = await server.token();
    api = new RestClient(server);
  });
  afterAll(() => server?.close());

  let counter = 0;
  const register = async (input: Omit<RegisterDockerHostInput, 'name' | 'environment'>) =>
    (await server.ok(RegisterDockerHostDocument, { input: { name: `diag-${++counter}`, environment: DockerHostEnvironment.Staging, ...input } }, token)).registerDockerHost;
  const diagnose = async (id: string) => {
    const started = Date.now();
    const host = (await server.ok(DockerHostDiagnosisDocument, { id }, token)).dockerHost!;
    return { ...host, ms: Date.now() - started };
  };

  it('diagnoses a closed port as refused, with the curl line to try, and answers the same on REST', async () => {
    const host = await register({ apiEndpoint: 'tcp://127.0.0.1:1' });
    expect(host.status).toBe(DockerHostStatus.Pending);
    const { diagnosis, ms } = await diagnose(host.id);
    console.log(`closed port diagnosed in ${ms} ms`);
    expect(diagnosis).toMatchObject({
      symptom: 'host stuck in pending',
      cause: expect.stringMatching(/^API endpoint unreachable: 127\.0\.0\.1:1 refused the connection \(ECONNREFUSED\)/),
      firstAction: expect.stringContaining('curl -sS --max-time 5 http://127.0.0.1:1/_ping'),
      mutations: ['connectDockerHost'],
    });
    expect(diagnosis!.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^resolve: ok/), expect.stringMatching(/^connect: FAILED/)]));

    const rest = await api.call('GET', `/api/v1/devops/docker/hosts/${host.id}/diagnosis`, { token });
    expect(rest.status).toBe(200);
    expect(rest.body.diagnosis).toMatchObject({ symptom: diagnosis!.symptom, cause: diagnosis!.cause, first_action: diagnosis!.firstAction, mutations: diagnosis!.mutations });
    expect((await api.call('GET', '/api/v1/devops/docker/hosts/00000000-0000-4000-8000-000000000000/diagnosis', { token })).status).toBe(404);
    expect((await api.call('GET', '/api/v1/devops/container_instances/00000000-0000-4000-8000-000000000000/diagnosis', { token })).status).toBe(404);
  });

  it('diagnoses a name that does not resolve, and stops there', async () => {
    const host = await register({ apiEndpoint: 'tcp://no-such-docker-host.invalid:2375' });
    const { diagnosis } = await diagnose(host.id);
    expect(diagnosis!.cause).toMatch(/^API endpoint unreachable: no-such-docker-host\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN)/);
    expect(diagnosis!.mutations).toEqual(['updateDockerHost', 'connectDockerHost']);
    expect(diagnosis!.evidence.filter((e) => /^(connect|tls|docker):/.test(e))).toEqual([]);
  });

  it.each([
    ['a CA that did not sign the daemon certificate', (f: Fleet) => ({ ca: f.wrong.ca, cert: f.tls.cert, key: f.tls.key }), /^bad TLS credentials: unknown CA, the daemon's certificate is not signed by the stored CA \(CN=fleet test wrong-ca\)/],
    ['a client certificate from another CA', (f: Fleet) => ({ ca: f.tls.ca, cert: f.wrong.cert, key: f.wrong.key }), /^bad TLS credentials: client certificate refused, the daemon does not accept the stored client certificate \(CN=[^,]+, issued by CN=fleet test wrong-ca\)/],
    ['no client certificate', (f: Fleet) => ({ ca: f.tls.ca }), /^bad TLS credentials: client certificate refused, no client certificate is stored/],
  ])('names the failing TLS check against h3 given %s', async (_label, credentials, cause) => {
    const host = await register({ apiEndpoint: fleet.tlsEndpoint, tlsCredentials: credentials(fleet) });
    expect(host).toMatchObject({ status: DockerHostStatus.Pending, lastErrorCode: 'TLS_ERROR' });
    const { diagnosis } = await diagnose(host.id);
    expect(diagnosis!.cause).toMatch(cause);
    expect(diagnosis!.mutations).toEqual(['updateDockerHost', 'connectDockerHost']);
    expect(diagnosis!.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^connect: ok/), expect.stringMatching(/^tls: FAILED/), expect.stringMatching(/^stored CA CN=fleet test .*valid until/)]));
    const everything = JSON.stringify(diagnosis);
    for (const pem of [fleet.tls.key, fleet.wrong.key, fleet.tls.cert]) expect(everything).not.toContain(pemFingerprint(pem));
  });

  it('names the address the certificate does not carry, reaching h3 through 127.0.0.2', async () => {
    const url = new URL(fleet.tlsEndpoint);
    const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port) }, '127.0.0.2');
    try {
      const host = await register({ apiEndpoint: `https://127.0.0.2:${proxy.port}`, tlsCredentials: fleet.tls });
      const { diagnosis } = await diagnose(host.id);
      expect(diagnosis!.cause).toMatch(/^the daemon's certificate does not name 127\.0\.0\.2: it names IP Address:10\.210\.3\.2, IP Address:127\.0\.0\.1, DNS:localhost$/);
      expect(diagnosis!.firstAction).toMatch(/in its SAN/);
      expect(diagnosis!.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^server certificate CN=\S+ \(issuer CN=fleet test ca\): valid until/)]));
    } finally {
      await proxy.close();
    }
  });

  it('never stores a key that does not match its client certificate: registration refuses it by field, and no host is left', async () => {
    const name = `diag-mismatch-${++counter}`;
    const result = await server.request(RegisterDockerHostDocument, { input: { name, environment: DockerHostEnvironment.Staging, apiEndpoint: fleet.tlsEndpoint, tlsCredentials: { ca: fleet.tls.ca, cert: fleet.tls.cert, key: fleet.wrong.key } } }, token);
    expect(result.errors?.[0]).toMatchObject({ message: 'tlsCredentials.key does not match tlsCredentials.cert', extensions: { code: 'BAD_USER_INPUT', field: 'tlsCredentials.key' } });
    const hosts = await api.call('GET', '/api/v1/devops/docker/hosts', { token });
    expect(hosts.body.hosts.map((h: { name: string }) => h.name)).not.toContain(name);
  });

  const DAY = 86_400_000;
  it.each([
    ['expired', -60 * DAY, -30 * DAY, /^the daemon's certificate is expired/],
    ['not yet valid', 30 * DAY, 60 * DAY, /^the daemon's certificate is not yet valid.*, or a clock is wrong$/],
  ])('names a daemon certificate that is %s, from a real TLS handshake with it', async (_label, from, to, cause) => {
    // A TLS endpoint whose certificate (signed by a CA of its own, which the host is given) is valid only in the past
    // or the future: the handshake fails on the dates alone.
    const material = await serverCertificate({ cn: 'dated-daemon', notBefore: new Date(Date.now() + from), notAfter: new Date(Date.now() + to) });
    const endpoint: TlsServer = createTlsServer({ cert: material.cert, key: material.key }, (socket) => socket.destroy());
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    try {
      const port = (endpoint.address() as { port: number }).port;
      const host = await register({ apiEndpoint: `https://127.0.0.1:${port}`, tlsCredentials: { ca: material.ca, cert: fleet.tls.cert, key: fleet.tls.key } });
      expect(host).toMatchObject({ status: DockerHostStatus.Pending, lastErrorCode: 'TLS_ERROR' });
      const { diagnosis } = await diagnose(host.id);
      expect(diagnosis!.cause).toMatch(cause);
      expect(diagnosis!.firstAction).toMatch(/Renew the daemon's certificate/);
      expect(diagnosis!.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^connect: ok/), expect.stringMatching(/^tls: FAILED/)]));
    } finally {
      await new Promise((resolve) => endpoint.close(resolve));
    }
  });

  it('says "repeated error status" after the fifth failed check, with recoverDockerHost, and when the stored certificates expire', async () => {
    const host = await register({ apiEndpoint: fleet.tlsEndpoint, tlsCredentials: { ca: fleet.wrong.ca, cert: fleet.tls.cert, key: fleet.tls.key } });
    let status = host.status;
    for (let i = 0; i < 4; i++) status = (await server.ok(ConnectDockerHostDocument, { id: host.id }, token)).connectDockerHost.status;
    expect(status).toBe(DockerHostStatus.Error);
    const { diagnosis } = await diagnose(host.id);
    expect(diagnosis).toMatchObject({ symptom: 'repeated error status', cause: expect.stringMatching(/unknown CA/), mutations: ['updateDockerHost', 'recoverDockerHost'] });
    expect(diagnosis!.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^ERROR after 5 consecutive failed checks/), expect.stringMatching(/^stored client certificate CN=client \(issuer CN=fleet test ca\): valid until \d{4}-/)]));
  });

  it('is null for a connected host, which is not probed', async () => {
    const host = await register({ apiEndpoint: fleet.tlsEndpoint, tlsCredentials: fleet.tls });
    expect(host.status).toBe(DockerHostStatus.Connected);
    expect((await diagnose(host.id)).diagnosis).toBeNull();
  });
});
