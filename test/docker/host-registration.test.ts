import Docker from 'dockerode';
import { DockerHostDocument, DockerHostEnvironment, DockerHostStatus, RegisterDockerHostDocument, type RegisterDockerHostInput } from '../generated/graphql';
import { TestServer } from '../support/harness';
import { startFakeEndpoint } from '../support/fake-endpoints';
import { loadFleet, pemFingerprint, type Fleet } from '../support/fleet';

/** Registration against the real fleet: a unix socket, plain TCP and mutual TLS daemons, plus endpoints that fail. */
describe('registerDockerHost on the real fleet', () => {
  let server: TestServer;
  let fleet: Fleet;
  let token: string;

  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.start();
    token = await server.token();
  });
  afterAll(() => server?.close());

  let counter = 0;
  const register = (input: Omit<RegisterDockerHostInput, 'name' | 'environment'> & { environment?: RegisterDockerHostInput['environment'] }) =>
    server.request(RegisterDockerHostDocument, { input: { name: `host-${++counter}`, environment: DockerHostEnvironment.Staging, ...input } }, token);

  /** What the Engine itself reports, read with a plain dockerode client, to compare with what the API stored. */
  async function rawInfo(options: Docker.DockerOptions) {
    return new Docker(options).info();
  }

  it('connects the local unix socket with real system info', async () => {
    const result = await register({ apiEndpoint: fleet.socketEndpoint });
    const host = result.data!.registerDockerHost;
    const info = await rawInfo({ socketPath: new URL(fleet.socketEndpoint).pathname });
    expect(host).toMatchObject({
      status: DockerHostStatus.Connected,
      lastError: null,
      consecutiveFailures: 0,
      dockerVersion: info.ServerVersion,
      osType: 'linux',
      architecture: info.Architecture,
      cpuCount: info.NCPU,
      memoryBytes: info.MemTotal,
      imageCount: info.Images,
    });
    expect(host.apiVersion).toMatch(/^1\.\d+$/);
    expect(host.imageCount).toBeGreaterThan(0); // the fleet built its busybox images here
    expect(host.lastCheckedAt).not.toBeNull();
    // Disk usage, the Engine's slowest answer, is measured once the listing is stored: it never delays the inventory.
    await server.app.sync.idle();
    expect((await server.request(DockerHostDocument, { id: host.id }, token)).data!.dockerHost!.storageBytes).toBeGreaterThan(0);
  });

  it('connects the plain TCP host in its own network namespace', async () => {
    const host = (await register({ apiEndpoint: fleet.tcpEndpoint })).data!.registerDockerHost;
    const url = new URL(fleet.tcpEndpoint);
    const info = await rawInfo({ host: url.hostname, port: Number(url.port), protocol: 'http' });
    expect(host).toMatchObject({ status: DockerHostStatus.Connected, dockerVersion: info.ServerVersion, containerCount: info.Containers });
    // A different daemon from the main one. Hostname and engine ID are shared (one UTS namespace, one /etc/docker/key.json);
    // the data root is not.
    expect(info.DockerRootDir).toBe('/var/lib/docker-fleet-h2');
  });

  it('connects the mutual-TLS host and never returns or logs the key material', async () => {
    const result = await register({ apiEndpoint: fleet.tlsEndpoint, tlsCredentials: fleet.tls, environment: DockerHostEnvironment.Production });
    const host = result.data!.registerDockerHost;
    expect(host).toMatchObject({ status: DockerHostStatus.Connected, hasTlsCredentials: true, tlsVerify: true, environment: 'PRODUCTION' });
    expect(host.cpuCount).toBeGreaterThan(0);
    const everything = JSON.stringify(result) + server.logs.join('');
    for (const pem of [fleet.tls.key, fleet.tls.cert]) expect(everything).not.toContain(pemFingerprint(pem));
    expect(everything).not.toMatch(/PRIVATE KEY/);
  });

  it.each([
    ['a CA that did not sign the daemon certificate', (f: Fleet) => ({ ca: f.wrong.ca, cert: f.tls.cert, key: f.tls.key }), /not trusted \(not signed by the CA/],
    ['no client certificate', (f: Fleet) => ({ ca: f.tls.ca }), /client certificate/],
    ['a client certificate from another CA', (f: Fleet) => ({ ca: f.tls.ca, cert: f.wrong.cert, key: f.wrong.key }), /client certificate/],
  ])('keeps the TLS host PENDING with TLS_ERROR given %s', async (_label, credentials, message) => {
    const host = (await register({ apiEndpoint: fleet.tlsEndpoint, tlsCredentials: credentials(fleet) })).data!.registerDockerHost;
    expect(host).toMatchObject({ status: DockerHostStatus.Pending, lastErrorCode: 'TLS_ERROR', consecutiveFailures: 1 });
    expect(host.lastError).toMatch(message);
    expect(host.dockerVersion).toBeNull();
  });

  it('says the endpoint needs TLS when the TLS port is registered as plain tcp://', async () => {
    const tlsPortAsTcp = fleet.tlsEndpoint.replace('https://', 'tcp://');
    const host = (await register({ apiEndpoint: tlsPortAsTcp })).data!.registerDockerHost;
    expect(host).toMatchObject({ status: DockerHostStatus.Pending, lastErrorCode: 'TLS_ERROR' });
    expect(host.lastError).toMatch(/requires TLS/);
  });

  it('reports an unreachable endpoint at once', async () => {
    const started = Date.now();
    const host = (await register({ apiEndpoint: 'tcp://127.0.0.1:1' })).data!.registerDockerHost;
    expect(host).toMatchObject({ status: DockerHostStatus.Pending, lastErrorCode: 'HOST_UNREACHABLE' });
    expect(host.lastError).toMatch(/unreachable/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([['http-404'], ['http-json'], ['http-json-error']] as const)('recognises an HTTP server that is not Docker (%s)', async (kind) => {
    const fake = await startFakeEndpoint(kind);
    try {
      const host = (await register({ apiEndpoint: fake.endpoint })).data!.registerDockerHost;
      expect(host).toMatchObject({ status: DockerHostStatus.Pending, lastErrorCode: 'NOT_DOCKER_API' });
      expect(host.lastError).toMatch(/not a Docker Engine API/);
      expect(host.lastError).not.toMatch(/internal-service-secret/); // another service's replies are not echoed
    } finally {
      await fake.close();
    }
  });

  it('does not hang on an endpoint that accepts and never answers', async () => {
    const fake = await startFakeEndpoint('silent');
    try {
      const started = Date.now();
      const host = (await register({ apiEndpoint: fake.endpoint })).data!.registerDockerHost;
      const elapsed = Date.now() - started;
      expect(host).toMatchObject({ status: DockerHostStatus.Pending, lastErrorCode: 'HOST_TIMEOUT' });
      expect(elapsed).toBeGreaterThanOrEqual(3000); // DOCKER_TIMEOUT_MS in tests
      expect(elapsed).toBeLessThan(6000);
    } finally {
      await fake.close();
    }
  });
});
