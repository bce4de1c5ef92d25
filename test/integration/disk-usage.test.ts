import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DockerHostDocument, DockerHostEnvironment, DockerHostStatus, RegisterDockerHostDocument, SyncDockerHostDocument } from '../generated/graphql';
import { TestServer } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * A host's disk usage (GET /system/df, the Engine's slowest answer: a 20.10 Engine sizes every container and volume
 * for it) is measured once the listing is stored. The check and the inventory never wait for it; the figure follows,
 * and an answer that fails or never comes keeps the stored one.
 */
function slowDiskEngine() {
  let df: { status: number; body: unknown } = { status: 200, body: { LayersSize: 5 } };
  const held: Array<() => void> = [];
  let holding = false;
  const routes: Record<string, unknown> = {
    '/version': { ApiVersion: '1.41', MinAPIVersion: '1.12', Version: '20.10.24' },
    '/info': { ServerVersion: '20.10.24', OperatingSystem: 'Linux', OSType: 'linux', Architecture: 'x86_64', NCPU: 2, MemTotal: 1024, Containers: 0, Images: 0 },
    '/containers/json': [],
    '/images/json': [],
    '/networks': [],
    '/volumes': { Volumes: [], Warnings: null },
  };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/v\d+\.\d+/, '');
    requests.push(path);
    const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json', 'api-version': '1.41' }).end(JSON.stringify(body));
    if (path === '/system/df') {
      const { status, body } = df;
      return void (holding ? held.push(() => answer(status, body)) : answer(status, body));
    }
    const body = routes[path];
    if (body === undefined) return void answer(404, { message: 'page not found' });
    answer(200, body);
  });
  return {
    requests,
    /** Disk usage requests wait until release(). */
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      held.splice(0).forEach((send) => send());
    },
    held: () => held.length,
    answerDf: (status: number, body: unknown) => void (df = { status, body }),
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`tcp://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('disk usage, measured after the listing', () => {
  let server: TestServer;
  const engine = slowDiskEngine();
  let endpoint: string;
  beforeAll(async () => {
    server = await TestServer.start();
    endpoint = await engine.start();
  });
  afterAll(async () => {
    engine.release();
    await server?.close();
    await engine.close();
  });

  it('never holds the check back, follows it, and keeps the stored figure when the Engine does not say', async () => {
    const token = await server.token();
    engine.hold();
    const input = { name: 'slow-disk', apiEndpoint: endpoint, environment: DockerHostEnvironment.Development };
    // Answered while the Engine still sits on the disk usage request.
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    expect(host).toMatchObject({ status: DockerHostStatus.Connected, lastError: null, storageBytes: null });
    // Asked after the answer: the request may reach the Engine a moment after the reply reaches us.
    await waitFor(() => engine.held() === 1, { what: 'the disk usage request' });

    engine.release();
    await server.app.sync.idle();
    const stored = async () => (await server.ok(DockerHostDocument, { id: host.id }, token)).dockerHost!;
    expect((await stored()).storageBytes).toBe(5);

    // A failed answer, and one without the figure, are "unknown this time": the figure stays.
    engine.answerDf(500, { message: 'disk usage failed' });
    const { syncDockerHost: failed } = await server.ok(SyncDockerHostDocument, { id: host.id }, token);
    expect(failed).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0 });
    await server.app.sync.idle();
    engine.answerDf(200, {});
    await server.ok(SyncDockerHostDocument, { id: host.id }, token);
    await server.app.sync.idle();
    expect((await stored()).storageBytes).toBe(5);

    // A figure no Engine sends (not a whole number of bytes) is unknown too.
    engine.answerDf(200, { LayersSize: 1.5 });
    await server.ok(SyncDockerHostDocument, { id: host.id }, token);
    await server.app.sync.idle();
    expect((await stored()).storageBytes).toBe(5);

    engine.answerDf(200, { LayersSize: 7 });
    await server.ok(SyncDockerHostDocument, { id: host.id }, token);
    await server.app.sync.idle();
    expect((await stored()).storageBytes).toBe(7);
    expect(engine.requests.filter((p) => p === '/system/df')).toHaveLength(5);
  });
});
