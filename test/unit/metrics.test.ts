import express from 'express';
import type { AddressInfo } from 'node:net';
import { Metrics } from '../../src/metrics/metrics';
import { metricsRoute } from '../../src/metrics/metrics.route';
import { createAppPubSub } from '../../src/pubsub/pubsub';
import { createLogger } from '../../src/log/logger';
import { sample } from '../support/metrics';

const counts = (rows: Array<{ state: string; count: number }>) => async () => rows;
const newMetrics = () =>
  new Metrics({
    hostsByStatus: counts([{ state: 'CONNECTED', count: 3 }, { state: 'ERROR', count: 1 }]),
    clustersByStatus: counts([]),
    operationsByState: { image: counts([{ state: 'RUNNING', count: 2 }]), stack: counts([{ state: 'SUCCEEDED', count: 5 }]) },
    deploymentsByState: counts([{ state: 'IN_PROGRESS', count: 1 }]),
    instancesByState: counts([{ state: 'RUNNING', count: 4 }]),
  });

describe(Metrics.name, () => {
  it('reads the state gauges at scrape time, lower-cased, operations by kind', async () => {
    const text = await newMetrics().render();
    expect(sample(text, 'fleet_hosts', { status: 'connected' })).toBe(3);
    expect(sample(text, 'fleet_hosts', { status: 'error' })).toBe(1);
    expect(sample(text, 'fleet_operations', { kind: 'image', state: 'running' })).toBe(2);
    expect(sample(text, 'fleet_operations', { kind: 'stack', state: 'succeeded' })).toBe(5);
    expect(sample(text, 'fleet_deployments', { state: 'in_progress' })).toBe(1);
    expect(sample(text, 'fleet_container_instances', { state: 'running' })).toBe(4);
  });

  it('counts a PubSub message dropped for a subscriber that fell more than its buffer behind', async () => {
    const metrics = newMetrics();
    const pubsub = createAppPubSub({ logger: createLogger({ level: 'silent' }), onDrop: (reason) => metrics.pubsubDropped(reason) });
    const stalled = pubsub.subscribe('TOKENS_REVOKED');
    for (let i = 0; i < 1003; i++) pubsub.publish('TOKENS_REVOKED', { accountId: `a${i}`, revokedBefore: new Date() });
    expect(sample(await metrics.render(), 'fleet_pubsub_dropped_total', { reason: 'slow_subscriber' })).toBe(3);
    await stalled.return();
  });

  it('counts a subscription open until its stream ends, once, however it ends', async () => {
    const metrics = newMetrics();
    async function* three() {
      yield* [1, 2, 3];
    }
    const ended = metrics.subscriptionOpened(three());
    const stopped = metrics.subscriptionOpened(three());
    expect(sample(await metrics.render(), 'fleet_graphql_subscriptions_open')).toBe(2);
    for await (const _ of ended) void _;
    await stopped.return!();
    await stopped.return!();
    expect(sample(await metrics.render(), 'fleet_graphql_subscriptions_open')).toBe(0);
  });
});

describe(metricsRoute.name, () => {
  const serve = async (options: { token?: string; production: boolean }) => {
    const app = express().get('/metrics', metricsRoute(newMetrics(), options));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    return { get: (authorization?: string) => fetch(url, { headers: authorization ? { authorization } : {} }).then((r) => r.status), close: () => new Promise((resolve) => server.close(resolve)) };
  };

  it('needs the bearer METRICS_TOKEN when set; without one, open in development and not served in production', async () => {
    const guarded = await serve({ token: 'a-metrics-token-0123', production: true });
    expect([await guarded.get(), await guarded.get('Bearer nope'), await guarded.get('Bearer a-metrics-token-0123')]).toEqual([401, 401, 200]);
    await guarded.close();
    const production = await serve({ production: true });
    expect(await production.get()).toBe(404);
    await production.close();
    const development = await serve({ production: false });
    expect(await development.get()).toBe(200);
    await development.close();
  });
});
