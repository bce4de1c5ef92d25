import http from 'node:http';
import net from 'node:net';

/** Local stand-ins for endpoints that are NOT Docker, on loopback ports of our own. */
export interface FakeEndpoint {
  endpoint: string;
  /** Resolves when the next client connects: a check is in flight from then on. */
  nextConnection(): Promise<void>;
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
  let waiters: Array<() => void> = [];
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    waiters.forEach((resolve) => resolve());
    waiters = [];
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `tcp://127.0.0.1:${port}`,
    nextConnection: () => new Promise<void>((resolve) => waiters.push(resolve)),
    close: () => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}
