/**
 * A simulated Docker Engine (20.10, API 1.41) for scale benchmarks: a real HTTP server on 127.0.0.1 answering the
 * read side of the Engine API from a generated inventory, streaming events like the daemon, and letting a test change
 * state (with exactly the events Docker emits) or misbehave (latency, a blackholed route). dockerode works against it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  API_VERSION,
  ENGINE_VERSION,
  MIN_API_VERSION,
  containerInspect,
  containerRowJson,
  diskUsageDocument,
  imageDocument,
  infoDocument,
  networkDocument,
  versionDocument,
  volumeDocument,
} from './sim-documents';
import { EngineHttpError, EventLog, parseFilters } from './sim-events';
import { Inventory, Rng, type ContainerState, type NewContainer, type SimContainer } from './sim-inventory';

export type { ContainerState } from './sim-inventory';

export interface SimulatedEngineOptions {
  containers?: number;
  images?: number;
  networks?: number;
  volumes?: number;
  seed?: number;
  latencyMs?: number;
  /** The daemon's host name, as `/info` reports it (Name). */
  host?: string;
}

export interface CreateContainerOptions extends NewContainer {
  /** Start it right away, as `docker run` does (create, then the start events). */
  start?: boolean;
}

const DOCKER_HEADERS = { 'Api-Version': API_VERSION, 'Docker-Experimental': 'false', Ostype: 'linux', Server: `Docker/${ENGINE_VERSION} (linux)` };
/** Status text is relative to the clock; a cached list may be this old before it is rebuilt. */
const LIST_CACHE_MS = 1000;
const STATES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];

interface Request {
  params: string[];
  query: URLSearchParams;
  res: ServerResponse;
}
interface Route {
  method: string;
  pattern: RegExp;
  /** The per-path counter's name, e.g. "GET /containers/{id}/json". */
  key: string;
  handle: (request: Request) => void;
}

export class SimulatedEngine {
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly counts = new Map<string, number>();
  private readonly listCache = new Map<string, { json: string; builtAt: number }>();
  private readonly events = new EventLog();
  private readonly routes: Route[];
  private latencyMs: number;
  /** Called on every request with its per-path counter's name (e.g. "GET /containers/json"), for benchmarks that time them. */
  requested?: (key: string) => void;
  private blackholed = false;
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly inventory: Inventory,
    private readonly daemon: { id: string; name: string },
    /** How long generating the inventory took, for benchmark reports. */
    readonly generationMs: number,
    latencyMs: number,
  ) {
    this.latencyMs = latencyMs;
    this.routes = this.buildRoutes();
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res));
  }

  static async start(options: SimulatedEngineOptions = {}): Promise<SimulatedEngine> {
    const seed = options.seed ?? 1;
    const began = performance.now();
    const rng = new Rng(seed);
    const inventory = new Inventory(rng, Date.now());
    inventory.generate({
      containers: options.containers ?? 12,
      images: options.images ?? 6,
      networks: options.networks ?? 2,
      volumes: options.volumes ?? 4,
    });
    const generationMs = performance.now() - began;
    // Docker's engine ID: twelve groups of four base-32 characters.
    const id = Array.from({ length: 12 }, () => rng.hex(8).slice(0, 4).toUpperCase()).join(':');
    const server = createServer();
    // Go's server keeps idle connections open; Node's 5 s default races the client agent's own 5 s and resets sockets.
    server.keepAliveTimeout = 0;
    const engine = new SimulatedEngine(server, inventory, { id, name: options.host ?? `sim-${seed}` }, generationMs, options.latencyMs ?? 0);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return engine;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get endpoint(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Ids, newest first (the order of `GET /containers/json`), optionally of one state only. */
  containerIds(options: { state?: ContainerState } = {}): string[] {
    return this.inventory.containers.filter((c) => !options.state || c.state === options.state).map((c) => c.id);
  }

  /** `docker start`: a network connect per network, then start. A running container is left alone (HTTP 304). */
  startContainer(ref: string): void {
    const c = this.find(ref);
    if (c.state === 'running' || c.state === 'paused') return;
    for (const e of c.endpoints) this.events.emit('network', 'connect', e.network.id, { container: c.id, name: e.network.name, type: e.network.driver });
    c.state = 'running';
    c.startedAtMs = Date.now();
    c.exitCode = 0;
    c.oomKilled = false;
    c.pid = this.inventory.rng.int(1200, 99_999);
    // Every start resets the health monitor to "starting", without an event.
    if (c.health !== null || c.image.kind.healthcheck) {
      c.health = 'starting';
      c.failingStreak = 0;
    }
    this.changed(c);
    this.containerEvent(c, 'start');
  }

  /** `docker stop`: kill (SIGTERM), die with the exit code, network disconnects, stop. Not running: no events. */
  stopContainer(ref: string, exitCode = 0): void {
    const c = this.find(ref);
    if (c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting') return;
    this.containerEvent(c, 'kill', { signal: '15' });
    this.exited(c, exitCode);
    this.containerEvent(c, 'stop');
  }

  /** `docker create` (and `docker run` with start: true). Returns the new id. */
  createContainer(options: CreateContainerOptions = {}): string {
    if (options.name && this.inventory.byName.has(options.name)) {
      throw new Error(`Conflict. The container name "/${options.name}" is already in use`);
    }
    const c = this.inventory.newContainer(options, Date.now());
    this.inventory.add(c, 'start');
    this.changed(c);
    this.containerEvent(c, 'create');
    if (options.start) this.startContainer(c.id);
    return c.id;
  }

  /** `docker rm -f`: a running container is killed first (kill SIGKILL, die 137, disconnects), then destroy. */
  removeContainer(ref: string): void {
    const c = this.find(ref);
    if (c.state === 'running' || c.state === 'paused' || c.state === 'restarting') {
      this.containerEvent(c, 'kill', { signal: '9' });
      this.exited(c, 137);
    }
    this.inventory.remove(c);
    this.changed(c);
    this.containerEvent(c, 'destroy');
  }

  /**
   * A health probe result that changes the status: moby emits "health_status: <status>" only on a change. Lenient on
   * purpose: a running container whose image has no HEALTHCHECK gets one from now on.
   */
  setHealth(ref: string, status: 'healthy' | 'unhealthy'): void {
    const c = this.find(ref);
    if (c.state !== 'running') throw new Error(`Container ${c.id} is ${c.state}: only a running container is probed`);
    if (c.health === status) return;
    c.health = status;
    c.failingStreak = status === 'unhealthy' ? 3 : 0;
    this.changed(c);
    this.containerEvent(c, `health_status: ${status}`);
  }

  /**
   * n events that change nothing: the exec_create/exec_start/exec_die triplets health probes produce on a busy host
   * (note the command suffix on two of them), or daemon reloads when nothing runs.
   */
  emitNoise(n: number): void {
    const running = this.inventory.containers.filter((c) => c.state === 'running');
    let execId = '';
    for (let i = 0; i < n; i++) {
      if (running.length === 0) {
        this.events.emit('daemon', 'reload', this.daemon.id, { name: this.daemon.name });
        continue;
      }
      const c = running[Math.floor(i / 3) % running.length];
      const probe = c.image.kind.healthcheck ?? ['CMD-SHELL', 'true'];
      const command = probe[0] === 'CMD-SHELL' ? `/bin/sh -c ${probe.slice(1).join(' ')}` : probe.slice(1).join(' ');
      const phase = i % 3;
      if (phase === 0) execId = this.inventory.rng.hex(64);
      const action = phase === 0 ? `exec_create: ${command}` : phase === 1 ? `exec_start: ${command}` : 'exec_die';
      this.containerEvent(c, action, phase === 2 ? { execID: execId, exitCode: '0' } : { execID: execId });
    }
  }

  /** Delay every answer (and the opening of event streams) by ms from now on. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /**
   * A dropped route: connections are accepted and requests read, but nothing is ever answered, and open event
   * streams go silent. Turning it off answers new requests only; what was swallowed stays swallowed.
   */
  blackhole(on: boolean): void {
    this.blackholed = on;
    if (on) this.events.freezeStreams();
  }

  /** Requests received (answered or not). */
  get requestCount(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** Requests per route, keyed like "GET /containers/json" or "GET /containers/{id}/json" ("unmatched" for 404s). */
  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Open `GET /events` streams. */
  get eventStreams(): number {
    return this.events.streams;
  }

  /** Destroys every connection, including open event streams and swallowed requests, and stops listening. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.events.closeAll();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private buildRoutes(): Route[] {
    const route = (method: string, path: string, handle: Route['handle']): Route => ({
      method,
      key: `${method} ${path}`,
      pattern: new RegExp(`^${path.replace(/\{id\}/g, '([^/]+)')}$`),
      handle,
    });
    return [
      route('GET', '/_ping', ({ res }) => this.send(res, 200, 'OK', 'text/plain; charset=utf-8')),
      route('HEAD', '/_ping', ({ res }) => this.send(res, 200, '', 'text/plain; charset=utf-8')),
      route('GET', '/version', ({ res }) => this.json(res, 200, versionDocument())),
      route('GET', '/info', ({ res }) => this.json(res, 200, infoDocument(this.inventory, this.daemon, Date.now()))),
      route('GET', '/system/df', ({ res }) => this.json(res, 200, diskUsageDocument(this.inventory, Date.now()))),
      route('GET', '/containers/json', ({ query, res }) => this.send(res, 200, this.listContainers(query))),
      route('GET', '/containers/{id}/json', ({ params, res }) => this.json(res, 200, containerInspect(this.find(params[0])))),
      route('POST', '/containers/{id}/start', ({ params, res }) => {
        const c = this.find(params[0]);
        if (c.state === 'running' || c.state === 'paused') return this.send(res, 304, '');
        this.startContainer(c.id);
        this.send(res, 204, '');
      }),
      route('POST', '/containers/{id}/stop', ({ params, res }) => {
        const c = this.find(params[0]);
        if (c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting') return this.send(res, 304, '');
        this.stopContainer(c.id);
        this.send(res, 204, '');
      }),
      route('DELETE', '/containers/{id}', ({ params, query, res }) => {
        const c = this.find(params[0]);
        if (c.state === 'running' && !truthy(query.get('force'))) {
          throw new EngineHttpError(409, `You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`);
        }
        this.removeContainer(c.id);
        this.send(res, 204, '');
      }),
      route('GET', '/images/json', ({ res }) => this.json(res, 200, this.inventory.images.map((i) => imageDocument(i)))),
      route('GET', '/networks', ({ res }) => this.json(res, 200, this.inventory.networks.map(networkDocument))),
      route('GET', '/volumes', ({ res }) => this.json(res, 200, { Volumes: this.inventory.volumes.map(volumeDocument), Warnings: null })),
      route('GET', '/events', ({ query, res }) => this.events.serve(query, res, DOCKER_HEADERS)),
    ];
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://engine');
    // Every route also answers under a version prefix, /v1.41/containers/json.
    const versioned = /^\/v([\d.]+)(\/.*)$/.exec(url.pathname);
    const path = versioned ? versioned[2] : url.pathname;
    let params: string[] = [];
    const route = this.routes.find((r) => {
      const match = r.method === req.method ? r.pattern.exec(path) : null;
      if (match) params = match.slice(1).map(decodeURIComponent);
      return match !== null;
    });
    const key = route?.key ?? 'unmatched';
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.requested?.(key);
    req.resume();
    // Swallowed: the socket stays open and nobody ever answers (close() destroys it).
    if (this.blackholed) return;
    const answer = () => {
      if (this.blackholed || this.closed) return;
      try {
        if (versioned) checkVersion(versioned[1]);
        if (!route) return this.send(res, 404, '{"message":"page not found"}\n', 'application/json', {});
        route.handle({ params, query: url.searchParams, res });
      } catch (error) {
        const status = error instanceof EngineHttpError ? error.status : 500;
        if (!res.headersSent) this.json(res, status, { message: (error as Error).message });
        else res.destroy();
      }
    };
    if (this.latencyMs <= 0) return answer();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      answer();
    }, this.latencyMs);
    this.timers.add(timer);
  }

  private listContainers(query: URLSearchParams): string {
    const filters = parseFilters(query.get('filters'));
    const limit = Number(query.get('limit') ?? -1);
    // `limit` returns the n newest containers of any state, and a status filter looks at every state: both imply all=1.
    const all = truthy(query.get('all')) || limit > 0 || filters.has('status');
    for (const status of filters.get('status') ?? []) {
      if (!STATES.includes(status)) throw new EngineHttpError(400, `invalid filter 'status=${status}'`);
    }
    const now = Date.now();
    const cacheable = filters.size === 0 && limit <= 0;
    const cacheKey = all ? 'all' : 'running';
    const cached = cacheable ? this.listCache.get(cacheKey) : undefined;
    if (cached && now - cached.builtAt < LIST_CACHE_MS) return cached.json;
    // Without all=1 Docker lists running containers, and paused and restarting ones count as running.
    let rows = this.inventory.containers.filter((c) => (all || c.state === 'running' || c.state === 'paused' || c.state === 'restarting') && matchesListFilters(c, filters));
    if (limit > 0) rows = rows.slice(0, limit);
    const json = `[${rows.map((c) => containerRowJson(c, now)).join(',')}]\n`;
    if (cacheable) this.listCache.set(cacheKey, { json, builtAt: now });
    return json;
  }

  private find(ref: string): SimContainer {
    const found = this.inventory.find(ref);
    if (found === 'ambiguous') throw new EngineHttpError(500, `Multiple IDs found with provided prefix: ${ref}`);
    if (!found) throw new EngineHttpError(404, `No such container: ${ref}`);
    return found;
  }

  private exited(c: SimContainer, exitCode: number): void {
    c.state = 'exited';
    c.exitCode = exitCode;
    c.finishedAtMs = Date.now();
    c.pid = 0;
    // Stopping the health monitor leaves the status "unhealthy" (moby, "for compatibility reasons").
    if (c.health) c.health = 'unhealthy';
    this.changed(c);
    this.containerEvent(c, 'die', { exitCode: String(exitCode) });
    for (const e of c.endpoints) this.events.emit('network', 'disconnect', e.network.id, { container: c.id, name: e.network.name, type: e.network.driver });
  }

  /** Container events carry the container's labels plus image (as asked for) and name as attributes. */
  private containerEvent(c: SimContainer, action: string, extra: Record<string, string> = {}): void {
    this.events.emit('container', action, c.id, { ...c.labels, image: c.image.ref, name: c.name, ...extra });
  }

  private changed(c: SimContainer): void {
    c.rowParts = undefined;
    this.listCache.clear();
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    // Go's json.Encoder ends every document with a newline.
    this.send(res, status, `${JSON.stringify(body)}\n`);
  }

  private send(res: ServerResponse, status: number, body: string, type = 'application/json', headers: Record<string, string> = DOCKER_HEADERS): void {
    const head: Record<string, string | number> = { ...headers };
    if (status !== 204 && status !== 304) Object.assign(head, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.writeHead(status, head);
    res.end(status === 204 || status === 304 ? undefined : body);
  }
}

/** Docker's httputils.BoolValue: anything but "", "0", "no", "false" and "none" is true. */
function truthy(value: string | null): boolean {
  return value !== null && !['', '0', 'no', 'false', 'none'].includes(value.trim().toLowerCase());
}

function checkVersion(version: string): void {
  const [major, minor] = version.split('.').map(Number);
  const [maxMajor, maxMinor] = API_VERSION.split('.').map(Number);
  const [minMajor, minMinor] = MIN_API_VERSION.split('.').map(Number);
  if (major > maxMajor || (major === maxMajor && minor > maxMinor)) {
    throw new EngineHttpError(400, `client version ${version} is too new. Maximum supported API version is ${API_VERSION}`);
  }
  if (major < minMajor || (major === minMajor && minor < minMinor)) {
    throw new EngineHttpError(400, `client version ${version} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`);
  }
}

/** The container list filters fleet code uses: status, label (all must match), name (substring), id (prefix), health. */
function matchesListFilters(c: SimContainer, filters: Map<string, string[]>): boolean {
  const any = (key: string, test: (value: string) => boolean) => !filters.has(key) || filters.get(key)!.some(test);
  const labels = filters.get('label') ?? [];
  return (
    any('status', (s) => s === c.state) &&
    any('name', (n) => c.name.includes(n.replace(/^\//, ''))) &&
    any('id', (id) => c.id.startsWith(id)) &&
    any('health', (h) => h === (c.health ?? 'none')) &&
    labels.every((l) => (l.includes('=') ? c.labels[l.slice(0, l.indexOf('='))] === l.slice(l.indexOf('=') + 1) : l in c.labels))
  );
}
