import { InputError } from '../common/errors';

export type EngineEndpoint =
  | { scheme: 'unix'; socketPath: string }
  | { scheme: 'tcp' | 'https'; host: string; port: number };

const DEFAULT_PORT = { tcp: 2375, https: 2376 } as const;

/** Parses an Engine API endpoint: `unix:///path`, `tcp://host:port` (plain HTTP) or `https://host:port` (TLS). */
export function parseEndpoint(value: string, field = 'apiEndpoint'): EngineEndpoint {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InputError(field, 'must be a URL such as unix:///var/run/docker.sock, tcp://host:2375 or https://host:2376');
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme === 'unix') {
    if (url.host !== '' || !url.pathname.startsWith('/') || url.pathname === '/') {
      throw new InputError(field, 'must name an absolute socket path, as in unix:///var/run/docker.sock');
    }
    return { scheme, socketPath: decodeURIComponent(url.pathname) };
  }
  if (scheme !== 'tcp' && scheme !== 'https') {
    throw new InputError(field, `has unsupported scheme "${scheme}": use unix://, tcp:// or https://`);
  }
  if (!url.hostname) throw new InputError(field, 'must include a host name or address');
  if ((url.pathname && url.pathname !== '/') || url.search || url.username || url.password) {
    throw new InputError(field, 'must be scheme://host:port with no path, query or credentials');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { scheme, host, port: url.port ? Number(url.port) : DEFAULT_PORT[scheme] };
}
