import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { execFileSync } from 'node:child_process';
import { DockerHostEnvironment, DockerHostsDocument, RegisterDockerHostDocument } from '../generated/graphql';
import { TestServer, codeOf } from '../support/harness';
import { buildDist, runNode, type RunningProcess } from '../support/process';
import { loadFleet } from '../support/fleet';

/** The real entry point (`node dist/src/main.js`, what `npm start` runs), as a separate process. */
const root = path.resolve(__dirname, '../..');

describe('server process', () => {
  beforeAll(() => buildDist(), 120_000);

  const baseEnv = { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SYNC_WORKER_ENABLED: 'false' };
  const testEnv = {
    ...baseEnv,
    DATABASE_URL: process.env.DATABASE_URL,
    JWT_SECRET: process.env.JWT_SECRET,
    ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
    ENCRYPTION_ACTIVE_KEY_ID: process.env.ENCRYPTION_ACTIVE_KEY_ID,
  };
  const listening = /"url":"(http:\/\/[^"]+)"[^\n]*listening/;

  async function stop(proc: RunningProcess): Promise<number | null> {
    proc.child.kill('SIGTERM');
    return proc.exited;
  }

  it('drains and exits 0 on SIGTERM, closing open WebSockets', async () => {
    const proc = runNode('dist/src/main.js', testEnv);
    try {
      const [, url] = await proc.waitFor(listening);
      const health = await fetch(url!.replace('/graphql', '/healthz'));
      expect(health.status).toBe(200);
      const socket = new WebSocket(url!.replace('http', 'ws'), 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise((resolve) => socket.once('close', resolve));
      expect(await stop(proc)).toBe(0);
      await closed;
      expect(proc.stdout()).toMatch(/"signal":"SIGTERM"[^\n]*shutting down/);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });

  it('npm run token prints a token on its last line that the server accepts, with only the permissions asked for', async () => {
    const args = ['dist/src/cli/token.js', '--account', 'cli-acct', '--permissions', 'docker.hosts.read', '--sub', 'bob', '--ttl', '5m'];
    const output = execFileSync(process.execPath, args, { cwd: root, env: testEnv as NodeJS.ProcessEnv }).toString();
    const token = output.trim().split('\n').at(-1)!;
    const server = await TestServer.start();
    try {
      expect((await server.request(DockerHostsDocument, {}, token)).data?.dockerHosts.totalCount).toBe(0);
      const input = { name: 'x', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development };
      expect(codeOf(await server.request(RegisterDockerHostDocument, { input }, token))).toBe('FORBIDDEN');
    } finally {
      await server.close();
    }
  });

  it('refuses to start on a bad environment, naming every bad variable', async () => {
    const proc = runNode('dist/src/main.js', { ...testEnv, PORT: 'eighty', DOCKER_TIMEOUT_MS: '1', GRAPHQL_MAX_DEPTH: 'deep' });
    expect(await proc.exited).toBe(1);
    for (const name of ['PORT', 'DOCKER_TIMEOUT_MS', 'GRAPHQL_MAX_DEPTH']) expect(proc.stderr()).toContain(name);
  });

  it('refuses to start in production without a JWT key', async () => {
    const proc = runNode('dist/src/main.js', { ...testEnv, NODE_ENV: 'production', JWT_SECRET: undefined });
    expect(await proc.exited).toBe(1);
    expect(proc.stderr()).toMatch(/JWT_SECRET[^\n]*required in production/);
  });

  it('runs on the embedded database by default, keeps data across restarts, and prints a working token', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fleet-embedded-'));
    const env = { ...baseEnv, EMBEDDED_DATA_DIR: dataDir };
    // A real fleet host: its first sync stores its images through insertRows' JSON path (PGlite takes no COPY).
    const register = `mutation { registerDockerHost(input: {name: "kept", apiEndpoint: "${loadFleet().tcpEndpoint}", environment: DEVELOPMENT}) { id status } }`;
    const call = async (url: string, token: string, query: string) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    };
    try {
      for (const round of [1, 2]) {
        const proc = runNode('dist/src/main.js', env);
        try {
          const [, url] = await proc.waitFor(listening, 60_000);
          const [, token] = await proc.waitFor(/Development token[^\n]*\n(\S+)\n/);
          expect(proc.stdout()).toMatch(/using the embedded PostgreSQL/);
          if (round === 1) {
            const registered = await call(url!, token!, register);
            expect(registered.errors).toBeUndefined();
            const host = registered.data!.registerDockerHost as { id: string; status: string };
            expect(host.status).toBe('CONNECTED');
            const images = await call(url!, token!, `{ images(filter: { hostId: "${host.id}" }) { totalCount nodes { repoTags } } }`);
            expect((images.data!.images as { nodes: Array<{ repoTags: string[] }> }).nodes.flatMap((i) => i.repoTags)).toContain('fleet/busybox:latest');
          }
          const listed = await call(url!, token!, '{ dockerHosts { totalCount nodes { name } } }');
          expect(listed.data).toEqual({ dockerHosts: { totalCount: 1, nodes: [{ name: 'kept' }] } });
          expect(await stop(proc)).toBe(0);
        } finally {
          proc.child.kill('SIGKILL');
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
