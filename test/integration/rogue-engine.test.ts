import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContainersDocument, DockerEventsDocument, DockerHostEnvironment, DockerHostStatus, RegisterDockerHostDocument, SyncDockerHostDocument } from '../generated/graphql';
import { SKIPPED_ACTION } from '../../src/sync/sync-events.log';
import { TestServer } from '../support/harness';

const PLAIN = 'a'.repeat(64);
const ODD_TIME = 'b'.repeat(64);

/**
 * An endpoint is whatever a user registered: it may answer the Engine API with values no real daemon sends. A
 * description of itself that does not fit is cut to fit; an object whose row cannot be stored is left out with one
 * warning; an object listed twice is one; the host is still checked, CONNECTED, and every other object is stored.
 */
function rogueEngine() {
  const row = (id: string, name: string, created: number) => ({ Id: id, Names: [`/${name}`], Image: 'busybox', ImageID: 'sha256:1', Command: 'true', Created: created, State: 'exited', Status: 'Exited (0) 1 minute ago', Labels: {}, Ports: [], Mounts: [], NetworkSettings: { Networks: {} } });
  const inspect = (id: string, name: string, created: string) => ({
    Id: id, Name: `/${name}`, Image: 'sha256:1', Path: 'true', Args: [], Created: created, Config: { Image: 'busybox', Labels: {} },
    State: { Status: 'exited', ExitCode: 0, StartedAt: '2026-01-01T00:00:00Z', FinishedAt: '2026-01-01T00:00:01Z' }, NetworkSettings: { Networks: {}, Ports: {} }, Mounts: [],
  });
  const routes: Record<string, unknown> = {
    '/version': { ApiVersion: '1.41', MinAPIVersion: '1.12', Version: '20.10.24' },
    '/info': { ServerVersion: `20.10.24-${'x'.repeat(200)}`, OperatingSystem: 'Linux\u0000rogue', OSType: 'linux', Architecture: 'x86_64', NCPU: 'many', MemTotal: 1e30, Containers: 2, Images: 0 },
    '/system/df': { LayersSize: 5 },
    // Listed twice: one object (two rows would break the unique key and fail the whole write).
    '/containers/json': [row(PLAIN, 'plain', 1_767_225_600), row(ODD_TIME, 'from-the-far-future', 1e16), row(PLAIN, 'plain', 1_767_225_600)],
    [`/containers/${PLAIN}/json`]: inspect(PLAIN, 'plain', '2026-01-01T00:00:00Z'),
    [`/containers/${ODD_TIME}/json`]: inspect(ODD_TIME, 'from-the-far-future', '+275000-01-01T00:00:00Z'),
    '/images/json': [],
    '/networks': [],
    '/volumes': { Volumes: [], Warnings: null },
  };
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/v\d+\.\d+/, '');
    const body = routes[path];
    if (body === undefined) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"page not found"}');
    res.writeHead(200, { 'content-type': 'application/json', 'api-version': '1.41' }).end(JSON.stringify(body));
  });
  return {
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`tcp://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('an endpoint answering values no table can hold', () => {
  let server: TestServer;
  const engine = rogueEngine();
  let endpoint: string;
  beforeAll(async () => {
    server = await TestServer.start();
    endpoint = await engine.start();
  });
  afterAll(async () => {
    await server?.close();
    await engine.close();
  });

  it('is checked and synced: what it says of itself cut to fit, the unstorable container left out with one warning', async () => {
    const token = await server.token();
    const input = { name: 'rogue', apiEndpoint: endpoint, environment: DockerHostEnvironment.Development };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    expect(host).toMatchObject({ status: DockerHostStatus.Connected, lastError: null, os: 'Linux\ufffdrogue', cpuCount: null, memoryBytes: null, containerCount: 2 });
    expect(host.dockerVersion).toHaveLength(64);

    const { syncDockerHost: again } = await server.ok(SyncDockerHostDocument, { id: host.id }, token);
    expect(again).toMatchObject({ status: DockerHostStatus.Connected, consecutiveFailures: 0 });
    const { containers } = await server.ok(ContainersDocument, { filter: { hostId: host.id } }, token);
    expect(containers.nodes.map((c) => c.name)).toEqual(['plain']);
    const { dockerEvents } = await server.ok(DockerEventsDocument, { filter: { hostId: host.id, action: SKIPPED_ACTION } }, token);
    expect(dockerEvents.nodes).toEqual([expect.objectContaining({ actorId: ODD_TIME, attributes: { kind: 'container', reason: 'createdAt is not a date from year 1 to 9999' } })]);
  });
});
