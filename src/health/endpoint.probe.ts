import { X509Certificate } from 'node:crypto';
import { promises as dns } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { Gate } from '../common/concurrency';
import { DomainError } from '../common/errors';
import type { DockerInventory } from '../docker/docker.inventory';
import { tlsFailureOf, type TlsFailure } from '../docker/docker.errors';
import type { HostTarget } from '../docker/docker.types';
import { parseEndpoint, type EngineEndpoint } from '../docker/endpoint';
import { certificateFacts, type CertificateFacts } from './certificate.facts';

export type ProbeStepName = 'resolve' | 'connect' | 'tls' | 'docker';

export interface ProbeStep {
  step: ProbeStepName;
  ok: boolean;
  /** What was seen, in operator terms ("10.0.0.2:2376 refused the connection (ECONNREFUSED)"). */
  detail: string;
  ms: number;
  /** The failure's code: Node's (ECONNREFUSED, ENOTFOUND, ERR_SSL_…), or ours for the Docker step (NOT_DOCKER_API…). */
  code: string | null;
  /** For a failed TLS step: which check failed. */
  tlsFailure: TlsFailure | null;
}

export interface EndpointProbeResult {
  endpoint: EngineEndpoint;
  steps: ProbeStep[];
  /** The first step that failed (nothing after it is tried), or null when the Engine answered. */
  failed: ProbeStep | null;
  /** The certificate the server presented, when the TLS step got that far. */
  serverCertificate: CertificateFacts | null;
  probedAt: Date;
}

/** After the handshake Go's TLS server judges our certificate, and says so in an alert a few ms later (measured 16–35 ms). */
const CLIENT_VERDICT_MS = 300;
/** One probe per endpoint and credentials in this window: a list of hosts, or a page polling, asks the network once. */
const CACHE_MS = 5000;
/**
 * Probes in flight at once, for the whole process: `dockerHosts(first: 500) { nodes { diagnosis } }` asks for one per
 * failing host, each up to DOCKER_TIMEOUT_MS per step, and any reader may send it.
 */
const PROBES_AT_ONCE = 8;

/**
 * Why an endpoint is not a Docker API, step by step, the way one would check by hand: does the name resolve, does
 * TCP connect (refused / timed out / no route), does the TLS handshake pass (and which check fails), and does the
 * Engine answer (the Docker adapter's own /version negotiation and /_ping, with its error mapping). Each step runs
 * only if the one before passed, so the first failure is the cause.
 */
export class EndpointProbe {
  private readonly cache = new Map<string, { at: number; result: Promise<EndpointProbeResult> }>();
  private readonly gate = new Gate(PROBES_AT_ONCE);

  constructor(private readonly deps: { inventory: Pick<DockerInventory, 'ping'>; timeoutMs: number; lookup?: (host: string) => Promise<string[]> }) {}

  probe(target: HostTarget): Promise<EndpointProbeResult> {
    const key = `${target.hostId} ${target.fingerprint}`;
    const now = Date.now();
    for (const [k, entry] of this.cache) if (now - entry.at > CACHE_MS) this.cache.delete(k);
    const cached = this.cache.get(key);
    if (cached) return cached.result;
    const result = this.gate.run(() => this.run(target));
    this.cache.set(key, { at: now, result });
    return result;
  }

  private async run(target: HostTarget): Promise<EndpointProbeResult> {
    const endpoint = parseEndpoint(target.apiEndpoint);
    const steps: ProbeStep[] = [];
    let serverCertificate: CertificateFacts | null = null;
    const done = () => ({ endpoint, steps, failed: steps.find((s) => !s.ok) ?? null, serverCertificate, probedAt: new Date() });
    const timed = async (step: ProbeStepName, fn: () => Promise<Omit<ProbeStep, 'step' | 'ms'>>) => {
      const started = performance.now();
      const result = await fn();
      steps.push({ step, ms: Math.round(performance.now() - started), ...result });
      return result.ok;
    };

    if (endpoint.scheme !== 'unix') {
      let address = endpoint.host;
      if (!(await timed('resolve', async () => {
        if (net.isIP(endpoint.host)) return pass(`${endpoint.host} is an address`);
        try {
          const addresses = await this.lookup(endpoint.host);
          address = addresses[0]!;
          return pass(`${endpoint.host} resolves to ${addresses.join(', ')}`);
        } catch (error) {
          const code = codeOf(error);
          return fail(`${endpoint.host} does not resolve (${code}${code === 'EAI_AGAIN' || code === 'ETIMEOUT' ? ': the resolver did not answer' : ''})`, code);
        }
      }))) return done();
      if (!(await timed('connect', () => this.connect(address, endpoint.port)))) return done();
      if (endpoint.scheme === 'https' && !(await timed('tls', async () => {
        const seen = await this.handshake(endpoint.host, endpoint.port, target);
        serverCertificate = seen.certificate;
        return seen.step;
      }))) return done();
    }
    await timed('docker', async () => {
      try {
        await this.deps.inventory.ping(target);
        return pass(`the Engine answers /version and /_ping at ${target.apiEndpoint}`);
      } catch (error) {
        return error instanceof DomainError ? fail(error.message, error.code) : fail(String(error), null);
      }
    });
    return done();
  }

  private async lookup(host: string): Promise<string[]> {
    if (this.deps.lookup) return this.deps.lookup(host);
    const answers = await dns.lookup(host, { all: true });
    return answers.map((a) => a.address);
  }

  private connect(address: string, port: number): Promise<Omit<ProbeStep, 'step' | 'ms'>> {
    const at = `${address.includes(':') ? `[${address}]` : address}:${port}`;
    return new Promise((resolve) => {
      const socket = net.connect({ host: address, port });
      const finish = (result: Omit<ProbeStep, 'step' | 'ms'>) => {
        clearTimeout(timer);
        socket.destroy();
        resolve(result);
      };
      const timer = setTimeout(() => finish(fail(`${at} did not answer the TCP connect within ${this.deps.timeoutMs} ms (a firewall dropping it, or nothing at that address)`, 'ETIMEDOUT')), this.deps.timeoutMs);
      socket.once('connect', () => finish(pass(`TCP connect to ${at} accepted`)));
      socket.once('error', (error) => {
        const code = codeOf(error);
        if (code === 'ECONNREFUSED') finish(fail(`${at} refused the connection (${code}): nothing listens on port ${port} there`, code));
        else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') finish(fail(`no route to ${at} (${code})`, code));
        else finish(fail(`TCP connect to ${at} failed: ${error.message}`, code));
      });
    });
  }

  /** The handshake with the host's own material and verification setting, then a moment for the server's verdict on our certificate. */
  private handshake(host: string, port: number, target: HostTarget): Promise<{ step: Omit<ProbeStep, 'step' | 'ms'>; certificate: CertificateFacts | null }> {
    return new Promise((resolve) => {
      let certificate: CertificateFacts | null = null;
      let socket: tls.TLSSocket;
      const failed = (error: Error) => {
        const code = codeOf(error);
        const kind = tlsFailureOf(code, error.message);
        return { ...fail(`TLS handshake with ${host}:${port} failed: ${error.message.split('\n')[0]!.replace(/^[0-9A-F]+:error:[0-9A-F]+:SSL routines:[^:]*:/, '')} (${code})`, code), tlsFailure: kind };
      };
      const finish = (step: Omit<ProbeStep, 'step' | 'ms'>) => {
        clearTimeout(timer);
        socket?.destroy();
        resolve({ step, certificate });
      };
      const timer = setTimeout(() => finish(fail(`TLS handshake with ${host}:${port} did not finish within ${this.deps.timeoutMs} ms`, 'ETIMEDOUT')), this.deps.timeoutMs);
      try {
        socket = tls.connect({
          host,
          port,
          servername: net.isIP(host) ? undefined : host,
          ca: target.tls?.ca ?? undefined,
          cert: target.tls?.cert ?? undefined,
          key: target.tls?.key ?? undefined,
          rejectUnauthorized: target.tlsVerify,
          // A certificate that fails the name check was still presented: its names and dates are the evidence (the
          // socket is gone by the time its error is emitted).
          checkServerIdentity: (name, peer) => {
            certificate = certificateFacts(new X509Certificate(peer.raw), 'server certificate');
            return tls.checkServerIdentity(name, peer);
          },
        });
      } catch (error) {
        // The secure context itself: a key that does not match its certificate fails here, before any byte is sent.
        return finish(failed(error as Error));
      }
      socket.once('secureConnect', () => {
        const peer = certificate ? null : socket.getPeerX509Certificate();
        if (peer) certificate = certificateFacts(peer, 'server certificate');
        socket.resume();
        setTimeout(() => finish(pass(`TLS handshake with ${host}:${port} passed (${socket.getProtocol()}${target.tlsVerify ? ', server certificate verified' : ', verification off'}; the server kept the connection after seeing our certificate)`)), CLIENT_VERDICT_MS);
      });
      socket.once('error', (error) => finish(failed(error)));
      socket.once('end', () => finish({ ...fail(`the server at ${host}:${port} closed the connection right after the handshake (client certificate missing or refused)`, 'ECONNRESET'), tlsFailure: 'client-certificate-refused' }));
    });
  }
}

function pass(detail: string): Omit<ProbeStep, 'step' | 'ms'> {
  return { ok: true, detail, code: null, tlsFailure: null };
}

function fail(detail: string, code: string | null): Omit<ProbeStep, 'step' | 'ms'> {
  return { ok: false, detail, code, tlsFailure: null };
}

function codeOf(error: unknown): string {
  return String((error as { code?: unknown }).code ?? 'ERROR');
}
