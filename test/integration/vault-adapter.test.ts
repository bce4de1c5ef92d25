import { ErrorCode } from '../../src/common/errors';
import { VaultTokens } from '../../src/vault/vault.client';
import { VaultTestServer } from '../support/vault-server';

/**
 * The same tests against the Vault test server, or against a real Vault when VAULT_ADDR (+ VAULT_TOKEN) is set: then the
 * policies and the secret are made through Vault's API (KV v2 mounted at secret/, as in dev mode). The outage test
 * always takes down the test server, which is the only Vault a test may stop.
 */
const real = process.env.VAULT_ADDR ? { address: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN ?? '' } : undefined;

async function vaultApi(method: string, path: string, body: unknown): Promise<void> {
  const answer = await fetch(`${real!.address}/v1/${path}`, { method, headers: { 'X-Vault-Token': real!.token }, body: JSON.stringify(body) });
  if (!answer.ok) throw new Error(`Vault setup ${path}: ${answer.status} ${await answer.text()}`);
}

describe(VaultTokens.name, () => {
  const server = new VaultTestServer({ policies: { 'app-read': ['secret/data/app/'], other: ['secret/data/other/'] } });
  let vault: VaultTokens;

  beforeAll(async () => {
    await server.start();
    server.putKv('secret', 'app/db', { password: 's3cret' });
    if (real) {
      await vaultApi('PUT', 'sys/policy/app-read', { policy: 'path "secret/data/app/*" { capabilities = ["read"] }' });
      await vaultApi('PUT', 'sys/policy/other', { policy: 'path "secret/data/other/*" { capabilities = ["read"] }' });
      await vaultApi('POST', 'secret/data/app/db', { data: { password: 's3cret' } });
    }
    vault = new VaultTokens({ address: real?.address ?? server.address, token: real?.token ?? server.rootToken, timeoutMs: 2000 });
  });
  afterAll(() => server.stop());

  it('issues an orphan token with its policies and meta, found by accessor, gone after revoke', async () => {
    const issued = await vault.createOrphanToken({ policies: ['app-read'], ttlSeconds: 60, meta: { instance: 'i-1' } });
    const info = await vault.lookupAccessor(issued.accessor);
    expect(info).toMatchObject({ policies: ['app-read'], meta: { instance: 'i-1' } });
    expect(info!.ttl).toBeGreaterThan(50);
    await vault.revokeAccessor(issued.accessor);
    expect(await vault.lookupAccessor(issued.accessor)).toBeNull();
    await expect(vault.revokeAccessor(issued.accessor)).resolves.toBeUndefined();
  });

  it('wraps a token whose accessor is known up front and which unwraps only once', async () => {
    const wrapped = await vault.createOrphanToken({ policies: ['app-read'], ttlSeconds: 60, meta: {}, wrapTtlSeconds: 30 });
    const inner = await vault.unwrap(wrapped.wrappingToken);
    expect(inner.accessor).toBe(wrapped.accessor);
    await expect(vault.unwrap(wrapped.wrappingToken)).rejects.toMatchObject({ code: ErrorCode.VAULT_DENIED });
    expect(await vault.readKv({ token: inner.token, mount: 'secret', path: 'app/db' })).toEqual({ password: 's3cret' });
  });

  it('denies a KV read outside the token policies and a policy Vault does not know', async () => {
    const other = await vault.createOrphanToken({ policies: ['other'], ttlSeconds: 60, meta: {} });
    await expect(vault.readKv({ token: other.token, mount: 'secret', path: 'app/db' })).rejects.toMatchObject({ code: ErrorCode.VAULT_DENIED });
    // A root token may hand out any policy name, known or not (real Vault does not check): the refusal of an unknown
    // policy is asserted against the test server, and against a real Vault only with a non-root VAULT_TOKEN.
    if (!real || real.token !== 'root' && !/root/.test(process.env.VAULT_TOKEN_POLICIES ?? '')) {
      await expect(vault.createOrphanToken({ policies: ['no-such-policy'], ttlSeconds: 60, meta: {} })).rejects.toMatchObject({ code: ErrorCode.VAULT_DENIED });
    }
  });

  it('answers VAULT_UNAVAILABLE within the timeout while Vault is down, and works again once it is back', async () => {
    const vault = new VaultTokens({ address: server.address, token: server.rootToken, timeoutMs: 2000 });
    await server.stop();
    const started = Date.now();
    await expect(vault.createOrphanToken({ policies: ['app-read'], ttlSeconds: 60, meta: {} })).rejects.toMatchObject({ code: ErrorCode.VAULT_UNAVAILABLE });
    await expect(vault.health()).rejects.toMatchObject({ code: ErrorCode.VAULT_UNAVAILABLE });
    expect(Date.now() - started).toBeLessThan(2500);
    await server.start();
    await expect(vault.health()).resolves.toMatchObject({ sealed: false });
  });
});
