import { SignJWT } from 'jose';
import { DockerHostChangedDocument, DockerHostEnvironment, DockerHostsDocument, RegisterDockerHostDocument, RevokeTokensDocument, UpdateDockerHostDocument } from '../generated/graphql';
import { TestServer, codeOf, newAccountId } from '../support/harness';
import { nextEvent, subscribe } from '../support/subscriptions';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two instances sharing the database and Redis: a revocation made on one reaches sockets held by the other. */
describe('token revocation and lifetime', () => {
  let one: TestServer;
  let two: TestServer;
  beforeAll(async () => {
    one = await TestServer.start({ REDIS_URL });
    two = await TestServer.start({ REDIS_URL });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  const hostsOf = (server: TestServer, token: string) => server.request(DockerHostsDocument, {}, token);

  it('refuses the account\'s earlier tokens on HTTP and closes their sockets on every instance, and nothing of other accounts', async () => {
    const accountId = newAccountId();
    const token = await one.token({ accountId });
    const bystander = await one.token();
    const { registerDockerHost: host } = await one.ok(
      RegisterDockerHostDocument,
      { input: { name: 'revoked', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development } },
      token,
    );
    const client = two.wsClient({ authorization: `Bearer ${token}` });
    const events = subscribe(client, DockerHostChangedDocument, { hostId: host.id });
    try {
      let interval = 60;
      await nextEvent(events, () => one.ok(UpdateDockerHostDocument, { id: host.id, input: { syncIntervalSeconds: ++interval } }, token));
      const closed = events.next();
      const { revokeTokens } = await one.ok(RevokeTokensDocument, {}, token);
      expect(revokeTokens.revokedBy).toBe('tester');
      await expect(closed).rejects.toMatchObject({ code: 4401, reason: 'Token revoked' });

      for (const server of [one, two]) {
        const refused = await hostsOf(server, token);
        expect(codeOf(refused)).toBe('UNAUTHENTICATED');
        expect(refused.errors?.[0]?.message).toBe('token revoked');
        expect(codeOf(await hostsOf(server, bystander))).toBeUndefined();
      }
      const reconnect = two.wsClient({ authorization: `Bearer ${token}` });
      try {
        await expect(subscribe(reconnect, DockerHostChangedDocument, {}).next()).rejects.toMatchObject({ code: 4401 });
      } finally {
        await reconnect.dispose();
      }

      // iat has whole seconds: a token made in the cut-off's second is refused, one issued the second after works.
      const cutSecond = Math.floor(new Date(revokeTokens.revokedBefore).getTime() / 1000);
      const issued = (iat: number) =>
        new SignJWT({ accountId, permissions: ['docker.hosts.manage', 'account.tokens.revoke'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('tester')
          .setIssuedAt(iat)
          .setExpirationTime(iat + 600)
          .sign(Buffer.from(process.env.JWT_SECRET!));
      expect(codeOf(await hostsOf(two, await issued(cutSecond)))).toBe('UNAUTHENTICATED');
      const fresh = await issued(cutSecond + 1);
      expect((await two.ok(DockerHostsDocument, {}, fresh)).dockerHosts.totalCount).toBe(1);
      // A cut-off only moves forward: revoking "before an hour ago" revives nothing.
      const { revokeTokens: again } = await one.ok(RevokeTokensDocument, { before: new Date(Date.now() - 3600_000).toISOString() }, fresh);
      expect(new Date(again.revokedBefore).getTime()).toBe(new Date(revokeTokens.revokedBefore).getTime());
      expect(codeOf(await hostsOf(one, token))).toBe('UNAUTHENTICATED');
    } finally {
      await events.return?.();
      await client.dispose();
    }
  });

  it('needs its own permission, and refuses a cut-off in the future', async () => {
    const manager = await one.token({ permissions: ['docker.hosts.manage'] });
    expect(codeOf(await one.request(RevokeTokensDocument, {}, manager))).toBe('FORBIDDEN');
    const result = await one.request(RevokeTokensDocument, { before: new Date(Date.now() + 3600_000).toISOString() }, await one.token());
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('before');
  });

  it('refuses a validly signed token that lives longer than the maximum lifetime', async () => {
    const now = Math.floor(Date.now() / 1000);
    const decade = await new SignJWT({ accountId: newAccountId(), permissions: ['docker.hosts.read'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuedAt(now)
      .setExpirationTime(now + 10 * 365 * 86400)
      .sign(Buffer.from(process.env.JWT_SECRET!));
    const result = await hostsOf(one, decade);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toBe('token lifetime exceeds the maximum');
  });
});
