import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { TokenService } from '../../src/auth/token.service';
import { Permission } from '../../src/auth/permissions';

const claims = { sub: 'alice', accountId: 'acme', permissions: ['docker.hosts.manage', 'not.a.permission'] };

describe(TokenService.name, () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const rs = new TokenService({ clockSkewSeconds: 30, maxLifetimeSeconds: 86_400, keys: { algorithm: 'RS256', publicKey: publicPem, privateKey: privatePem } });

  it('verifies RS256 tokens and expands implied permissions, dropping unknown ones', async () => {
    const principal = await rs.verify(await rs.sign(claims, 60));
    expect(principal).toMatchObject({ userId: 'alice', accountId: 'acme' });
    expect([...principal.permissions].sort()).toEqual([Permission.DockerHostsManage, Permission.DockerHostsRead]);
  });

  it('refuses an HS256 token signed with the RSA public key (algorithm confusion)', async () => {
    const forged = await new SignJWT({ accountId: 'acme', permissions: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('5m')
      .sign(Buffer.from(publicPem));
    await expect(rs.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('tolerates small clock skew on exp, and no more', async () => {
    const hs = new TokenService({ clockSkewSeconds: 30, maxLifetimeSeconds: 86_400, keys: { algorithm: 'HS256', secret: 'x'.repeat(32) } });
    const token = (expSecondsAgo: number) =>
      new SignJWT({ accountId: 'a', permissions: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u')
        .setExpirationTime(Math.floor(Date.now() / 1000) - expSecondsAgo).sign(Buffer.from('x'.repeat(32)));
    await expect(hs.verify(await token(10))).resolves.toMatchObject({ userId: 'u' });
    await expect(hs.verify(await token(120))).rejects.toThrow(/expired/);
  });

  it('requires the accountId claim', async () => {
    const hs = new TokenService({ clockSkewSeconds: 0, maxLifetimeSeconds: 86_400, keys: { algorithm: 'HS256', secret: 'y'.repeat(32) } });
    const token = await new SignJWT({ permissions: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setExpirationTime('5m').sign(Buffer.from('y'.repeat(32)));
    await expect(hs.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token that lives longer than the maximum lifetime, with or without iat', async () => {
    const secret = 'z'.repeat(32);
    const hs = new TokenService({ clockSkewSeconds: 30, maxLifetimeSeconds: 3600, keys: { algorithm: 'HS256', secret } });
    const now = Math.floor(Date.now() / 1000);
    const token = (exp: number, iat?: number) => {
      const jwt = new SignJWT({ accountId: 'a', permissions: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setExpirationTime(exp);
      return (iat === undefined ? jwt : jwt.setIssuedAt(iat)).sign(Buffer.from(secret));
    };
    await expect(hs.verify(await token(now + 3000, now))).resolves.toMatchObject({ issuedAt: now });
    await expect(hs.verify(await token(now + 10 * 365 * 86400, now))).rejects.toThrow(/lifetime exceeds the maximum/);
    await expect(hs.verify(await token(now + 7200))).rejects.toThrow(/lifetime exceeds the maximum/);
    // Issued long ago for as long again: the lifetime is exp - iat, not what is left of it.
    await expect(hs.verify(await token(now + 1800, now - 3 * 3600))).rejects.toThrow(/lifetime exceeds the maximum/);
    await expect(hs.sign({ sub: 'u', accountId: 'a', permissions: [] }, 7200)).rejects.toThrow(/JWT_MAX_LIFETIME_SECONDS/);
  });
});
