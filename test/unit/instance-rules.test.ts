import 'reflect-metadata';
import { choosePlacement } from '../../src/instances/instance.placement';
import { REDACTED, redactOutput, secretValues } from '../../src/instances/instance.output';
import { UsageMeter } from '../../src/instances/instance.usage';
import { vaultPolicyAllowed } from '../../src/instances/template.rules';
import type { PlacementCandidate } from '../../src/instances/instance.repository';

const host = (name: string, over: Partial<PlacementCandidate> = {}): PlacementCandidate => ({
  id: `id-${name}`,
  name,
  facts: { environment: 'production', os: 'linux', osType: 'linux', architecture: 'x86_64', name },
  cpuMillicores: 2000,
  memoryMb: 4096,
  reservedCpuMillicores: 0,
  reservedMemoryMb: 0,
  ...over,
});

describe(choosePlacement.name, () => {
  it('chooses the fitting host with the most free memory and says why', () => {
    const placed = choosePlacement([host('a', { reservedMemoryMb: 3000 }), host('b', { reservedMemoryMb: 1000 }), host('c', { cpuMillicores: 100 })], { cpuMillicores: 500, memoryMb: 512, labels: {} });
    expect(placed.hostId).toBe('id-b');
    expect(placed.reason).toBe('placed on b: 2 of 3 connected hosts had room for 500 millicores and 512 MB; it had the most free memory (3096 MB, 2000 millicores)');
  });

  it('passes over hosts whose facts do not hold every label', () => {
    const placed = choosePlacement([host('prod'), host('stage', { facts: { environment: 'staging', name: 'stage' } })], { cpuMillicores: 1, memoryMb: 1, labels: { environment: 'staging' } });
    expect(placed.hostId).toBe('id-stage');
  });

  it('answers HOST_UNAVAILABLE naming why each host was passed over', () => {
    expect(() => choosePlacement([host('full', { reservedMemoryMb: 4000 }), host('stage', { facts: { environment: 'staging' }, reservedCpuMillicores: 1950 })], { cpuMillicores: 100, memoryMb: 256, labels: { environment: 'staging' } })).toThrow(
      expect.objectContaining({ code: 'HOST_UNAVAILABLE', message: expect.stringMatching(/full: environment is "production", not "staging"; stage: 50 millicores and 4096 MB free/) }),
    );
    expect(() => choosePlacement([], { cpuMillicores: 1, memoryMb: 1, labels: {} })).toThrow(/no CONNECTED host/);
  });
});

describe(redactOutput.name, () => {
  it('replaces every secret value, longest first, and Vault token shapes it never saw', () => {
    const secrets = secretValues({ tokens: ['hvs.wrapping-token-0123456789'], env: ['A=pass-1234', 'B=pass-1234-long', 'SHORT=on'], vaultSecrets: [{ password: 'kv-value', n: 3 }] });
    expect(secrets.sort()).toEqual(['hvs.wrapping-token-0123456789', 'kv-value', 'pass-1234', 'pass-1234-long']);
    const out = redactOutput('a=pass-1234 b=pass-1234-long kv=kv-value on token=hvs.CAESIJq8vZ0123456789abcdef old=s.abcdefghijklmnopqrstuvwx', secrets, 1000);
    expect(out).toEqual({ text: `a=${REDACTED} b=${REDACTED} kv=${REDACTED} on token=${REDACTED} old=${REDACTED}`, truncated: false });
  });

  it('cuts at the byte cap after redacting, never inside a character', () => {
    expect(redactOutput('secret-value€€€', ['secret-value'], 12)).toEqual({ text: `${REDACTED}`, truncated: true });
    expect(redactOutput('ab€', [], 3)).toEqual({ text: 'ab', truncated: true });
  });

  it('drops the beginning of a secret that output cut before it arrived ends with', () => {
    expect(redactOutput('line\nsecret-val', ['secret-value'], 1000, { cutBefore: true }).text).toBe('line\n');
    expect(redactOutput('line\nsecret-val', ['secret-value'], 1000).text).toBe('line\nsecret-val');
  });
});

describe(UsageMeter.name, () => {
  const frame = (memoryMb: number, cpuPercent: number, rx: number, tx: number) => ({ cpuPercent, memoryBytes: memoryMb * 1024 * 1024, memoryLimitBytes: 1024 * 1024 * 1024, processes: 1, networkRxBytes: rx, networkTxBytes: tx, blockReadBytes: 0, blockWriteBytes: 0, at: new Date(1000) });

  it('keeps the last and the peak, and network totals that a stopped container\'s zero frame does not reset', () => {
    const meter = new UsageMeter();
    meter.add(frame(10, 0, 100, 50));
    meter.add(frame(30, 25, 500, 80));
    meter.add(frame(20, 5, 0, 0));
    meter.storage(4096);
    expect(meter.value).toEqual({ memoryUsedMb: 20, peakMemoryUsedMb: 30, cpuUsedMillicores: 50, peakCpuUsedMillicores: 250, storageUsedBytes: 4096, networkBytesIn: 500, networkBytesOut: 80, samples: 3, sampledAt: new Date(1000) });
  });

  it('continues from what a previous driver stored', () => {
    const meter = new UsageMeter({ memoryUsedMb: 5, peakMemoryUsedMb: 99, cpuUsedMillicores: 1, peakCpuUsedMillicores: 900, storageUsedBytes: 0, networkBytesIn: 7, networkBytesOut: 7, samples: 10, sampledAt: null });
    meter.add(frame(6, 10, 8, 8));
    expect(meter.value).toMatchObject({ memoryUsedMb: 6, peakMemoryUsedMb: 99, peakCpuUsedMillicores: 900, samples: 11 });
  });
});

describe(vaultPolicyAllowed.name, () => {
  it('keeps an account to the policies the pattern gives it', () => {
    expect(vaultPolicyAllowed('fleet-{accountId}-*', 'acct.1', 'fleet-acct.1-db-read')).toBe(true);
    expect(vaultPolicyAllowed('fleet-{accountId}-*', 'acct.1', 'fleet-acct.2-db-read')).toBe(false);
    // The account id is text, not a pattern: "acct.1" does not match "acctX1".
    expect(vaultPolicyAllowed('fleet-{accountId}-*', 'acct.1', 'fleet-acctX1-db')).toBe(false);
    expect(vaultPolicyAllowed('fleet-{accountId}-*', 'a', 'fleet-a-x/../root')).toBe(false);
    expect(vaultPolicyAllowed('job-*', 'any', 'job-read')).toBe(true);
  });
});
