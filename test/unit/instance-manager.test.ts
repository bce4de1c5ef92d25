import { randomBytes } from 'node:crypto';
import { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { DomainError, ErrorCode, ForbiddenError } from '../../src/common/errors';
import { KeyRing } from '../../src/crypto/cipher';
import { ContainerInstance, InstanceStatus, ViolationKind } from '../../src/instances/instance.entity';
import { InstanceManager, type InstanceManagerDeps } from '../../src/instances/instance.manager';
import { createLocalPubSub } from '../../src/pubsub/pubsub';
import { ContainerTemplate } from '../../src/instances/template.entity';

const principal: Principal = { userId: 'u', accountId: 'acct', permissions: new Set([Permission.DockerHostsManage]), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null };
const HOST = '11111111-1111-4111-8111-111111111111';
const spec = (over: Record<string, unknown> = {}) => ({ name: 'job', container: { image: 'fleet/busybox', command: ['true'], env: ['TOKEN=template-secret', 'KEEP=1'] }, ...over });

/** Hand-written fakes: rows in a map, a quota that admits up to `limit`, a policy that refuses on demand. */
function fixture(options: { refuse?: boolean; quotaLimit?: number; insertFails?: boolean } = {}) {
  const rows = new Map<string, ContainerInstance>();
  const charges = new Set<string>();
  const started: ContainerInstance[] = [];
  const keyRing = new KeyRing({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1' });
  const deps: InstanceManagerDeps = {
    repository: {
      insert: async (instance) => {
        if (options.insertFails) throw new Error('database down');
        rows.set(instance.id, instance);
      },
      get: async (_account, id) => rows.get(id) ?? null,
      page: async () => ({ nodes: [...rows.values()], totalCount: rows.size, hasNextPage: false, cursorOf: (n) => n.id }),
      requestCancel: async () => true,
      placementCandidates: async () => [],
    },
    templates: { get: async () => Object.assign(new ContainerTemplate(), {}), environment: () => [] },
    hosts: { operable: async () => ({ host: { id: HOST }, target: { hostId: HOST } }) as never },
    policy: {
      enforce: async () => {
        if (options.refuse) throw new ForbiddenError('privileged: reaches the host', 'privileged');
      },
    },
    quotas: {
      admit: async (_account, holder) => {
        if (charges.size >= (options.quotaLimit ?? 10)) throw new DomainError(ErrorCode.QUOTA_EXCEEDED, 'quota concurrentInstances exceeded');
        charges.add(holder);
        return {} as never;
      },
      release: async (holder) => charges.delete(holder),
    },
    keyRing,
    runner: { start: (instance) => void started.push(instance) },
    cleanup: { revoke: async () => true },
    pubsub: createLocalPubSub(),
    owner: 'me',
    leaseSeconds: 10,
    probeVault: async () => 'answers',
    vaultPolicyPattern: 'fleet-{accountId}-*',
  };
  return { manager: new InstanceManager(deps), rows, charges, started };
}

describe(InstanceManager.name, () => {
  it('admits a run: charged, stored PENDING under its lease with its environment sealed (the run\'s values replace the template\'s), handed to the runner', async () => {
    const { manager, rows, charges, started } = fixture();
    const run = await manager.run(principal, { spec: spec(), hostId: HOST, env: ['TOKEN=run-secret', 'EXTRA=x'] });
    expect(run).toMatchObject({ status: InstanceStatus.PENDING, hostId: HOST, placementReason: 'hostId given', leaseOwner: 'me', envNames: ['KEEP', 'TOKEN', 'EXTRA'] });
    expect(run.sealedEnv).not.toContain('run-secret');
    expect(manager.environment(run)).toEqual(['KEEP=1', 'TOKEN=run-secret', 'EXTRA=x']);
    expect([...charges]).toEqual([run.id]);
    expect(rows.get(run.id)).toBe(run);
    // The runner drives a copy: the answer stays the run as admitted.
    expect(started.map((s) => s.id)).toEqual([run.id]);
    expect(started[0]).not.toBe(run);
  });

  it('refuses ambiguous input naming the field, before anything is charged', async () => {
    const { manager, charges } = fixture();
    await expect(manager.run(principal, { hostId: HOST })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'templateId' } });
    await expect(manager.run(principal, { spec: spec(), hostId: HOST, placement: { labels: {} } })).rejects.toMatchObject({ details: { field: 'placement' } });
    await expect(manager.run(principal, { spec: spec(), hostId: HOST, env: ['OK=1', 'not an entry'] })).rejects.toMatchObject({ details: { field: 'env[1]' } });
    await expect(manager.run(principal, { spec: spec({ timeoutSeconds: 0 }), hostId: HOST })).rejects.toMatchObject({ details: { field: 'spec.timeoutSeconds' } });
    expect(charges.size).toBe(0);
  });

  it('stores nothing and starts nothing when the quota refuses', async () => {
    const { manager, rows, started } = fixture({ quotaLimit: 0 });
    await expect(manager.run(principal, { spec: spec(), hostId: HOST })).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect([rows.size, started.length]).toEqual([0, 0]);
  });

  it('keeps a policy refusal as a FAILED run with its violation, uncharged, and names it in the error', async () => {
    const { manager, rows, charges, started } = fixture({ refuse: true });
    const error = await manager.run(principal, { spec: spec(), hostId: HOST }).catch((e: DomainError) => e);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    const refused = rows.get((error as DomainError).details.instanceId as string)!;
    expect(refused).toMatchObject({ status: InstanceStatus.FAILED, errorCode: 'FORBIDDEN', leaseOwner: undefined });
    expect(refused.violations.map((v) => v.kind)).toEqual([ViolationKind.POLICY_REFUSED]);
    expect([charges.size, started.length]).toEqual([0, 0]);
  });

  it('releases the charge when the run cannot be stored', async () => {
    const { manager, charges } = fixture({ insertFails: true });
    await expect(manager.run(principal, { spec: spec(), hostId: HOST })).rejects.toThrow('database down');
    expect(charges.size).toBe(0);
  });

  it('retries only an ended run and cancels only an active one', async () => {
    const { manager, rows } = fixture();
    const run = await manager.run(principal, { spec: spec(), hostId: HOST });
    await expect(manager.retry(principal, run.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    rows.get(run.id)!.status = InstanceStatus.FAILED;
    await expect(manager.cancel(principal, run.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const again = await manager.retry(principal, run.id);
    expect(again).toMatchObject({ retryOf: run.id, status: InstanceStatus.PENDING });
    expect(manager.environment(again)).toEqual(manager.environment(run));
  });
});
