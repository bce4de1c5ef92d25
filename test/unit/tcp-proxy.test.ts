import http from 'node:http';
import type net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TcpProxy } from '../support/tcp-proxy';

/** GET / answers "hello"; GET /stream sends "tick" every 20 ms until the client goes. */
async function startServer(listen: { port: 0 } | { path: string }) {
  const server = http.createServer((req, res) => {
    if (req.url !== '/stream') return void res.end('hello');
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('tick\n'), 20);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => ('path' in listen ? server.listen(listen.path, resolve) : server.listen(0, '127.0.0.1', resolve)));
  return {
    target: 'path' in listen ? { path: listen.path } : { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port },
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** One request on a new connection (no agent): the body, or the error (a timeout included). */
function get(proxy: TcpProxy, urlPath: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: proxy.port, path: urlPath, agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
}

/** An open streaming response: counts ticks, and says how it ended. */
function openStream(proxy: TcpProxy): Promise<{ ticks: () => number; ended: Promise<string>; abort: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: proxy.port, path: '/stream', agent: false }, (response) => {
      let ticks = 0;
      response.on('data', (chunk: Buffer) => (ticks += chunk.toString().split('tick').length - 1));
      const ended = new Promise<string>((done) => {
        response.on('error', (error) => done(`error: ${error.message}`));
        response.on('close', () => done(response.complete ? 'complete' : 'closed before the end'));
      });
      resolve({ ticks: () => ticks, ended, abort: () => request.destroy() });
    });
    request.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); await sleep(10)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

describe(TcpProxy.name, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let proxy: TcpProxy;

  beforeEach(async () => {
    server = await startServer({ port: 0 });
    proxy = await TcpProxy.start(server.target);
  });
  afterEach(async () => {
    await proxy.close();
    await server.close();
  });

  it('passes requests through to the target', async () => {
    expect(proxy.endpoint).toBe(`tcp://127.0.0.1:${proxy.port}`);
    await expect(get(proxy, '/')).resolves.toBe('hello');
    await expect(get(proxy, '/')).resolves.toBe('hello');
    expect(proxy.accepted).toBe(2);
  });

  it('while frozen accepts a connection but answers nothing, so the request times out; after thaw new requests pass', async () => {
    proxy.freeze();
    await expect(get(proxy, '/', 300)).rejects.toThrow('timed out');
    expect(proxy.accepted).toBe(1); // the connection itself was accepted

    proxy.thaw();
    await expect(get(proxy, '/')).resolves.toBe('hello');
  });

  it('freezes an open stream without closing it, and thaw lets it flow again', async () => {
    const stream = await openStream(proxy);
    await until(() => stream.ticks() >= 2, 'the first ticks');

    proxy.freeze();
    await sleep(50); // what was in flight when it froze
    const frozenAt = stream.ticks();
    await sleep(300);
    expect(stream.ticks()).toBe(frozenAt);
    expect(proxy.connections).toBe(1);

    proxy.thaw();
    await until(() => stream.ticks() > frozenAt + 2, 'ticks after the thaw');
    stream.abort();
    await stream.ended;
  });

  it('cut ends an open streaming response', async () => {
    const stream = await openStream(proxy);
    await until(() => stream.ticks() >= 1, 'the first tick');

    proxy.cut();
    await expect(stream.ended).resolves.not.toBe('complete');
    await until(() => proxy.connections === 0, 'no connection left');
    await expect(get(proxy, '/')).resolves.toBe('hello'); // new connections are served
  });

  it('cut with reset ends a stream frozen in mid-flight as well', async () => {
    const stream = await openStream(proxy);
    await until(() => stream.ticks() >= 1, 'the first tick');
    proxy.freeze();

    proxy.cut({ reset: true });
    await expect(stream.ended).resolves.not.toBe('complete');
  });

  it('fronts a unix-socket target', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tcp-proxy-'));
    const unixServer = await startServer({ path: path.join(dir, 'http.sock') });
    const unixProxy = await TcpProxy.start(unixServer.target);
    try {
      await expect(get(unixProxy, '/')).resolves.toBe('hello');
      unixProxy.freeze();
      await expect(get(unixProxy, '/', 300)).rejects.toThrow('timed out');
      unixProxy.thaw();
      await expect(get(unixProxy, '/')).resolves.toBe('hello');
    } finally {
      await unixProxy.close();
      await unixServer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
