import type { Diagnosis } from '../health/diagnosis.view';
import { describeCertificate, validity, type CertificateFacts, type StoredTlsFacts } from '../health/certificate.facts';
import type { EndpointProbeResult, ProbeStep } from '../health/endpoint.probe';
import { HostStatus } from './host.enums';
import type { DockerHost } from './host.entity';

export type DiagnosedHost = Pick<DockerHost, 'name' | 'status' | 'apiEndpoint' | 'tlsVerify' | 'consecutiveFailures' | 'lastError' | 'lastErrorCode' | 'lastCheckedAt'>;

export interface HostFacts {
  host: DiagnosedHost;
  /** The stored TLS material read, or the reason it does not open. */
  stored: StoredTlsFacts | { openFailed: string };
  /** The endpoint probed now; null when the host is fine (it is not contacted then). */
  probe: EndpointProbeResult | null;
  /** Production and a caller without docker.hosts.privileged: how the endpoint fails is not told (see host-error.view). */
  coarse: boolean;
  now?: number;
}

/** Whether the host is in a troubleshooting row's state, so worth probing: checks fail and nobody took it offline. */
export function isFailing(host: Pick<DockerHost, 'status' | 'consecutiveFailures'>): boolean {
  if (host.status === HostStatus.PENDING || host.status === HostStatus.ERROR) return true;
  return host.status === HostStatus.DISCONNECTED && host.consecutiveFailures > 0;
}

/**
 * The seed's troubleshooting rows "host stuck in pending" (endpoint unreachable) and "repeated error status" (bad TLS
 * credentials) for one host, from the endpoint probed now and the stored certificates; plus a warning for a stored
 * certificate that expires within EXPIRY_WARNING_DAYS. Null for a host that is fine.
 */
export function diagnoseHost(facts: HostFacts): Diagnosis | null {
  const { host, probe } = facts;
  const now = facts.now ?? Date.now();
  const certificates = 'certificates' in facts.stored ? facts.stored.certificates : [];
  const certificateLines = [
    ...certificates.map((c) => `stored ${describeCertificate(c, now)}`),
    ...('certificates' in facts.stored ? facts.stored.unreadable.map((part) => `stored ${part}: does not parse`) : []),
  ];
  if (!isFailing(host)) return expiryWarning(host, certificates, now);

  const symptom = host.status === HostStatus.ERROR ? 'repeated error status' : host.status === HostStatus.PENDING ? 'host stuck in pending' : 'host disconnected: checks fail';
  const recover = host.status === HostStatus.ERROR ? 'recoverDockerHost' : 'connectDockerHost';
  const evidence = [
    `${host.status.toUpperCase()} after ${host.consecutiveFailures} consecutive failed checks${host.lastCheckedAt ? `, last at ${new Date(host.lastCheckedAt).toISOString()}` : ''}`,
    ...(host.lastErrorCode && !facts.coarse ? [`last error (${host.lastErrorCode}): ${host.lastError ?? ''}`] : []),
  ];
  const curl = curlLine(host, facts.stored);

  if ('openFailed' in facts.stored) {
    return { symptom, cause: `the stored TLS credentials do not open (${facts.stored.openFailed})`, evidence, firstAction: 'Re-upload the TLS credentials (updateDockerHost with tlsCredentials)', mutations: ['updateDockerHost', recover] };
  }
  if (facts.coarse) {
    return {
      symptom,
      cause: 'could not reach a Docker API at this endpoint (details in the server log; callers with docker.hosts.privileged see the probe)',
      evidence: [...evidence, ...certificateLines],
      firstAction: `Verify network / firewall, then curl the endpoint by hand: ${curl}`,
      mutations: [recover],
    };
  }
  const probed = (probe?.steps ?? []).map((s) => `${s.step}: ${s.ok ? 'ok' : 'FAILED'}, ${s.detail} (${s.ms} ms)`);
  const server = probe?.serverCertificate ? [describeCertificate(probe.serverCertificate, now)] : [];
  const all = [...evidence, ...probed, ...server, ...certificateLines];
  const failed = probe?.failed;
  if (!failed) {
    return {
      symptom,
      cause: host.status === HostStatus.ERROR
        ? `the endpoint answers now, but the host waits in ERROR for a manual recovery (after ${host.consecutiveFailures} failures)`
        : 'the endpoint answers now: the next check connects it',
      evidence: all,
      firstAction: host.status === HostStatus.ERROR ? 'Recover the host (recoverDockerHost): it is checked at once' : 'Check it now (connectDockerHost)',
      mutations: [recover],
    };
  }
  const { cause, firstAction, mutations } = failed.step === 'tls' ? tlsCause(failed, facts, probe!.serverCertificate, now) : reachCause(failed, curl);
  return { symptom, cause, evidence: all, firstAction, mutations: [...mutations, recover] };
}

function reachCause(failed: ProbeStep, curl: string): { cause: string; firstAction: string; mutations: string[] } {
  switch (failed.step) {
    case 'resolve':
      return { cause: `API endpoint unreachable: ${failed.detail}`, firstAction: `Fix the name in apiEndpoint (updateDockerHost) or the API server's DNS; then curl the endpoint by hand: ${curl}`, mutations: ['updateDockerHost'] };
    case 'connect': {
      const why = failed.code === 'ECONNREFUSED' ? 'dockerd is down there, or not listening on TCP (its -H / "hosts" setting)' : failed.code === 'ETIMEDOUT' ? 'a firewall drops the connection, or the address is wrong' : 'the network has no path to the host';
      return { cause: `API endpoint unreachable: ${failed.detail}; ${why}`, firstAction: `Verify network / firewall, then curl the endpoint by hand: ${curl}`, mutations: [] };
    }
    default:
      return { cause: notDocker(failed), firstAction: `Check the port is the Docker API (dockerd -H; 2375 plain, 2376 TLS), then curl the endpoint by hand: ${curl}`, mutations: ['updateDockerHost'] };
  }
}

function notDocker(failed: ProbeStep): string {
  if (failed.code === 'NOT_DOCKER_API') return `something answers, but it is not a Docker Engine API: ${failed.detail}`;
  if (failed.code === 'HOST_TIMEOUT') return `the endpoint accepts connections but the Engine API does not answer in time: ${failed.detail}`;
  return failed.detail;
}

/** Which TLS check fails, told apart with the stored certificates' own dates and names. */
function tlsCause(failed: ProbeStep, facts: HostFacts, server: CertificateFacts | null, now: number): { cause: string; firstAction: string; mutations: string[] } {
  const stored = 'certificates' in facts.stored ? facts.stored : { certificates: [], keyMatchesCertificate: null, unreadable: [] };
  const ca = stored.certificates.find((c) => c.role === 'CA');
  const client = stored.certificates.find((c) => c.role === 'client certificate');
  const reupload = 'Re-upload the TLS credentials (updateDockerHost with tlsCredentials)';
  switch (failed.tlsFailure) {
    case 'unknown-ca':
      return {
        cause: `bad TLS credentials: unknown CA, the daemon's certificate is not signed by ${ca ? `the stored CA (${ca.subject})` : 'a CA we were given (none stored)'}`,
        firstAction: `${reupload}: ca must be the CA that signed the daemon's --tlscert; check the daemon's TLS config`,
        mutations: ['updateDockerHost'],
      };
    case 'expired':
    case 'not-yet-valid':
      return {
        cause: `the daemon's certificate is ${failed.tlsFailure === 'expired' ? 'expired' : 'not yet valid'}${server ? ` (${validity(server, now).text})` : ''}${failed.tlsFailure === 'not-yet-valid' ? ', or a clock is wrong' : ''}`,
        firstAction: "Renew the daemon's certificate (--tlscert) and restart dockerd; check both machines' clocks",
        mutations: [],
      };
    case 'name-mismatch':
      return {
        cause: `the daemon's certificate does not name ${new URL(facts.host.apiEndpoint).hostname}: it names ${server?.altNames ?? `only its subject (${failed.detail})`}`,
        firstAction: "Register the host by a name or address its certificate names (updateDockerHost apiEndpoint), or reissue the daemon's certificate with this one in its SAN",
        mutations: ['updateDockerHost'],
      };
    case 'key-mismatch':
      return { cause: 'bad TLS credentials: the stored key does not match the stored client certificate', firstAction: `${reupload}: cert and key of the same pair`, mutations: ['updateDockerHost'] };
    case 'client-certificate-refused': {
      const why = !client
        ? 'no client certificate is stored, and the daemon requires one (--tlsverify)'
        : stored.keyMatchesCertificate === false
          ? 'the stored key does not match the stored client certificate'
          : validity(client, now).state === 'expired' || validity(client, now).state === 'not-yet-valid'
            ? `the stored client certificate ${validity(client, now).text}`
            : `the daemon does not accept the stored client certificate (${client.subject}, issued by ${client.issuer}): it is not signed by the CA in the daemon's --tlscacert`;
      return { cause: `bad TLS credentials: client certificate refused, ${why}`, firstAction: `${reupload}: a client certificate signed by the CA the daemon trusts (--tlscacert); check the daemon's TLS config`, mutations: ['updateDockerHost'] };
    }
    default:
      return { cause: `bad TLS credentials: ${failed.detail}`, firstAction: `${reupload}; check the daemon's TLS config`, mutations: ['updateDockerHost'] };
  }
}

function expiryWarning(host: DiagnosedHost, certificates: CertificateFacts[], now: number): Diagnosis | null {
  const soon = certificates.filter((c) => validity(c, now).state !== 'valid');
  if (soon.length === 0) return null;
  return {
    symptom: 'stored TLS certificate expiring',
    cause: soon.map((c) => `the stored ${c.role} ${c.subject} ${validity(c, now).text}`).join('; '),
    evidence: [host.status.toUpperCase(), ...certificates.map((c) => `stored ${describeCertificate(c, now)}`)],
    firstAction: 'Renew the certificate and upload it (updateDockerHost with tlsCredentials) before it expires: the checks fail from then on',
    mutations: ['updateDockerHost'],
  };
}

/** The line to try by hand from the API server's machine: the same endpoint, the same kind of material. */
export function curlLine(host: Pick<DockerHost, 'apiEndpoint' | 'tlsVerify'>, stored: HostFacts['stored']): string {
  const url = new URL(host.apiEndpoint);
  if (url.protocol === 'unix:') return `curl -sS --max-time 5 --unix-socket ${decodeURIComponent(url.pathname)} http://localhost/_ping (expect OK)`;
  const hostPort = url.host;
  if (url.protocol === 'tcp:') return `curl -sS --max-time 5 http://${hostPort}/_ping (expect OK)`;
  const roles = new Set('certificates' in stored ? stored.certificates.map((c) => c.role) : []);
  const flags = [
    ...(host.tlsVerify ? (roles.has('CA') ? ['--cacert ca.pem'] : []) : ['-k']),
    ...(roles.has('client certificate') ? ['--cert cert.pem --key key.pem'] : []),
  ];
  return `curl -sS --max-time 5 ${flags.join(' ')}${flags.length ? ' ' : ''}https://${hostPort}/_ping (expect OK; the .pem files are the ones uploaded as tlsCredentials)`;
}
