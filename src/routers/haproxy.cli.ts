import { connect, type NetConnectOpts } from 'node:net';
import { DomainError, ErrorCode, InputError } from '../common/errors';

/** Where a runtime or master CLI listens: `tcp://host:port` or `unix:///path`. */
export type CliEndpoint = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };

/** Parses a CLI endpoint; `field` names the input it came from in the error. */
export function parseCliEndpoint(endpoint: string, field = 'endpoint'): CliEndpoint {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InputError(field, 'must be tcp://host:port or unix:///path');
  }
  if (url.protocol === 'unix:') {
    if (!url.pathname.startsWith('/') || url.pathname.length < 2 || url.host) throw new InputError(field, 'must be unix:///absolute/path');
    return { kind: 'unix', path: decodeURIComponent(url.pathname) };
  }
  const port = Number(url.port);
  if (url.protocol !== 'tcp:' || !url.hostname || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InputError(field, 'must be tcp://host:port or unix:///path');
  }
  return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

/** The same endpoint as HAProxy's own bind syntax (`ipv4@host:port`, or the socket path), for the rendered config. */
export function haproxyBind(endpoint: string): string {
  const parsed = parseCliEndpoint(endpoint);
  if (parsed.kind === 'unix') return parsed.path;
  return parsed.host.includes(':') ? `ipv6@[${parsed.host}]:${parsed.port}` : `ipv4@${parsed.host}:${parsed.port}`;
}

function unreachable(endpoint: string, why: string): DomainError {
  return new DomainError(ErrorCode.ROUTER_UNREACHABLE, `the HAProxy CLI at ${endpoint} did not answer: ${why}`, { endpoint });
}

/**
 * One command on one connection: HAProxy's CLI in non-interactive mode answers and closes. Failures to reach it are
 * mapped here, once: refused, no such socket, permission, timeout -> ROUTER_UNREACHABLE naming the endpoint.
 */
export function sendCommand(endpoint: string, command: string, timeoutMs: number): Promise<string> {
  const target = parseCliEndpoint(endpoint);
  const options: NetConnectOpts = target.kind === 'unix' ? { path: target.path } : { host: target.host, port: target.port };
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect(options);
    const finish = (error: DomainError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(() => finish(unreachable(endpoint, `no answer to "${command.split(' ')[0]}" within ${timeoutMs} ms`)), timeoutMs);
    socket.on('connect', () => socket.end(`${command}\n`)); // half-close: the master CLI answers once the request ends
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const why = { ECONNREFUSED: 'connection refused', ENOENT: 'no such socket', EACCES: 'permission denied', EHOSTUNREACH: 'host unreachable', ETIMEDOUT: 'timed out' }[error.code ?? ''];
      finish(unreachable(endpoint, why ?? error.message));
    });
  });
}

/** A reply that says the command failed: HAProxy answers success with nothing, or with one known sentence. */
export function refused(endpoint: string, command: string, reply: string): DomainError {
  return new DomainError(ErrorCode.ROUTER_REFUSED, `HAProxy at ${endpoint} refused "${command}": ${reply.trim() || 'no answer'}`, { endpoint });
}
