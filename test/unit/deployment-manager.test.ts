import { effectivePermissions, Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { DomainError } from '../../src/common/errors';
import { Deployment, DeploymentSource, DeploymentStatus, DeploymentStrategyKind } from '../../src/deployments/deployment.entity';
import { DeploymentManager, type DeploymentManagerDeps } from '../../src/deployments/deployment.manager';
import { RollingStrategy } from '../../src/deployments/strategies/rolling.strategy';
import { createLocalPubSub } from '../../src/pubsub/pubsub';

const ACCOUNT = 'acct-1';
const CLUSTER = '00000000-0000-4000-8000-000000000001';
const principal: Principal = { userId: 'user-1', accountId: ACCOUNT, permissions: effectivePermissions([Permission.SwarmClustersManage]), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null };

/** The ledger of one stack in memory: the repository methods the manager's rules use, as the SQL would answer them. */
class FakeLedger {
  rows: Deployment[] = [];

  add(revision: number, status: DeploymentStatus, reproducesRevision: number | null = null): Deployment {
    const row = Object.assign(new Deployment(), { id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`, accountId: ACCOUNT, clusterId: CLUSTER, target: 'stack:app', stack: 'app', revision, status, reproducesRevision, compose: 'services:\n  web:\n    image: web:v1\n', actorId: 'user-1', createdAt: new Date(1_000 * revision) });
    this.rows.push(row);
    return row;
  }

  async insertRevision(d: Deployment) {
    d.revision = Math.max(0, ...this.rows.map((r) => r.revision)) + 1;
    this.rows.push(d);
    return d;
  }
  async lastSucceeded(_c: string, _t: string, before?: number) {
    return [...this.rows].filter((r) => r.status === DeploymentStatus.SUCCEEDED && (before === undefined || r.revision < before)).sort((a, b) => b.revision - a.revision)[0] ?? null;
  }
  async findRevision(accountId: string, _c: string, _t: string, revision: number) {
    return this.rows.find((r) => r.accountId === accountId && r.revision === revision) ?? null;
  }
  async findInAccount(accountId: string, id: string) {
    return this.rows.find((r) => r.accountId === accountId && r.id === id) ?? null;
  }
  async release() {}
  async write(id: string, _owner: string | null, patch: Partial<Deployment>) {
    const row = this.rows.find((r) => r.id === id)!;
    Object.assign(row, patch);
    return { deployment: row, steps: [] };
  }
}

function manager(ledger: FakeLedger) {
  const started: Deployment[] = [];
  const deps = {
    repository: ledger,
    driver: { start: (d: Deployment) => (started.push(d), { applied: Promise.resolve({ changes: [], engineWarnings: [], operationId: null }), done: Promise.resolve(d) }) },
    clusters: { get: async (_p: Principal, id: string) => ({ id, accountId: ACCOUNT }) },
    stacks: { get: async () => ({ clusterId: CLUSTER, name: 'app', services: [] }), operation: async () => null },
    strategies: new Map([[DeploymentStrategyKind.ROLLING, new RollingStrategy()]]),
    pubsub: createLocalPubSub(),
    instanceId: 'test',
    leaseSeconds: 15,
  } as unknown as DeploymentManagerDeps;
  return { manager: new DeploymentManager(deps), started };
}

describe(DeploymentManager.name, () => {
  it('rolls back by default to the newest success older than what runs, so a second rollback goes further back instead of flip-flopping', async () => {
    const ledger = new FakeLedger();
    ledger.add(1, DeploymentStatus.SUCCEEDED);
    ledger.add(2, DeploymentStatus.SUCCEEDED);
    ledger.add(3, DeploymentStatus.FAILED);
    ledger.add(4, DeploymentStatus.SUCCEEDED);
    const { manager: m, started } = manager(ledger);
    const first = (await m.rollbackStack(principal, CLUSTER, 'app')).deployment;
    expect(first).toMatchObject({ revision: 5, source: DeploymentSource.ROLLBACK, reproducesRevision: 2 });
    first.status = DeploymentStatus.SUCCEEDED;
    const second = (await m.rollbackStack(principal, CLUSTER, 'app')).deployment;
    expect(second).toMatchObject({ revision: 6, reproducesRevision: 1 }); // not 4 again
    second.status = DeploymentStatus.SUCCEEDED;
    await expect(m.rollbackStack(principal, CLUSTER, 'app')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(started.map((d) => d.revision)).toEqual([5, 6]);
  });

  it('rolls back to the revision asked for, every time, carrying its specs; an unknown revision is BAD_USER_INPUT naming toRevision', async () => {
    const ledger = new FakeLedger();
    const r1 = ledger.add(1, DeploymentStatus.SUCCEEDED);
    r1.services = [{ name: 'app_web', spec: { Name: 'app_web', TaskTemplate: { ContainerSpec: { Image: 'web:v1@sha256:aa' } } } }];
    ledger.add(2, DeploymentStatus.SUCCEEDED);
    const { manager: m } = manager(ledger);
    for (const expected of [3, 4]) {
      const d = (await m.rollbackStack(principal, CLUSTER, 'app', 1)).deployment;
      expect(d).toMatchObject({ revision: expected, reproduces: r1.id, reproducesRevision: 1, compose: r1.compose, previousRevision: expected === 3 ? 2 : 2 });
      expect(d.state.specs).toEqual({ app_web: r1.services[0]!.spec });
    }
    const refused = await m.rollbackStack(principal, CLUSTER, 'app', 9).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'toRevision' } });
  });

  it('refuses bad rolling knobs before recording anything, naming the field', async () => {
    const ledger = new FakeLedger();
    const { manager: m } = manager(ledger);
    await expect(m.deployStack(principal, CLUSTER, { name: 'app', compose: 'services:\n  web:\n    image: web:v1\n', options: { order: 'sideways' } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'rolling.order' } });
    await expect(m.deployStack(principal, CLUSTER, { name: 'app', compose: 'services: [', options: {} })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(ledger.rows).toEqual([]);
  });

  it('asks the driver to promote or abort only a running deployment, and never a rolling one to promote', async () => {
    const ledger = new FakeLedger();
    const done = ledger.add(1, DeploymentStatus.SUCCEEDED);
    const running = ledger.add(2, DeploymentStatus.IN_PROGRESS);
    const { manager: m } = manager(ledger);
    await expect(m.request(principal, done.id, 'ABORT')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(m.request(principal, running.id, 'PROMOTE')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await m.request(principal, running.id, 'ABORT')).requested).toBe('ABORT');
    await expect(m.request({ ...principal, accountId: 'other' }, running.id, 'ABORT')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
