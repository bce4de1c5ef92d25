import Docker from 'dockerode';
import http from 'node:http';
import https from 'node:https';
import { DomainError, ErrorCode } from '../common/errors';
import type { Logger } from '../log/logger';
import { parseEndpoint } from './endpoint';
import { toDockerError } from './docker.errors';
import type { HostTarget, SystemInfo } from './docker.types';

/** Highest Engine API version this code was written against; older daemons are spoken to at their own maximum. */
export const MAX_API_VERSION = '1.45';
const MIN_API_VERSION = '1.24';

interface PooledClient {
  fingerprint: string;
  docker: Docker;
  agent: http.Agent;
  apiVersion: string;
  /** Calls under way: a retired client's agent is destroyed only when the last one settles. */
  inflight: number;
  retired: boolean;
}

/**
 * One dockerode client per host, with a keep-alive agent (a new mTLS handshake per call costs ~5 ms vs ~0.4 ms reused).
 * The client is rebuilt when the host's endpoint or credentials change (its fingerprint). Every call has a deadline,
 * so an endpoint that accepts and never answers cannot hang a request or a worker. A client is retired after a
 * transport failure, never because the Engine answered with an error, and never under another call's feet.
 */
export class DockerClientPool {
  private readonly clients = new Map<string, Promise<PooledClient>>();

  constructor(private readonly options: { timeoutMs: number; logger: Logger }) {}

  async systemInfo(target: HostTarget): Promise<SystemInfo> {
    return this.call(target, async ({ docker, apiVersion }) => {
      // Disk usage is a nicety and can be slow on a busy host: it must not fail the health check.
      const dfDeadline = Math.min(1000, this.options.timeoutMs / 2);
      const [info, df] = await Promise.all([docker.info(), orNull(docker.df(), dfDeadline)]);
      return {
        dockerVersion: String(info.ServerVersion ?? ''),
        apiVersion,
        os: String(info.OperatingSystem ?? ''),
        osType: String(info.OSType ?? ''),
        architecture: String(info.Architecture ?? ''),
        cpuCount: Number(info.NCPU ?? 0),
        memoryBytes: Number(info.MemTotal ?? 0),
        storageBytes: df && typeof df.LayersSize === 'number' ? df.LayersSize : null,
        containerCount: Number(info.Containers ?? 0),
        imageCount: Number(info.Images ?? 0),
      };
    });
  }

  /** Forget a host's client (deleted, taken offline, or credentials about to change). */
  evict(hostId: string): void {
    const pooled = this.clients.get(hostId);
    if (pooled) this.forget(hostId, pooled);
  }

  close(): void {
    for (const hostId of [...this.clients.keys()]) this.evict(hostId);
  }

  private async call<T>(target: HostTarget, fn: (client: PooledClient) => Promise<T>): Promise<T> {
    const context = { endpoint: target.apiEndpoint, tls: target.apiEndpoint.startsWith('https:') };
    const pooled = this.client(target);
    let client: PooledClient | undefined;
    try {
      return await this.withDeadline(target.apiEndpoint, async () => {
        client = await pooled;
        client.inflight++;
        try {
          return await fn(client);
        } finally {
          client.inflight--;
          if (client.retired && client.inflight === 0) client.agent.destroy();
        }
      });
    } catch (error) {
      // The Engine answering 4xx/5xx leaves the connection healthy; anything else (or a failed negotiation) does not.
      const engineAnswered = client !== undefined && typeof (error as { statusCode?: unknown }).statusCode === 'number';
      if (!engineAnswered) this.forget(target.hostId, pooled);
      throw toDockerError(error, context);
    }
  }

  private client(target: HostTarget): Promise<PooledClient> {
    const cached = this.clients.get(target.hostId);
    if (cached) {
      return cached.then((c) => {
        if (c.fingerprint === target.fingerprint) return c;
        this.forget(target.hostId, cached);
        return this.client(target);
      });
    }
    const created = this.connect(target);
    this.clients.set(target.hostId, created);
    return created;
  }

  /** Drops this client from the pool if it is still the current one, and destroys its agent once it is idle. */
  private forget(hostId: string, pooled: Promise<PooledClient>): void {
    if (this.clients.get(hostId) === pooled) this.clients.delete(hostId);
    pooled.then(
      (c) => {
        c.retired = true;
        if (c.inflight === 0) c.agent.destroy();
      },
      () => undefined,
    );
  }

  private async connect(target: HostTarget): Promise<PooledClient> {
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
    try {
      const version = await new Docker(base).version().catch((error: unknown) => {
        throw versionFailure(error, target.apiEndpoint);
      });
      const apiVersion = negotiate(version, target.apiEndpoint);
      this.options.logger.debug({ hostId: target.hostId, apiVersion }, 'docker client ready');
      const docker = new Docker({ ...base, version: `v${apiVersion}` });
      return { fingerprint: target.fingerprint, agent, apiVersion, docker, inflight: 0, retired: false };
    } catch (error) {
      agent.destroy();
      throw error;
    }
  }

  private withDeadline<T>(endpoint: string, fn: () => Promise<T>): Promise<T> {
    const ms = this.options.timeoutMs;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new DomainError(ErrorCode.HOST_TIMEOUT, `Docker host ${endpoint} did not answer within ${ms} ms`)),
        ms,
      );
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
