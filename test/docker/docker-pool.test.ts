import net from 'node:net';
import { DockerClientPool } from '../../src/docker/docker.pool';
import { createLogger } from '../../src/log/logger';
import { loadFleet } from '../support/fleet';

/** A loopback TCP proxy to a real daemon that counts the connections made through it and can refuse them. */
async function countingProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let refusing = false;
  const requests: string[] = [];
  const server = net.createServer((client) => {
    connections++;
    if (refusing) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    // The request lines passing through (keep-alive: several per connection).
    client.on('data', (chunk: Buffer) => requests.push(...(chunk.toString('latin1').match(/^(GET|POST|PUT|DELETE|HEAD) \S+/gm) ?? [])));
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections: () => connections,
    requests,
    open: () => sockets.size,
    refuse(on: boolean) {
      refusing = on;
      if (on) sockets.forEach((s) => s.destroy());
    },
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

describe(DockerClientPool.name, () => {
  const logger = createLogger({ level: 'silent' });
  const target = (apiEndpoint: string) => ({ hostId: 'h1', apiEndpoint, tlsVerify: true, fingerprint: apiEndpoint });

  // A check's calls reuse keep-alive sockets: no new connection for later checks.
  it('reuses its keep-alive connections, and after a failure builds one new client that it reuses again', async () => {
    const url = new URL(loadFleet().tcpEndpoint);
    const proxy = await countingProxy({ host: url.hostname, port: Number(url.port) });
    const pool = new DockerClientPool({ timeoutMs: 3000, logger });
    try {
      await pool.systemInfo(target(proxy.endpoint));
      const perClient = proxy.connections();
      expect(perClient).toBeLessThanOrEqual(2);
      for (let i = 0; i < 5; i++) await pool.systemInfo(target(proxy.endpoint));
      expect(proxy.connections()).toBe(perClient);

      proxy.refuse(true);
      await expect(pool.systemInfo(target(proxy.endpoint))).rejects.toMatchObject({ code: 'HOST_UNREACHABLE' });
      proxy.refuse(false);
      const before = proxy.connections();
      for (let i = 0; i < 5; i++) await pool.systemInfo(target(proxy.endpoint));
      expect(proxy.connections() - before).toBe(perClient);
    } finally {
      pool.close();
      await proxy.close();
    }
  });

  it('asks the Engine for the disk usage of images only (no sizing of every container and volume at each check)', async () => {
    const url = new URL(loadFleet().tcpEndpoint);
    const proxy = await countingProxy({ host: url.hostname, port: Number(url.port) });
    const pool = new DockerClientPool({ timeoutMs: 3000, logger });
    try {
      expect(await pool.layersSize(target(proxy.endpoint))).toBeGreaterThan(0);
      expect(proxy.requests.filter((r) => r.includes('/system/df'))).toEqual([expect.stringMatching(/^GET \/v[\d.]+\/system\/df\?type=image$/)]);
    } finally {
      pool.close();
      await proxy.close();
    }
  });

  it('ends the request at the deadline: an endpoint that trickles bytes keeps no socket', async () => {
    const open = new Set<net.Socket>();
    const closed: Promise<void>[] = [];
    const trickler = net.createServer((socket) => {
      open.add(socket);
      closed.push(new Promise((resolve) => socket.on('close', () => (open.delete(socket), resolve()))));
      // A valid start, then a header that never ends: the socket is never idle, the answer never complete.
      socket.write('HTTP/1.1 200 OK\r\nX-Slow: ');
      const timer = setInterval(() => socket.write('x'), 100);
      socket.on('close', () => clearInterval(timer));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => trickler.listen(0, '127.0.0.1', resolve));
    const endpoint = `tcp://127.0.0.1:${(trickler.address() as net.AddressInfo).port}`;
    const pool = new DockerClientPool({ timeoutMs: 500, logger });
    try {
      await expect(pool.systemInfo(target(endpoint))).rejects.toMatchObject({ code: 'HOST_TIMEOUT' });
      await Promise.all(closed); // resolves only once every socket the pool opened is closed
      expect(closed.length).toBe(1);
      expect(open.size).toBe(0);
    } finally {
      pool.close();
      await new Promise((resolve) => trickler.close(resolve));
    }
  });
});
