import http from 'node:http';
import net from 'node:net';

/** Local stand-ins for endpoints that are NOT Docker, on loopback ports of our own. */
export interface FakeEndpoint {
  endpoint: string;
  /** Resolves when `count` more clients have connected (default 1): that many checks are in flight from then on. */
  nextConnection(count?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeEndpoint(kind: 'http-404' | 'http-json' | 'http-json-error' | 'silent'): Promise<FakeEndpoint> {
  const server =
    kind === 'silent'
      ? net.createServer(() => undefined) // accepts, then never says a word
      : http.createServer((_req, res) => {
          if (kind === 'http-404') res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
          else if (kind === 'http-json-error') res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Route GET:/version not found (internal-service-secret)"}');
          else res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
        });
  const sockets = new Set<net.Socket>();
  let waiters: Array<{ remaining: number; resolve: () => void }> = [];
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    for (const waiter of waiters) if (--waiter.remaining === 0) waiter.resolve();
    waiters = waiters.filter((waiter) => waiter.remaining > 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `tcp://127.0.0.1:${port}`,
    nextConnection: (count = 1) => new Promise<void>((resolve) => waiters.push({ remaining: count, resolve })),
    close: () => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}
