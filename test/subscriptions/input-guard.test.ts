import { print } from 'graphql';
import { DockerEventReceivedDocument } from '../generated/graphql';
import { TestServer } from '../support/harness';

/** Subscriptions pass the same argument guard and give coercion errors the same code and field as HTTP. */
describe('subscription arguments', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.close());

  async function firstResult(variables: Record<string, unknown>) {
    const client = server.wsClient({ authorization: `Bearer ${await server.token()}` });
    try {
      return await new Promise<{ errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> }>((resolve, reject) =>
        client.subscribe({ query: print(DockerEventReceivedDocument), variables }, { next: resolve as never, error: (e) => resolve({ errors: e as never }), complete: () => reject(new Error('no result')) }),
      );
    } finally {
      await client.dispose();
    }
  }

  it('refuses a filter PostgreSQL could not hold, naming it, before subscribing', async () => {
    const result = await firstResult({ filter: { action: 'die\u0000' } });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.action' });
  });

  it('answers a variable that does not coerce with BAD_USER_INPUT and its path, as over HTTP', async () => {
    const result = await firstResult({ filter: { severity: 'LOUD' } });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.severity' });
  });
});
