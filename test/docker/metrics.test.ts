import { randomUUID } from 'node:crypto';
import { DockerHostsDocument, DockerHostEnvironment, DockerHostChangedDocument, RegisterDockerHostDocument } from '../generated/graphql';
import { fleetDocker, loadFleet } from '../support/fleet';
import { TestServer, registerFleetHost } from '../support/harness';
import { sample } from '../support/metrics';
import { subscribe } from '../support/subscriptions';
import { waitFor } from '../support/wait';

/** GET /metrics on a syncing server with a real fleet host: the values a scrape shows move with what happens. */
describe('GET /metrics', () => {
  let server: TestServer;
  const METRICS_TOKEN = `metrics-${randomUUID()}`;

  beforeAll(async () => {
    server = await TestServer.syncing({ METRICS_TOKEN }, { logLevel: 'silent' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const scrape = async (authorization = `Bearer ${METRICS_TOKEN}`) => {
    const response = await fetch(server.url.replace('/graphql', '/metrics'), { headers: { authorization } });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('counts hosts by status, syncs and their failures, event lag, GraphQL requests and open subscriptions, naming no account or host', async () => {
    const accountId = `metrics-${randomUUID()}`;
    const token = await server.token({ accountId });
    const before = (await scrape()).text;
    expect(sample(before, 'fleet_hosts', { status: 'connected' })).toBe(0);

    const hostName = `metrics-${randomUUID().slice(0, 8)}`;
    const hostId = await registerFleetHost(server, token, 'tcp', hostName);
    await server.ok(DockerHostsDocument, {}, token);
    // A host that cannot be reached: its registration check fails.
    await server.ok(RegisterDockerHostDocument, { input: { name: `${hostName}-down`, apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development, syncIntervalSeconds: 3600 } }, token);

    // The engine's stream is open once the worker has claimed the host: then a container run on it is an event.
    // (The registration's check is the first sync; the worker's first cycle, after opening the stream, the second.)
    await waitFor(async () => sample((await scrape()).text, 'fleet_sync_duration_seconds_count', { scope: 'host', outcome: 'ok' }) >= 2, { what: "the sync engine's first sync of the host" });
    const docker = fleetDocker(loadFleet(), 'tcp');
    const lagBefore = sample((await scrape()).text, 'fleet_event_lag_seconds_count', { scope: 'host' });
    const container = await docker.createContainer({ Image: loadFleet().image, Cmd: ['true'], HostConfig: { AutoRemove: true } });
    await container.start();

    const client = server.wsClient({ authorization: `Bearer ${token}` });
    const subscription = subscribe(client, DockerHostChangedDocument, { hostId });
    const first = subscription.next(); // subscribes
    try {
      const during = await waitFor(async () => {
        const { text } = await scrape();
        return sample(text, 'fleet_graphql_subscriptions_open') >= 1 && sample(text, 'fleet_event_lag_seconds_count', { scope: 'host' }) > lagBefore ? text : null;
      }, { timeoutMs: 15_000, what: 'the subscription and the container events in a scrape' });
      expect(sample(during, 'fleet_hosts', { status: 'connected' })).toBe(1);
      expect(sample(during, 'fleet_hosts', { status: 'pending' })).toBe(1);
      expect(sample(during, 'fleet_sync_duration_seconds_count', { scope: 'host', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
      expect(sample(during, 'fleet_sync_duration_seconds_count', { scope: 'host', outcome: 'failed' })).toBeGreaterThanOrEqual(1);
      expect(sample(during, 'fleet_sync_failures_total', { scope: 'host' })).toBeGreaterThanOrEqual(1);
      expect(sample(during, 'fleet_graphql_request_duration_seconds_count', { operation: 'query', outcome: 'ok' })).toBeGreaterThan(sample(before, 'fleet_graphql_request_duration_seconds_count', { operation: 'query', outcome: 'ok' }));
      expect(sample(during, 'fleet_graphql_request_duration_seconds_count', { operation: 'mutation', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
      // The lag of a container event on a local daemon is well under a second.
      expect(sample(during, 'fleet_event_lag_seconds_bucket', { scope: 'host', le: '1' })).toBeGreaterThan(lagBefore);
      expect(during).toMatch(/^fleet_deployments\b|^# HELP fleet_deployments /m);
      expect(during).toMatch(/^# HELP fleet_pubsub_dropped_total /m);
      // Nothing in it says whose fleet this is.
      for (const secret of [accountId, hostName, hostId]) expect(during).not.toContain(secret);
    } finally {
      await subscription.return?.();
      void first.catch(() => undefined);
    }
    await waitFor(async () => sample((await scrape()).text, 'fleet_graphql_subscriptions_open') === 0, { what: 'the subscription counted closed' });
    await client.dispose();
  });

  it('answers only the bearer METRICS_TOKEN', async () => {
    expect((await scrape('')).status).toBe(401);
    expect((await scrape('Bearer wrong-token-of-some-length')).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain;.*version=0\.0\.4/);
  });
});
