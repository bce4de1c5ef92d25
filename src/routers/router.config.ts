import { haproxyBind } from './haproxy.cli';
import type { RouteServer, TrafficRoute, TrafficRouter } from './router.entity';

type RouterPart = Pick<TrafficRouter, 'id' | 'name' | 'runtimeEndpoint'>;
type RoutePart = Pick<TrafficRoute, 'stack' | 'service' | 'listenPort' | 'backend' | 'healthCheckPath' | 'servers'>;

/** HAProxy identifiers: letters, digits, `-_.:`. Names of servers and backends are checked against it before use. */
export const HAPROXY_NAME = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The frontend of a route: the backend's name with fe_ instead of bk_. */
export function frontendOf(backend: string): string {
  return backend.replace(/^bk_/, 'fe_');
}

/** A backend name that says what it serves and stays unique per route (the route id's head). */
export function backendName(route: { id: string; stack: string; service: string }): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40);
  return `bk_${clean(route.stack)}_${clean(route.service)}_${route.id.replace(/-/g, '').slice(0, 8)}`;
}

function serverLine(server: RouteServer, check: boolean): string {
  return `  server ${server.name} ${server.address}:${server.port} weight ${server.weight}${check ? ' check' : ''}`;
}

/**
 * The whole haproxy.cfg of a router, from its stored routes: the product owns the file (edits are overwritten).
 * - `stats socket ... level admin expose-fd listeners`: the runtime API the product drives; the master hands the
 *   listening sockets to the new worker on reload, so a reload drops no connection.
 * - `option httpclose`: a reload never races a client reusing a connection the old worker is closing.
 * - retries with redispatch: a request whose connection to a server fails is sent to another server, not failed.
 * - `balance roundrobin` on every backend: weights are honoured, and dynamic servers (`add server`) are allowed.
 */
export function renderHaproxyConfig(router: RouterPart, routes: readonly RoutePart[]): string {
  const lines = [
    `# Written by fleet control for traffic router "${router.name}" (${router.id}). Do not edit: it is rewritten.`,
    'global',
    `  stats socket ${haproxyBind(router.runtimeEndpoint)} level admin expose-fd listeners`,
    '  stats timeout 30s',
    // An old worker finishes its in-flight requests after a reload, but not forever.
    '  hard-stop-after 60s',
    '',
    'defaults',
    '  mode http',
    // One request per client connection: a reload's old worker closes its idle keep-alive connections, and a client
    // sending on one just then gets "connection closed" (HAProxy 2.6 has no idle-close-on-response). New connections
    // always reach the worker holding the listeners, so a reload fails no request; the price is no client keep-alive.
    '  option httpclose',
    '  option redispatch 1',
    '  retries 3',
    '  retry-on conn-failure empty-response response-timeout',
    '  timeout connect 3s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout http-request 10s',
    '  timeout http-keep-alive 5s',
    '  timeout queue 10s',
  ];
  const ordered = [...routes].sort((a, b) => a.listenPort - b.listenPort);
  for (const route of ordered) {
    const check = Boolean(route.healthCheckPath);
    lines.push(
      '',
      `# ${route.stack}/${route.service}`,
      `frontend ${frontendOf(route.backend)}`,
      `  bind :${route.listenPort}`,
      `  default_backend ${route.backend}`,
      '',
      `backend ${route.backend}`,
      '  balance roundrobin',
    );
    if (check) lines.push(`  option httpchk GET ${route.healthCheckPath}`, '  http-check expect status 200', '  default-server inter 2s fall 2 rise 1');
    for (const server of route.servers) lines.push(serverLine(server, check));
  }
  return `${lines.join('\n')}\n`;
}
