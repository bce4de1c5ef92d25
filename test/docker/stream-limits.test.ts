import type { FormattedExecutionResult as ExecutionResult } from 'graphql';
import type { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { ContainerLogStreamDocument, ContainerStatsDocument, CreateContainerDocument, RemoveContainerDocument, StartContainerDocument } from '../generated/graphql';
import { loadFleet } from '../support/fleet';
import { TestServer, newAccountId, registerFleetHost } from '../support/harness';
import { waitFor } from '../support/wait';

/** What one subscription does first: its first message, or its error (a refusal arrives as an error message). */
function firstOutcome(client: Client, query: string, variables: Record<string, unknown>): { outcome: Promise<ExecutionResult | { error: unknown }>; stop: () => void } {
  let stop = () => undefined as void;
  const outcome = new Promise<ExecutionResult | { error: unknown }>((resolve) => {
    stop = client.subscribe({ query, variables }, { next: resolve, error: (error) => resolve({ error }), complete: () => resolve({ error: 'completed' }) });
  });
  return { outcome, stop: () => stop() };
}

const codeOfOutcome = (result: ExecutionResult | { error: unknown }) => {
  if ('error' in result) return (Array.isArray(result.error) ? result.error[0] : result.error)?.extensions?.code;
  return result.errors?.[0]?.extensions?.code ?? 'DATA';
};

/** Live Docker streams are bounded per connection and per account; an ended stream gives its slot back. */
describe('live stream limits on the real fleet', () => {
  let server: TestServer;
  let token: string;
  let containerId: string;
  const accountId = newAccountId();
  beforeAll(async () => {
    const fleet = loadFleet();
    server = await TestServer.start({ LIVE_STREAMS_PER_SOCKET: '2', LIVE_STREAMS_PER_ACCOUNT: '3' });
    token = await server.token({ accountId });
    const hostId = await registerFleetHost(server, token, 'tcp', 'streams-tcp');
    const { createContainer } = await server.ok(CreateContainerDocument, { hostId, input: { image: fleet.image, name: `streams-${randomUUID().slice(0, 8)}`, network: 'none', command: ['sh', '-c', 'while true; do echo tick; sleep 0.2; done'] } }, token);
    containerId = createContainer.id;
    await server.ok(StartContainerDocument, { id: containerId }, token);
  });
  afterAll(async () => {
    if (containerId) await server.request(RemoveContainerDocument, { id: containerId, force: true }, token);
    await server?.close();
  });

  it('refuses a third stream on one connection and a fourth for the account, and frees a slot when a stream ends', async () => {
    const logs = print(ContainerLogStreamDocument);
    const stats = print(ContainerStatsDocument);
    const a = server.wsClient({ authorization: `Bearer ${token}` });
    const b = server.wsClient({ authorization: `Bearer ${token}` });
    const other = server.wsClient({ authorization: `Bearer ${await server.token()}` });
    try {
      const a1 = firstOutcome(a, logs, { id: containerId });
      const a2 = firstOutcome(a, stats, { id: containerId });
      expect(codeOfOutcome(await a1.outcome)).toBe('DATA');
      expect(codeOfOutcome(await a2.outcome)).toBe('DATA');
      const a3 = firstOutcome(a, logs, { id: containerId });
      const refused = await a3.outcome;
      expect(codeOfOutcome(refused)).toBe('STREAM_LIMIT_REACHED');
      expect(JSON.stringify(refused)).toContain('LIVE_STREAMS_PER_SOCKET');

      const b1 = firstOutcome(b, logs, { id: containerId });
      expect(codeOfOutcome(await b1.outcome)).toBe('DATA');
      const b2 = await firstOutcome(b, logs, { id: containerId }).outcome;
      expect(codeOfOutcome(b2)).toBe('STREAM_LIMIT_REACHED');
      expect(JSON.stringify(b2)).toContain('LIVE_STREAMS_PER_ACCOUNT');
      // Another account's container is another account's budget: not touched (its id is NOT_FOUND, not a limit).
      expect(codeOfOutcome(await firstOutcome(other, logs, { id: containerId }).outcome)).toBe('NOT_FOUND');

      a1.stop();
      await waitFor(() => server.app.services.streams.inUse(accountId) === 2, { what: 'the ended stream to give its slot back' });
      expect(codeOfOutcome(await firstOutcome(b, logs, { id: containerId }).outcome)).toBe('DATA');
    } finally {
      await Promise.all([a.dispose(), b.dispose(), other.dispose()]);
    }
    await waitFor(() => server.app.services.streams.inUse(accountId) === 0, { what: 'closed sockets to give every slot back' });
  });
});
