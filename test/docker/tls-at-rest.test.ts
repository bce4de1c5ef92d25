import { ConnectDockerHostDocument, DockerHostEnvironment, DockerHostStatus, RegisterDockerHostDocument } from '../generated/graphql';
import { TestServer } from '../support/harness';
import { loadFleet, pemFingerprint, type Fleet } from '../support/fleet';

describe('TLS credentials at rest', () => {
  let server: TestServer;
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.start();
  });
  afterAll(() => server?.close());

  const column = async (id: string) =>
    (await server.app.orm.em.fork().getConnection().execute(`select encrypted_tls_credentials as c from docker_hosts where id = ?`, [id]))[0].c as string;

  it('stores ciphertext under the active key id, never the PEM', async () => {
    const token = await server.token();
    const input = { name: 'sealed', apiEndpoint: fleet.tlsEndpoint, environment: DockerHostEnvironment.Production, tlsCredentials: fleet.tls };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    const stored = await column(host.id);
    expect(stored.startsWith('v1.current.')).toBe(true);
    for (const pem of [fleet.tls.key, fleet.tls.cert, fleet.tls.ca]) expect(stored).not.toContain(pemFingerprint(pem));
    expect(stored).not.toMatch(/BEGIN/);
  });

  it('refuses to use a ciphertext copied onto another host', async () => {
    const token = await server.token();
    const base = { environment: DockerHostEnvironment.Staging, apiEndpoint: fleet.tlsEndpoint };
    const { registerDockerHost: owner } = await server.ok(RegisterDockerHostDocument, { input: { ...base, name: 'owner', tlsCredentials: fleet.tls } }, token);
    const { registerDockerHost: thief } = await server.ok(RegisterDockerHostDocument, { input: { ...base, name: 'thief', tlsCredentials: { ca: fleet.tls.ca } } }, token);
    await server.app.orm.em.fork().getConnection().execute(`update docker_hosts set encrypted_tls_credentials = ? where id = ?`, [await column(owner.id), thief.id]);

    const { connectDockerHost } = await server.ok(ConnectDockerHostDocument, { id: thief.id }, token);
    expect(connectDockerHost).toMatchObject({ status: DockerHostStatus.Pending, lastErrorCode: 'DECRYPTION_FAILED' });
    expect((await server.ok(ConnectDockerHostDocument, { id: owner.id }, token)).connectDockerHost.status).toBe(DockerHostStatus.Connected);
  });

  it('re-seals credentials under the new active key at start-up, and still connects with them', async () => {
    const token = await server.token();
    const input = { name: 'rotated', apiEndpoint: fleet.tlsEndpoint, environment: DockerHostEnvironment.Staging, tlsCredentials: fleet.tls };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    expect((await column(host.id)).startsWith('v1.current.')).toBe(true);
    const accountId = await accountOf(host.id);
    const credential = await server.app.services.registries.set(await server.app.services.tokens.verify(token), { registry: 'registry.example:5000', username: 'u', password: 'rotate-me' });
    // A server started after rotation (a new active key; the previous one still listed) re-seals the row.
    const rotated = await TestServer.start({ ENCRYPTION_ACTIVE_KEY_ID: 'old' });
    try {
      expect((await column(host.id)).startsWith('v1.old.')).toBe(true);
      expect(rotated.logs.join('')).toMatch(/re-sealed under the active key/);
      const { connectDockerHost } = await rotated.ok(ConnectDockerHostDocument, { id: host.id }, await rotated.token({ accountId: await accountOf(host.id) }));
      expect(connectDockerHost.status).toBe(DockerHostStatus.Connected);
      // Registry passwords rotate the same way, and still open.
      const sealed = (await server.app.orm.em.fork().getConnection().execute(`select encrypted_password from registry_credentials where id = ?`, [credential.id]))[0].encrypted_password as string;
      expect(sealed.startsWith('v1.old.')).toBe(true);
      expect(await rotated.app.services.registries.authFor(accountId, 'registry.example:5000/app:1')).toMatchObject({ username: 'u', password: 'rotate-me' });
    } finally {
      await rotated.close();
    }
  });

  const accountOf = async (id: string) =>
    (await server.app.orm.em.fork().getConnection().execute(`select account_id from docker_hosts where id = ?`, [id]))[0].account_id as string;
});
