import { randomBytes } from 'node:crypto';
import { Permission } from '../../src/auth/permissions';
import { KeyRing } from '../../src/crypto/cipher';
import { HostCredentials } from '../../src/hosts/host-credentials';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { HostManager } from '../../src/hosts/host.manager';
import { HostTopic } from '../../src/hosts/host.topics';
import { hostManagerOnFakes, principalIn, withEntityMetadata } from './fakes/hosts.fake';

const alice = principalIn('acct-a', Permission.DockerHostsManage);
const bob = principalIn('acct-b', Permission.DockerHostsManage);
const dev = { name: 'builder', apiEndpoint: 'tcp://docker:2375', environment: HostEnvironment.DEVELOPMENT, tlsVerify: false };

describe(HostManager.name, () => {
  withEntityMetadata();

  it('stores a new host PENDING, checks it, and answers CONNECTED when the daemon answers', async () => {
    const { hosts, store, checks, pubsub } = hostManagerOnFakes();
    const host = await hosts.register(alice, { ...dev, name: '  builder  ' });
    expect(host).toMatchObject({ name: 'builder', accountId: 'acct-a', status: HostStatus.CONNECTED, consecutiveFailures: 0, lastError: null, syncIntervalSeconds: 60 });
    expect(checks.checks).toEqual([{ hostId: host.id, statusThen: HostStatus.PENDING }]);
    expect(store.row(host.id)?.status).toBe(HostStatus.CONNECTED);
    expect(pubsub.of(HostTopic.Changed)).toEqual([['acct-a', expect.objectContaining({ id: host.id, status: HostStatus.PENDING })]]);
    expect(pubsub.of(HostTopic.SyncWake)).toEqual([[{ hostId: host.id, connected: true }]]);
  });

  it('keeps a host whose daemon does not answer PENDING, with the failure in lastError', async () => {
    const { hosts, checks } = hostManagerOnFakes();
    checks.down.add('tcp://nowhere:2375');
    const host = await hosts.register(alice, { ...dev, apiEndpoint: 'tcp://nowhere:2375' });
    expect(host).toMatchObject({ status: HostStatus.PENDING, consecutiveFailures: 1, lastErrorCode: 'HOST_UNREACHABLE', lastError: 'cannot reach tcp://nowhere:2375: connection refused' });
  });

  it.each([
    ['a plain tcp:// endpoint', { apiEndpoint: 'tcp://docker:2375', tlsVerify: true }, 'apiEndpoint'],
    ['tlsVerify false', { apiEndpoint: 'https://docker:2376', tlsVerify: false }, 'tlsVerify'],
  ])('refuses a PRODUCTION host with %s, naming the field, and stores nothing', async (_what, settings, field) => {
    const { hosts, store, checks } = hostManagerOnFakes();
    await expect(hosts.register(alice, { ...dev, environment: HostEnvironment.PRODUCTION, ...settings })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(store.rows.size).toBe(0);
    expect(checks.checks).toEqual([]);
  });

  it('refuses a unix:// socket unless the server allows them', async () => {
    const refused = hostManagerOnFakes();
    await expect(refused.hosts.register(alice, { ...dev, apiEndpoint: 'unix:///var/run/docker.sock' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'apiEndpoint' } });
    expect(refused.store.rows.size).toBe(0);
    const allowed = hostManagerOnFakes({ policy: { allowUnixSockets: true, coarseEndpointErrors: false } });
    await expect(allowed.hosts.register(alice, { ...dev, apiEndpoint: 'unix:///var/run/docker.sock' })).resolves.toMatchObject({ status: HostStatus.CONNECTED });
  });

  it('answers CONFLICT on the name for a taken name, also when a concurrent registration wins the race', async () => {
    const { hosts, store } = hostManagerOnFakes();
    store.add({ accountId: 'acct-a', name: 'builder' });
    await expect(hosts.register(alice, dev)).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    await expect(hosts.register(bob, dev)).resolves.toMatchObject({ accountId: 'acct-b', name: 'builder' });
    store.nameRace = true;
    await expect(hosts.register(alice, { ...dev, name: 'other' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect([...store.rows.values()].map((h) => `${h.accountId}/${h.name}`).sort()).toEqual(['acct-a/builder', 'acct-b/builder']);
  });

  it('forgets the event checkpoint and the cached client when the endpoint changes, and checks the new one', async () => {
    const { hosts, store, checks, evicted } = hostManagerOnFakes();
    const host = store.add({ accountId: 'acct-a', eventsCheckpoint: '1796000000000000000' });
    const updated = await hosts.update(alice, host.id, { apiEndpoint: 'tcp://elsewhere:2375' });
    expect(updated).toMatchObject({ apiEndpoint: 'tcp://elsewhere:2375', eventsCheckpoint: null, status: HostStatus.CONNECTED });
    expect(store.row(host.id)?.eventsCheckpoint).toBeNull();
    expect(evicted).toEqual([host.id]);
    expect(checks.checks).toEqual([{ hostId: host.id, statusThen: HostStatus.CONNECTED }]);
  });

  it('keeps the checkpoint and the client when only the name or interval changes, and wakes the sync instead of checking', async () => {
    const { hosts, store, checks, evicted, pubsub } = hostManagerOnFakes();
    const checkpoint = '1796000000000000000';
    const host = store.add({ accountId: 'acct-a', eventsCheckpoint: checkpoint });
    await hosts.update(alice, host.id, { name: 'renamed', syncIntervalSeconds: 120 });
    expect(store.row(host.id)).toMatchObject({ name: 'renamed', syncIntervalSeconds: 120, eventsCheckpoint: checkpoint });
    expect(evicted).toEqual([]);
    expect(checks.checks).toEqual([]);
    expect(pubsub.of(HostTopic.SyncWake)).toEqual([[{ hostId: host.id, connected: true }]]);
  });

  it('takes a host into maintenance (not contacted, failures cleared) and refuses connect, recover and sync until it ends', async () => {
    const { hosts, store, checks, evicted } = hostManagerOnFakes();
    const host = store.add({ accountId: 'acct-a', consecutiveFailures: 2, status: HostStatus.DISCONNECTED });
    expect(await hosts.setMaintenance(alice, host.id, true)).toMatchObject({ status: HostStatus.MAINTENANCE, consecutiveFailures: 0 });
    expect(evicted).toEqual([host.id]);
    for (const call of [() => hosts.connect(alice, host.id), () => hosts.recover(alice, host.id), () => hosts.sync(alice, host.id)]) {
      await expect(call()).rejects.toMatchObject({ code: 'CONFLICT' });
    }
    await expect(hosts.operable(alice, host.id)).rejects.toMatchObject({ code: 'HOST_UNAVAILABLE' });
    expect(checks.checks).toEqual([]);
    expect(await hosts.setMaintenance(alice, host.id, false)).toMatchObject({ status: HostStatus.CONNECTED });
    expect(checks.checks).toEqual([{ hostId: host.id, statusThen: HostStatus.PENDING }]);
  });

  it('disconnects a host so that it is not synced, and connects it again through PENDING', async () => {
    const { hosts, store, checks } = hostManagerOnFakes();
    const host = store.add({ accountId: 'acct-a' });
    expect(await hosts.disconnect(alice, host.id)).toMatchObject({ status: HostStatus.DISCONNECTED, consecutiveFailures: 0 });
    await expect(hosts.sync(alice, host.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await hosts.connect(alice, host.id)).toMatchObject({ status: HostStatus.CONNECTED });
    expect(checks.checks).toEqual([{ hostId: host.id, statusThen: HostStatus.PENDING }]);
  });

  it('moves a host to ERROR after the fifth consecutive failure, refuses a manual sync then, and recovers it with the count cleared', async () => {
    const { hosts, store, checks } = hostManagerOnFakes();
    checks.down.add('tcp://flaky:2375');
    const host = await hosts.register(alice, { ...dev, apiEndpoint: 'tcp://flaky:2375' });
    for (let i = 2; i <= 4; i++) expect(await hosts.sync(alice, host.id)).toMatchObject({ status: HostStatus.PENDING, consecutiveFailures: i });
    expect(await hosts.sync(alice, host.id)).toMatchObject({ status: HostStatus.ERROR, consecutiveFailures: 5 });
    await expect(hosts.sync(alice, host.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('recover it') });
    checks.down.clear();
    expect(await hosts.recover(alice, host.id)).toMatchObject({ status: HostStatus.CONNECTED, consecutiveFailures: 0, lastError: null, lastErrorCode: null });
    expect(checks.checks.at(-1)).toEqual({ hostId: host.id, statusThen: HostStatus.PENDING });
    expect(store.row(host.id)?.status).toBe(HostStatus.CONNECTED);
  });

  it("answers NOT_FOUND for another account's host and leaves it as it was", async () => {
    const { hosts, store, checks, evicted } = hostManagerOnFakes();
    const host = store.add({ accountId: 'acct-a', name: 'mine' });
    for (const call of [
      () => hosts.get(bob, host.id),
      () => hosts.operable(bob, host.id),
      () => hosts.update(bob, host.id, { name: 'taken-over' }),
      () => hosts.disconnect(bob, host.id),
      () => hosts.setMaintenance(bob, host.id, true),
      () => hosts.recover(bob, host.id),
      () => hosts.sync(bob, host.id),
      () => hosts.delete(bob, host.id),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await hosts.findMany(bob, [host.id])).toEqual([]);
    expect(store.row(host.id)).toMatchObject({ name: 'mine', status: HostStatus.CONNECTED });
    expect(checks.checks).toEqual([]);
    expect(evicted).toEqual([]);
  });

  it('re-seals credentials sealed under an older key, and reports a row that does not open without failing', async () => {
    const k1 = randomBytes(32);
    const sealer = (keys: Array<[string, Buffer]>, activeKeyId: string) => new HostCredentials(new KeyRing({ keys: new Map(keys), activeKeyId }));
    const before = sealer([['k1', k1]], 'k1');
    const now = sealer([['k1', k1], ['k2', randomBytes(32)]], 'k2');
    const stranger = sealer([['k1', randomBytes(32)]], 'k1');
    const { hosts, store } = hostManagerOnFakes({ credentials: now });
    const tls = { ca: 'ca-pem', cert: null, key: null };
    const readable = store.add({ accountId: 'acct-a', apiEndpoint: 'https://docker:2376' });
    const foreign = store.add({ accountId: 'acct-a', apiEndpoint: 'https://docker:2376' });
    store.row(readable.id)!.encryptedTlsCredentials = before.seal(readable, tls);
    const unopenable = (store.row(foreign.id)!.encryptedTlsCredentials = stranger.seal(foreign, tls));
    expect(await hosts.resealCredentials()).toEqual({ resealed: 1, unreadable: [foreign.id] });
    expect(store.row(readable.id)?.encryptedTlsCredentials).toMatch(/^v1\.k2\./);
    expect(now.target(store.row(readable.id)!).tls).toMatchObject(tls);
    expect(store.row(foreign.id)?.encryptedTlsCredentials).toBe(unopenable);
  });
});
