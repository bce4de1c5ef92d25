import Docker from 'dockerode';
import http from 'node:http';
import https from 'node:https';
import { inspect } from 'node:util';
import { DomainError, ErrorCode } from '../common/errors';
import type { Logger } from '../log/logger';
import { parseEndpoint } from './endpoint';
import { toDockerError } from './docker.errors';
import type { HostTarget, SystemInfo } from './docker.types';

/** Highest Engine API version this code was written against; older daemons are spoken to at their own maximum. */
export const MAX_API_VERSION = '1.45';
const MIN_API_VERSION = '1.24';

export interface Engine {
  docker: Docker;
  /**
   * The same client without docker-modem's socket timeout, for long-lived streams (events, stats, logs) and calls the
   * Engine answers late on purpose (stop): that timeout fires on any idle socket, so it would cut a quiet event stream
   * after DOCKER_TIMEOUT_MS. `run`'s own deadline still covers opening the stream, or the whole call.
   */
  streaming: Docker;
  apiVersion: string;
}

/** One host's client. Created synchronously, so its agent can be destroyed even while negotiation still hangs. */
interface PoolEntry {
  fingerprint: string;
  agent: http.Agent;
  ready: Promise<Engine>;
  /** Calls under way: a retired entry's agent is destroyed when the last one settles. */
  inflight: number;
  lastUsed: number;
  retired: boolean;
}

/**
 * One dockerode client per host, with a keep-alive agent (a new mTLS handshake per call costs ~5 ms vs ~0.4 ms reused).
 * The client is rebuilt when the host's endpoint or credentials change (its fingerprint). Every call has a deadline
 * that really ends it: the agent and its sockets are destroyed, so an endpoint that trickles bytes forever cannot
 * hold a socket. A client is retired after a transport failure, never because the Engine answered with an error.
 */
export class DockerClientPool {
  private readonly clients = new Map<string, PoolEntry>();

  constructor(private readonly options: { timeoutMs: number; logger: Logger }) {}

  async systemInfo(target: HostTarget): Promise<SystemInfo> {
    return this.run(target, async ({ docker, apiVersion }) => {
      const info = await docker.info();
      return {
        dockerVersion: String(info.ServerVersion ?? ''),
        apiVersion,
        os: String(info.OperatingSystem ?? ''),
        osType: String(info.OSType ?? ''),
        architecture: String(info.Architecture ?? ''),
        cpuCount: Number(info.NCPU ?? 0),
        memoryBytes: Number(info.MemTotal ?? 0),
        containerCount: Number(info.Containers ?? 0),
        imageCount: Number(info.Images ?? 0),
        swarmNodeId: typeof info.Swarm?.NodeID === 'string' && info.Swarm.NodeID !== '' ? info.Swarm.NodeID : null,
      };
    });
  }

  /**
   * The size of the host's image layers (LayersSize of /system/df), or null when the Engine does not say in time.
   * Disk usage is the Engine's slowest answer and a nicety: it never fails a check. Only the images' part is asked
   * for (API 1.42+; older Engines ignore the parameter and size every container's writable layer and every volume too).
   */
  async layersSize(target: HostTarget): Promise<number | null> {
    // A slow answer is "unknown", not a timed-out host, and waits no longer than it did inside the check (shutdown
    // settles measurements too); a failure to reach the host is the check's business, not this figure's.
    const df = await this.run(target, ({ docker }) => orNull(layersUsage(docker), Math.min(1000, this.options.timeoutMs / 2))).catch(() => null);
    const size = df?.LayersSize;
    return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : null;
  }

  /** Forget a host's client (deleted, taken offline, or credentials about to change). */
  evict(hostId: string): void {
    const entry = this.clients.get(hostId);
    if (entry) this.retire(hostId, entry);
  }

  /** Drops clients unused for `maxIdleMs`, except those of the hosts in `keep` (their event streams use them). */
  sweepIdle(maxIdleMs: number, keep: ReadonlySet<string>): void {
    const cutoff = Date.now() - maxIdleMs;
    for (const [hostId, entry] of [...this.clients]) {
      if (!keep.has(hostId) && entry.inflight === 0 && entry.lastUsed < cutoff) this.retire(hostId, entry);
    }
  }

  close(): void {
    for (const [hostId, entry] of [...this.clients]) this.retire(hostId, entry, true);
  }

  /**
   * Runs one Engine call on the host's client under the deadline; failures come out as domain errors. For a stream,
   * `fn` resolves once the response has started: the deadline covers the handshake, not the stream's life. A call
   * the Engine answers only after waiting on purpose (a stop's grace period) adds that wait as `extraMs`.
   */
  async run<T>(target: HostTarget, fn: (engine: Engine) => Promise<T>, options: { extraMs?: number } = {}): Promise<T> {
    const context = { endpoint: target.apiEndpoint, tls: target.apiEndpoint.startsWith('https:') };
    const entry = this.entry(target);
    entry.inflight++;
    entry.lastUsed = Date.now();
    let engineAnswered = false;
    try {
      const work = async () => {
        const engine = await entry.ready;
        try {
          return await fn(engine);
        } catch (error) {
          engineAnswered = typeof (error as { statusCode?: unknown }).statusCode === 'number';
          throw error;
        }
      };
      // Past the deadline the host is misbehaving: end every request on this client, not just our wait.
      return await this.withDeadline(target.apiEndpoint, this.options.timeoutMs + (options.extraMs ?? 0), work, () => this.retire(target.hostId, entry, true));
    } catch (error) {
      // The Engine answering 4xx/5xx leaves the connection healthy; anything else (or a failed negotiation) does not.
      if (!engineAnswered) this.retire(target.hostId, entry);
      throw toDockerError(error, context);
    } finally {
      entry.inflight--;
      if (entry.retired && entry.inflight === 0) entry.agent.destroy();
    }
  }

  private entry(target: HostTarget): PoolEntry {
    const cached = this.clients.get(target.hostId);
    if (cached?.fingerprint === target.fingerprint) return cached;
    if (cached) this.retire(target.hostId, cached);
    const entry = this.create(target);
    this.clients.set(target.hostId, entry);
    return entry;
  }

  /** Takes the entry out of the pool (if it is still the current one); its agent goes now, or when it is idle. */
  private retire(hostId: string, entry: PoolEntry, force = false): void {
    if (this.clients.get(hostId) === entry) this.clients.delete(hostId);
    entry.retired = true;
    if (force || entry.inflight === 0) entry.agent.destroy();
  }

  private create(target: HostTarget): PoolEntry {
    const endpoint = parseEndpoint(target.apiEndpoint);
    const timeout = this.options.timeoutMs;
    let agent: http.Agent;
    // dockerode's types omit `agent`, which docker-modem honours.
    let base: Docker.DockerOptions & { agent: http.Agent };
    if (endpoint.scheme === 'unix') {
      agent = new http.Agent({ keepAlive: true });
      base = { socketPath: endpoint.socketPath, agent, timeout };
    } else if (endpoint.scheme === 'tcp') {
      agent = new http.Agent({ keepAlive: true });
      base = { protocol: 'http', host: endpoint.host, port: endpoint.port, agent, timeout };
    } else {
      // TLS material lives on the agent: Node lets agent options win over per-request ones.
      agent = new https.Agent({
        keepAlive: true,
        ca: target.tls?.ca ?? undefined,
        cert: target.tls?.cert ?? undefined,
        key: target.tls?.key ?? undefined,
        rejectUnauthorized: target.tlsVerify,
      });
      base = { protocol: 'https', host: endpoint.host, port: endpoint.port, agent, timeout };
    }
    // docker-modem util.inspect()s every request's options for a debug line, even with debugging off: with a
    // keep-alive agent and its sockets in them that cost milliseconds per call (measured: 5 s of a 500-container sync).
    Object.defineProperty(agent, inspect.custom, { value: () => '[docker agent]' });
    const ready = new Docker(base)
      .version()
      .catch((error: unknown) => {
        throw versionFailure(error, target.apiEndpoint);
      })
      .then((version) => {
        const apiVersion = negotiate(version, target.apiEndpoint);
        this.options.logger.debug({ hostId: target.hostId, apiVersion }, 'docker client ready');
        const versioned = { ...base, version: `v${apiVersion}` };
        return { apiVersion, docker: new Docker(versioned), streaming: new Docker({ ...versioned, timeout: undefined }) };
      });
    ready.catch(() => undefined); // observed by every call; never an unhandled rejection
    return { fingerprint: target.fingerprint, agent, ready, inflight: 0, retired: false, lastUsed: Date.now() };
  }

  private withDeadline<T>(endpoint: string, ms: number, fn: () => Promise<T>, onTimeout: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new DomainError(ErrorCode.HOST_TIMEOUT, `Docker host ${endpoint} did not answer within ${ms} ms`));
        onTimeout();
      }, ms);
      fn().then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }
}

/**
 * Any HTTP error answer to /version means the endpoint is not an Engine we can talk to. Its body is not echoed: the
 * endpoint may be some internal service, and lastError must not become a way to read its replies.
 */
function versionFailure(error: unknown, endpoint: string): unknown {
  const mapped = toDockerError(error, { endpoint, tls: endpoint.startsWith('https:') });
  if (mapped.code !== ErrorCode.DOCKER_API_ERROR) return mapped;
  const status = (error as { statusCode?: number }).statusCode;
  return new DomainError(ErrorCode.NOT_DOCKER_API, `${endpoint} answered /version with HTTP ${status}: not a Docker Engine API`);
}

/** Resolves null when the promise fails or takes longer than `ms`. */
function orNull<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise.catch(() => null), late]).finally(() => clearTimeout(timer));
}

/** GET /system/df?type=image (dockerode's df() sends no parameters). */
function layersUsage(docker: Docker): Promise<{ LayersSize?: unknown }> {
  return new Promise((resolve, reject) => {
    docker.modem.dial({ path: '/system/df?', method: 'GET', options: { type: ['image'] }, statusCodes: { 200: true, 500: 'server error' } }, (error: unknown, data: unknown) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve((data ?? {}) as { LayersSize?: unknown }),
    );
  });
}

/** Picks min(daemon max, ours) and refuses answers that are not the Engine's `/version`. */
function negotiate(version: unknown, endpoint: string): string {
  const v = version as { ApiVersion?: unknown; MinAPIVersion?: unknown } | null;
  if (!v || typeof v !== 'object' || typeof v.ApiVersion !== 'string' || !/^\d+\.\d+$/.test(v.ApiVersion)) {
    throw new DomainError(ErrorCode.NOT_DOCKER_API, `${endpoint} answered /version without an ApiVersion: not a Docker Engine API`);
  }
  const chosen = compare(v.ApiVersion, MAX_API_VERSION) < 0 ? v.ApiVersion : MAX_API_VERSION;
  const daemonMin = typeof v.MinAPIVersion === 'string' ? v.MinAPIVersion : MIN_API_VERSION;
  if (compare(chosen, daemonMin) < 0 || compare(chosen, MIN_API_VERSION) < 0) {
    throw new DomainError(ErrorCode.DOCKER_API_ERROR, `${endpoint} speaks API ${daemonMin}..${v.ApiVersion}; this server needs ${MIN_API_VERSION}..${MAX_API_VERSION}`);
  }
  return chosen;
}

function compare(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am - bm || an - bn;
}
