import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permissions';
import { DomainError, ErrorCode } from '../../src/common/errors';
import { AccountQuotaDocument, SetAccountQuotaDocument } from '../generated/graphql';
import { TestServer, codeOf } from '../support/harness';

const RUN = { cpuMillicores: 100, memoryMb: 64, storageMb: 10 };

describe('account quotas (the seed QuotaService)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.close());

  const accountWith = async (limits: Record<string, number | null>) => {
    const accountId = `quota-${randomUUID()}`;
    const token = await server.token({ accountId });
    await server.ok(SetAccountQuotaDocument, { input: limits }, token);
    return { accountId, token };
  };

  it('admits exactly 5 of 20 concurrent runs against a quota of 5, answering QUOTA_EXCEEDED naming the limit, the use and the request', async () => {
    const { accountId, token } = await accountWith({ concurrentInstances: 5 });
    const holders = Array.from({ length: 20 }, () => randomUUID());
    const outcomes = await Promise.allSettled(holders.map((holder) => server.app.services.quotas.admit(accountId, holder, RUN)));
    const admitted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as DomainError] : []));
    expect(admitted).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const error of refused) {
      expect(error.code).toBe(ErrorCode.QUOTA_EXCEEDED);
      expect(error.message).toBe('quota concurrentInstances exceeded: limit 5, in use 5, requested 1');
      expect(error.details).toMatchObject({ limit: 'concurrentInstances', max: 5, use: 5, requested: 1 });
    }
    const during = (await server.ok(AccountQuotaDocument, {}, token)).accountQuota;
    expect(during.use).toEqual({ concurrentInstances: 5, cpuMillicores: 500, memoryMb: 320, storageMb: 50 });

    // Released at the terminal state; a second release (the reconciler after it) changes nothing.
    const releases = await Promise.all(holders.map((holder) => server.app.services.quotas.release(holder)));
    expect(releases.filter(Boolean)).toHaveLength(5);
    expect(await server.app.services.quotas.release(holders[0]!)).toBe(false);
    expect((await server.ok(AccountQuotaDocument, {}, token)).accountQuota.use).toEqual({ concurrentInstances: 0, cpuMillicores: 0, memoryMb: 0, storageMb: 0 });
  });

  it('holds every resource limit, and a released run makes room again', async () => {
    const { accountId } = await accountWith({ cpuMillicores: 250, memoryMb: null });
    await server.app.services.quotas.admit(accountId, randomUUID(), RUN);
    const second = randomUUID();
    await server.app.services.quotas.admit(accountId, second, RUN);
    await expect(server.app.services.quotas.admit(accountId, randomUUID(), RUN)).rejects.toMatchObject({ code: ErrorCode.QUOTA_EXCEEDED, message: 'quota cpuMillicores exceeded: limit 250, in use 200, requested 100' });
    await server.app.services.quotas.release(second);
    await expect(server.app.services.quotas.admit(accountId, randomUUID(), RUN)).resolves.toMatchObject({ accountId, cpuMillicores: 100 });
  });

  it('keeps accounts apart: one account at its limit does not stop another, nor see its use', async () => {
    const full = await accountWith({ concurrentInstances: 1 });
    const other = await accountWith({ concurrentInstances: 1 });
    await server.app.services.quotas.admit(full.accountId, randomUUID(), RUN);
    await expect(server.app.services.quotas.admit(other.accountId, randomUUID(), RUN)).resolves.toBeDefined();
    const seen = (await server.ok(AccountQuotaDocument, {}, other.token)).accountQuota;
    expect(seen).toMatchObject({ accountId: other.accountId, concurrentInstances: 1, use: { concurrentInstances: 1, cpuMillicores: 100 } });
  });

  it('needs accounts.quotas.manage to set limits, and refuses a negative limit naming the field with nothing stored', async () => {
    const accountId = `quota-${randomUUID()}`;
    const reader = await server.token({ accountId, permissions: [Permission.DockerHostsManage] });
    const denied = await server.request(SetAccountQuotaDocument, { input: { concurrentInstances: 3 } }, reader);
    expect(codeOf(denied)).toBe('FORBIDDEN');
    const admin = await server.token({ accountId });
    const bad = await server.request(SetAccountQuotaDocument, { input: { concurrentInstances: 3, memoryMb: -1 } }, admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.field).toBe('memoryMb');
    const unchanged = (await server.ok(AccountQuotaDocument, {}, reader)).accountQuota;
    expect(unchanged).toMatchObject({ concurrentInstances: null, memoryMb: null, use: { concurrentInstances: 0 } });
    const set = (await server.ok(SetAccountQuotaDocument, { input: { concurrentInstances: 3 } }, admin)).setAccountQuota;
    expect(set).toMatchObject({ accountId, concurrentInstances: 3, cpuMillicores: null });
  });

  it('charges a holder once while open (CONFLICT naming holderId), and again after its release (a retried run)', async () => {
    const { accountId } = await accountWith({ concurrentInstances: 5 });
    const holder = randomUUID();
    await server.app.services.quotas.admit(accountId, holder, RUN);
    await expect(server.app.services.quotas.admit(accountId, holder, RUN)).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: { field: 'holderId' } });
    await server.app.services.quotas.release(holder);
    await expect(server.app.services.quotas.admit(accountId, holder, RUN)).resolves.toMatchObject({ holderId: holder });
  });

  it('refuses a request that is not a whole non-negative number before touching the database', async () => {
    await expect(server.app.services.quotas.admit('any', randomUUID(), { ...RUN, memoryMb: 1.5 })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field: 'memoryMb' } });
  });
});
