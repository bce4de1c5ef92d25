import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { storedTlsFacts, type CertificateFacts } from '../../src/health/certificate.facts';
import type { EndpointProbeResult, ProbeStep } from '../../src/health/endpoint.probe';
import { curlLine, diagnoseHost, type DiagnosedHost, type HostFacts } from '../../src/hosts/host.diagnosis';
import { HostStatus } from '../../src/hosts/host.enums';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

const host = (over: Partial<DiagnosedHost> = {}): DiagnosedHost => ({ name: 'h', status: HostStatus.PENDING, apiEndpoint: 'https://10.0.0.2:2376', tlsVerify: true, consecutiveFailures: 1, lastError: 'x', lastErrorCode: 'TLS_ERROR', lastCheckedAt: new Date(NOW), ...over });
const cert = (role: CertificateFacts['role'], over: Partial<CertificateFacts> = {}): CertificateFacts => ({ role, subject: `CN=${role}`, issuer: 'CN=ca', notBefore: new Date(NOW - 100 * DAY), notAfter: new Date(NOW + 365 * DAY), altNames: null, ...over });
const stored = (certificates: CertificateFacts[], keyMatchesCertificate: boolean | null = true) => ({ certificates, keyMatchesCertificate, unreadable: [] });
const step = (s: Partial<ProbeStep> & Pick<ProbeStep, 'step'>): ProbeStep => ({ ok: true, detail: 'fine', ms: 1, code: null, tlsFailure: null, ...s });
/** A probe whose steps pass up to the failing one. */
const probe = (failed: Partial<ProbeStep> & Pick<ProbeStep, 'step'> | null, server: CertificateFacts | null = null): EndpointProbeResult => {
  const order: ProbeStep['step'][] = ['resolve', 'connect', 'tls', 'docker'];
  const upTo = failed ? order.indexOf(failed.step) : order.length;
  const steps = [...order.slice(0, upTo).map((s) => step({ step: s })), ...(failed ? [step({ ok: false, ...failed })] : [])];
  return { endpoint: { scheme: 'https', host: '10.0.0.2', port: 2376 }, steps, failed: steps.find((s) => !s.ok) ?? null, serverCertificate: server, probedAt: new Date(NOW) };
};
const diagnose = (facts: Partial<HostFacts>) => diagnoseHost({ host: host(), stored: stored([cert('CA'), cert('client certificate')]), probe: null, coarse: false, now: NOW, ...facts });

describe(diagnoseHost.name, () => {
  it('takes the first failing step as the cause: refused, timed out, no route, not a Docker API', () => {
    const tcp = host({ apiEndpoint: 'tcp://10.0.0.2:2375' });
    expect(diagnose({ host: tcp, probe: probe({ step: 'connect', code: 'ECONNREFUSED', detail: '10.0.0.2:2375 refused the connection (ECONNREFUSED)' }) })).toMatchObject({
      symptom: 'host stuck in pending',
      cause: expect.stringMatching(/refused the connection .*dockerd is down there, or not listening on TCP/),
      firstAction: expect.stringContaining('curl -sS --max-time 5 http://10.0.0.2:2375/_ping'),
      mutations: ['connectDockerHost'],
    });
    expect(diagnose({ host: tcp, probe: probe({ step: 'connect', code: 'ETIMEDOUT', detail: 'no answer' }) })!.cause).toMatch(/a firewall drops the connection/);
    expect(diagnose({ host: tcp, probe: probe({ step: 'connect', code: 'EHOSTUNREACH', detail: 'no route to 10.0.0.2:2375 (EHOSTUNREACH)' }) })!.cause).toMatch(/no route .*no path to the host/);
    expect(diagnose({ host: tcp, probe: probe({ step: 'docker', code: 'NOT_DOCKER_API', detail: 'answered /version with HTTP 404' }) })).toMatchObject({ cause: expect.stringMatching(/^something answers, but it is not a Docker Engine API/), mutations: ['updateDockerHost', 'connectDockerHost'] });
  });

  it('tells the TLS checks apart with the stored certificates', () => {
    const tls = (tlsFailure: ProbeStep['tlsFailure'], facts: Partial<HostFacts> = {}, server: CertificateFacts | null = null) => diagnose({ probe: probe({ step: 'tls', tlsFailure, detail: 'TLS handshake failed' }, server), ...facts })!.cause;
    expect(tls('unknown-ca')).toMatch(/unknown CA, the daemon's certificate is not signed by the stored CA \(CN=CA\)/);
    expect(tls('expired', {}, cert('server certificate', { notAfter: new Date(NOW - 2 * DAY) }))).toBe("the daemon's certificate is expired (expired on 2026-05-30T00:00:00.000Z)");
    expect(tls('not-yet-valid', {}, cert('server certificate', { notBefore: new Date(NOW + DAY) }))).toMatch(/not yet valid \(not valid before 2026-06-02.*or a clock is wrong/);
    expect(tls('name-mismatch', {}, cert('server certificate', { altNames: 'DNS:docker-1' }))).toBe("the daemon's certificate does not name 10.0.0.2: it names DNS:docker-1");
    expect(tls('key-mismatch')).toMatch(/stored key does not match the stored client certificate/);
    expect(tls('client-certificate-refused')).toMatch(/client certificate refused, the daemon does not accept the stored client certificate \(CN=client certificate, issued by CN=ca\)/);
    expect(tls('client-certificate-refused', { stored: stored([cert('CA')], null) })).toMatch(/no client certificate is stored/);
    expect(tls('client-certificate-refused', { stored: stored([cert('client certificate', { notAfter: new Date(NOW - DAY) })]) })).toMatch(/the stored client certificate expired on 2026-05-31/);
  });

  it('says "repeated error status" in ERROR, with recoverDockerHost after the fix, and how to leave ERROR once the endpoint answers', () => {
    const error = host({ status: HostStatus.ERROR, consecutiveFailures: 5 });
    expect(diagnose({ host: error, probe: probe({ step: 'tls', tlsFailure: 'unknown-ca' }) })).toMatchObject({ symptom: 'repeated error status', mutations: ['updateDockerHost', 'recoverDockerHost'] });
    expect(diagnose({ host: error, probe: probe(null) })).toMatchObject({ cause: expect.stringMatching(/answers now, but the host waits in ERROR/), mutations: ['recoverDockerHost'] });
  });

  it('tells a caller who may not see endpoint detail only the coarse cause, still with the curl line', () => {
    const d = diagnose({ coarse: true, probe: probe({ step: 'connect', code: 'ECONNREFUSED', detail: 'refused' }) })!;
    expect(d.cause).toMatch(/^could not reach a Docker API at this endpoint/);
    expect(JSON.stringify(d)).not.toMatch(/refused|TLS_ERROR|connect:/);
    expect(d.firstAction).toContain('https://10.0.0.2:2376/_ping');
  });

  it('warns about a stored certificate expiring within 30 days on a connected host, and is null otherwise', () => {
    const connected = host({ status: HostStatus.CONNECTED, consecutiveFailures: 0 });
    expect(diagnose({ host: connected })).toBeNull();
    const soon = diagnose({ host: connected, stored: stored([cert('CA'), cert('client certificate', { notAfter: new Date(NOW + 12 * DAY) })]) });
    expect(soon).toMatchObject({ symptom: 'stored TLS certificate expiring', cause: 'the stored client certificate CN=client certificate expires in 12 days (2026-06-13T00:00:00.000Z)', mutations: ['updateDockerHost'] });
    expect(diagnose({ host: host({ status: HostStatus.MAINTENANCE }) })).toBeNull();
    expect(diagnose({ host: host({ status: HostStatus.DISCONNECTED, consecutiveFailures: 0 }) })).toBeNull();
  });

  it('says so when the stored credentials do not open', () => {
    expect(diagnose({ stored: { openFailed: 'DECRYPTION_FAILED' } })).toMatchObject({ cause: 'the stored TLS credentials do not open (DECRYPTION_FAILED)', mutations: ['updateDockerHost', 'connectDockerHost'] });
  });
});

describe(curlLine.name, () => {
  it('gives the flags of each kind of endpoint', () => {
    const none = stored([]);
    expect(curlLine({ apiEndpoint: 'unix:///var/run/docker.sock', tlsVerify: true }, none)).toMatch(/^curl -sS --max-time 5 --unix-socket \/var\/run\/docker.sock http:\/\/localhost\/_ping/);
    expect(curlLine({ apiEndpoint: 'https://d:2376', tlsVerify: true }, stored([cert('CA'), cert('client certificate')]))).toMatch(/^curl -sS --max-time 5 --cacert ca.pem --cert cert.pem --key key.pem https:\/\/d:2376\/_ping/);
    expect(curlLine({ apiEndpoint: 'https://d:2376', tlsVerify: false }, none)).toMatch(/^curl -sS --max-time 5 -k https:\/\/d:2376\/_ping/);
  });
});

describe(storedTlsFacts.name, () => {
  it('reads names and dates with X509Certificate and checks that key and certificate belong together', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diag-'));
    const make = (name: string, days: number) => {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', String(days), '-subj', `/CN=${name}`, '-addext', 'subjectAltName=DNS:docker-1,IP:10.0.0.2', '-keyout', path.join(dir, `${name}.key`), '-out', path.join(dir, `${name}.pem`)], { stdio: 'ignore' });
      return { cert: readFileSync(path.join(dir, `${name}.pem`), 'utf8'), key: readFileSync(path.join(dir, `${name}.key`), 'utf8') };
    };
    const a = make('a', 10);
    const b = make('b', 400);
    const facts = storedTlsFacts({ ca: b.cert, cert: a.cert, key: a.key });
    expect(facts.keyMatchesCertificate).toBe(true);
    const client = facts.certificates.find((c) => c.role === 'client certificate')!;
    expect(client).toMatchObject({ subject: 'CN=a', issuer: 'CN=a', altNames: 'DNS:docker-1, IP Address:10.0.0.2' });
    expect(Math.round((client.notAfter.getTime() - Date.now()) / DAY)).toBe(10);
    expect(storedTlsFacts({ ca: null, cert: a.cert, key: b.key }).keyMatchesCertificate).toBe(false);
    const expiring = diagnoseHost({ host: host({ status: HostStatus.CONNECTED, consecutiveFailures: 0 }), stored: facts, probe: null, coarse: false });
    expect(expiring!.cause).toMatch(/^the stored client certificate CN=a expires in 9 days/);
  });
});
