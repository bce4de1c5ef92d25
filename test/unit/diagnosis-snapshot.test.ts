import 'reflect-metadata';
import type { EndpointProbeResult } from '../../src/health/endpoint.probe';
import { HealthMonitor } from '../../src/health/health.monitor';
import type { DockerHost } from '../../src/hosts/host.entity';
import { HostStatus } from '../../src/hosts/host.enums';
import { SEALED_MARKER } from '../../src/sync/scope.entity';

/**
 * A host reaches `diagnosis` also as a subscription's snapshot, whose sealed TLS material is a marker: the monitor reads
 * the stored row again rather than telling every TLS host that its credentials do not open.
 */
describe('a diagnosis of a published host snapshot', () => {
  const stored = { id: 'h1', accountId: 'a1', name: 'tls', status: HostStatus.PENDING, apiEndpoint: 'https://10.0.0.2:2376', tlsVerify: true, consecutiveFailures: 1, lastError: 'x', lastErrorCode: 'HOST_UNREACHABLE', lastCheckedAt: new Date(), encryptedTlsCredentials: 'v1:ciphertext' } as unknown as DockerHost;
  const probed: EndpointProbeResult = {
    endpoint: { scheme: 'https', host: '10.0.0.2', port: 2376 },
    steps: [{ step: 'resolve', ok: true, detail: 'an address', ms: 0, code: null, tlsFailure: null }, { step: 'connect', ok: false, detail: '10.0.0.2:2376 refused the connection (ECONNREFUSED)', ms: 1, code: 'ECONNREFUSED', tlsFailure: null }],
    failed: { step: 'connect', ok: false, detail: '10.0.0.2:2376 refused the connection (ECONNREFUSED)', ms: 1, code: 'ECONNREFUSED', tlsFailure: null },
    serverCertificate: null,
    probedAt: new Date(),
  };

  const monitor = (reads: Array<{ id: string; accountId: string }>, opened: string[]) =>
    new HealthMonitor({
      orm: { em: { fork: () => ({ findOneOrFail: async (_entity: unknown, where: { id: string; accountId: string }) => (reads.push(where), stored) }) } },
      inventory: {},
      // Opens only the real ciphertext, as the key ring would.
      credentials: {
        target: (host: DockerHost) => {
          opened.push(host.encryptedTlsCredentials ?? 'none');
          if (host.encryptedTlsCredentials !== stored.encryptedTlsCredentials) throw new Error('DECRYPTION_FAILED');
          return { hostId: host.id, apiEndpoint: host.apiEndpoint, tlsVerify: host.tlsVerify, tls: undefined, fingerprint: 'f' };
        },
      },
      probe: { probe: async () => probed },
      coarseEndpointErrors: false,
      logger: { info: () => undefined },
    } as never);

  it('reads the row again (in the same account) and diagnoses the endpoint, not the marker', async () => {
    const reads: Array<{ id: string; accountId: string }> = [];
    const opened: string[] = [];
    const diagnosis = await monitor(reads, opened).diagnose(null, { ...stored, encryptedTlsCredentials: SEALED_MARKER } as DockerHost);
    expect(reads).toEqual([{ id: 'h1', accountId: 'a1' }]);
    expect(opened).toEqual(['v1:ciphertext']);
    expect(diagnosis?.cause).toMatch(/refused the connection/);
    expect(diagnosis?.cause).not.toMatch(/do not open/);
  });

  it('diagnoses a stored row as it is, without reading it again', async () => {
    const reads: Array<{ id: string; accountId: string }> = [];
    const opened: string[] = [];
    expect((await monitor(reads, opened).diagnose(null, stored))?.cause).toMatch(/refused the connection/);
    expect(reads).toEqual([]);
  });
});
