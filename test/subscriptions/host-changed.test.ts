import {
  DeleteDockerHostDocument,
  DockerHostChangedDocument,
  DockerHostDeletedDocument,
  DockerHostEnvironment,
  RegisterDockerHostDocument,
  UpdateDockerHostDocument,
} from '../generated/graphql';
import { TestServer, newAccountId } from '../support/harness';
import { nextEvent, subscribe } from '../support/subscriptions';

describe('dockerHostChanged over graphql-ws', () => {
  let server: TestServer;
  beforeAll(async () => {
    // One test needs a token longer-lived than the default maximum (a day).
    server = await TestServer.start({ JWT_MAX_LIFETIME_SECONDS: String(31 * 86400) });
  });
  afterAll(() => server.close());

  async function account() {
    const accountId = newAccountId();
    const token = await server.token({ accountId });
    const register = (name: string) =>
      server.ok(RegisterDockerHostDocument, { input: { name, apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development } }, token);
    const setInterval = (id: string, seconds: number) => server.ok(UpdateDockerHostDocument, { id, input: { syncIntervalSeconds: seconds } }, token);
    return { accountId, token, register, setInterval, client: server.wsClient({ authorization: `Bearer ${token}` }) };
  }

  it("delivers a change of one of the account's hosts to a subscriber with a token", async () => {
    const a = await account();
    const { registerDockerHost: host } = await a.register('watched');
    const events = subscribe(a.client, DockerHostChangedDocument, {});
    try {
      const event = await nextEvent(events, () => a.setInterval(host.id, 120));
      expect(event.errors).toBeUndefined();
      expect(event.data?.dockerHostChanged).toMatchObject({ id: host.id, name: 'watched', syncIntervalSeconds: 120 });
    } finally {
      await events.return?.();
      await a.client.dispose();
    }
  });

  it('delivers only the named host when hostId is given', async () => {
    const a = await account();
    const { registerDockerHost: target } = await a.register('target');
    const { registerDockerHost: other } = await a.register('other');
    const events = subscribe(a.client, DockerHostChangedDocument, { hostId: target.id });
    try {
      const event = await nextEvent(events, async () => {
        await a.setInterval(other.id, 300);
        await a.setInterval(target.id, 90);
      });
      expect(event.data?.dockerHostChanged.id).toBe(target.id);
      // Re-triggering may have queued more `90` events; read on (bounded) to the change made now. Every event seen
      // on the way must be the target's.
      await a.setInterval(other.id, 301);
      await a.setInterval(target.id, 91);
      for (let i = 0; i < 50; i++) {
        const next = await events.next();
        expect(next.value?.data?.dockerHostChanged.id).toBe(target.id);
        if (next.value?.data?.dockerHostChanged.syncIntervalSeconds === 91) return;
      }
      throw new Error('the change to 91 never arrived');
    } finally {
      await events.return?.();
      await a.client.dispose();
    }
  });

  it("never delivers another account's changes", async () => {
    const a = await account();
    const b = await account();
    const { registerDockerHost: hostA } = await a.register('a-host');
    const { registerDockerHost: hostB } = await b.register('b-host');
    const events = subscribe(b.client, DockerHostChangedDocument, {});
    try {
      const seen: string[] = [];
      for (let round = 0; round < 3; round++) {
        const event = await nextEvent(events, async () => {
          await a.setInterval(hostA.id, 200 + round);
          await b.setInterval(hostB.id, 200 + round);
        });
        seen.push(event.data!.dockerHostChanged.id);
      }
      expect(seen).toEqual([hostB.id, hostB.id, hostB.id]);
    } finally {
      await events.return?.();
      await b.client.dispose();
    }
  });

  it("answers NOT_FOUND when subscribing to another account's host", async () => {
    const a = await account();
    const b = await account();
    const { registerDockerHost: hostA } = await a.register('private');
    const events = subscribe(b.client, DockerHostChangedDocument, { hostId: hostA.id });
    try {
      const first = await events.next();
      expect(first.value?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await b.client.dispose();
    }
  });

  it('answers FORBIDDEN on subscribe when the token lacks docker.hosts.read', async () => {
    const token = await server.token({ permissions: ['swarm.clusters.read'] });
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    try {
      const first = await subscribe(client, DockerHostChangedDocument, {}).next();
      expect(first.value?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });

  it.each([
    ['no token', {}],
    ['a forged token', { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' }],
  ])('refuses the connection with %s', async (_label, params) => {
    const client = server.wsClient(params);
    try {
      await expect(subscribe(client, DockerHostChangedDocument, {}).next()).rejects.toMatchObject({ code: 4401 });
    } finally {
      await client.dispose();
    }
  });

  it('keeps serving a token that lives longer than setTimeout can count (30 days)', async () => {
    const accountId = newAccountId();
    const token = await server.token({ accountId, ttlSeconds: 30 * 86400 });
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const { registerDockerHost: host } = await server.ok(
      RegisterDockerHostDocument,
      { input: { name: 'long', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development } },
      token,
    );
    const events = subscribe(client, DockerHostChangedDocument, { hostId: host.id });
    try {
      const event = await nextEvent(events, () => server.ok(UpdateDockerHostDocument, { id: host.id, input: { syncIntervalSeconds: 77 } }, token));
      expect(event.data?.dockerHostChanged.syncIntervalSeconds).toBe(77);
    } finally {
      await events.return?.();
      await client.dispose();
    }
  });

  it('tells subscribers which host was deleted', async () => {
    const a = await account();
    const events = subscribe(a.client, DockerHostDeletedDocument, {});
    try {
      let deleted: string[] = [];
      const event = await nextEvent(events, async () => {
        const { registerDockerHost } = await a.register(`gone-${deleted.length}`);
        await server.ok(DeleteDockerHostDocument, { id: registerDockerHost.id }, a.token);
        deleted = [...deleted, registerDockerHost.id];
      });
      expect(deleted).toContain(event.data?.dockerHostDeleted);
    } finally {
      await events.return?.();
      await a.client.dispose();
    }
  });
});
