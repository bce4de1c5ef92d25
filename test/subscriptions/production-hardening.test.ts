import WebSocket from 'ws';
import { DockerHostChangedDocument, DockerHostEnvironment, RegisterDockerHostDocument, UpdateDockerHostDocument } from '../generated/graphql';
import { TestServer } from '../support/harness';
import { nextEvent, subscribe } from '../support/subscriptions';

/** The WebSocket path gets the same production hardening as HTTP: graphql-ws validates with only the rules it is given. */
describe('graphql-ws in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ NODE_ENV: 'production', BODY_LIMIT: '16kb' });
  });
  afterAll(() => server.close());

  async function firstResult(query: string) {
    const client = server.wsClient({ authorization: `Bearer ${await server.token()}` });
    try {
      return await new Promise<{ errors?: Array<{ message: string; extensions?: { code?: string } }> }>((resolve, reject) =>
        client.subscribe({ query }, { next: resolve as never, error: (e) => resolve({ errors: e as never }), complete: () => reject(new Error('no result')) }),
      );
    } finally {
      await client.dispose();
    }
  }

  it('refuses introspection', async () => {
    const result = await firstResult('query { __schema { types { name } } }');
    expect(JSON.stringify(result)).toMatch(/introspection/i);
    expect(JSON.stringify(result)).not.toMatch(/DockerHost/);
  });

  it('does not suggest field names', async () => {
    const result = await firstResult('subscription { dockerHostChanged { nam } }');
    expect(JSON.stringify(result)).toMatch(/Cannot query field/);
    expect(JSON.stringify(result)).not.toMatch(/Did you mean/);
  });

  it('still serves a normal subscription', async () => {
    const token = await server.token();
    const input = { name: 'prod', apiEndpoint: 'https://127.0.0.1:1', environment: DockerHostEnvironment.Staging };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const events = subscribe(client, DockerHostChangedDocument, { hostId: host.id });
    try {
      const event = await nextEvent(events, () => server.ok(UpdateDockerHostDocument, { id: host.id, input: { syncIntervalSeconds: 45 } }, token));
      expect(event.data?.dockerHostChanged).toMatchObject({ id: host.id, syncIntervalSeconds: 45 });
    } finally {
      await events.return?.();
      await client.dispose();
    }
  });

  it('closes a connection that sends a frame over the body limit, before authentication', async () => {
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(64 * 1024) } }));
    expect(await closed).toBe(1009); // message too big
  });
});
