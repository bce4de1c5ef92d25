import { Channel } from '../../src/common/channel';
import type { Principal } from '../../src/auth/principal';
import { DeploymentDriver, type DeploymentDriverDeps } from '../../src/deployments/deployment.driver';
import { Deployment, DeploymentStatus, DeploymentStrategyKind, type DeploymentServiceRevision } from '../../src/deployments/deployment.entity';
import { DeploymentStep, DeploymentStepKind } from '../../src/deployments/deployment-step.entity';
import type { DeploymentPatch, DeploymentRepository, NewStep } from '../../src/deployments/deployment.repository';
import type { ApplyStackInput, RolloutTools, WatchEnd } from '../../src/deployments/rollout';
import { RollingStrategy } from '../../src/deployments/strategies/rolling.strategy';
import type { DeploymentStrategy, StrategyContext, StrategyOutcome } from '../../src/deployments/strategies/strategy';
import type { Logger } from '../../src/log/logger';
import type { PubSub } from '../../src/pubsub/pubsub';

const principal: Principal = { userId: 'u', accountId: 'acct', permissions: new Set() as never, expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null };
const service = (name: string, fields: Partial<DeploymentServiceRevision> = {}): DeploymentServiceRevision => ({ name, dockerId: `id-${name}`, image: 'web:v2', digest: null, specVersion: 10, spec: { Name: name }, outcome: 'UPDATING', message: null, ...fields });

const deploymentOf = (fields: Partial<Deployment>): Deployment =>
  Object.assign(new Deployment(), {
    accountId: 'acct', clusterId: 'c1', target: 'stack:app', stack: 'app', revision: 2, status: DeploymentStatus.IN_PROGRESS, strategy: DeploymentStrategyKind.ROLLING,
    compose: 'services: {web: {image: web:v2}}', actorId: 'u', startedAt: new Date(Date.now() - 60_000), services: [service('app_web')], ...fields,
  });

const previousGood = deploymentOf({ revision: 1, status: DeploymentStatus.SUCCEEDED, compose: 'services: {web: {image: web:v1}}', services: [service('app_web', { image: 'web:v1', spec: { Name: 'app_web', image: 'v1' } })] });

/** Tools that apply nothing for real: every call recorded, `watch` ends as told. */
class FakeTools {
  applied: ApplyStackInput[] = [];
  watched: Array<{ names: readonly string[]; deadlineAt: Date; since: Date }> = [];
  ends: WatchEnd[] = [{ end: 'converged' }];
  async applyStack(input: ApplyStackInput) {
    this.applied.push(input);
    return { changes: [{ kind: 'SERVICE', name: 'app_web', action: 'UPDATED' }], engineWarnings: [], operationId: 'op' } as never;
  }
  async readBack() {
    return { services: [service('app_web', { specVersion: 11 })], digests: {} };
  }
  async watch(_c: StrategyContext, names: readonly string[], options: { deadlineAt: Date; since: Date }) {
    this.watched.push({ names, deadlineAt: options.deadlineAt, since: options.since });
    return this.ends.shift() ?? { end: 'converged' };
  }
}

/** A context whose writes land on the deployment object, as the driver's fenced writes do. */
function contextFor(deployment: Deployment, tools: FakeTools, previous: Deployment | null = previousGood) {
  const steps: NewStep[] = [];
  const write = async (patch: DeploymentPatch, more: NewStep[]) => {
    Object.assign(deployment, patch);
    steps.push(...more);
  };
  const context: StrategyContext = {
    deployment, cluster: {} as never, target: {} as never, principal, tools: tools as unknown as RolloutTools, previousGood: previous,
    applied: () => undefined, signal: new AbortController().signal,
    save: (update, ...more) => write(update, more), step: (...more) => write({}, more),
    pause: async () => undefined, resume: async () => undefined, requested: async () => null, tick: async () => undefined,
  };
  return { context, steps };
}

describe(`${RollingStrategy.name} resumed by another instance`, () => {
  const strategy = new RollingStrategy();

  it('resumes at the stored monitor phase: watches from the stored start and deadline, applies nothing again', async () => {
    const since = new Date(Date.now() - 30_000);
    const deadlineAt = new Date(Date.now() + 60_000);
    const deployment = deploymentOf({ deadlineAt, state: { phase: 'monitor', since: since.toISOString() } });
    const tools = new FakeTools();
    const { context, steps } = contextFor(deployment, tools);
    const outcome = await strategy.run(context);
    expect(outcome.status).toBe(DeploymentStatus.SUCCEEDED);
    expect(tools.applied).toHaveLength(0);
    expect(tools.watched).toEqual([{ names: ['app_web'], deadlineAt, since }]);
    expect(steps.some((s) => /^applying/.test(s.message))).toBe(false);
    expect(deployment.services[0]).toMatchObject({ outcome: 'CONVERGED', specVersion: 11 });
  });

  it('resumed at the monitor phase past its deadline, restores the previous good revision whole (the watch reports the deadline)', async () => {
    const deployment = deploymentOf({ deadlineAt: new Date(Date.now() - 1000), state: { phase: 'monitor', since: new Date().toISOString() } });
    const tools = new FakeTools();
    tools.ends = [{ end: 'deadline', message: 'not converged by the progress deadline (app_web 0/2)' }, { end: 'converged' }];
    const { context, steps } = contextFor(deployment, tools);
    const outcome = await strategy.run(context);
    expect(outcome).toEqual({ status: DeploymentStatus.ROLLED_BACK, reason: 'not converged by the progress deadline (app_web 0/2); the stack is back on revision 1' });
    expect(tools.applied.map((a) => a.compose)).toEqual([previousGood.compose]);
    expect(tools.applied[0]!.specs).toEqual({ app_web: { Name: 'app_web', image: 'v1' } });
    expect(steps.map((s) => s.message)).toContain('restoring the whole stack to revision 1: not converged by the progress deadline (app_web 0/2)');
  });

  it('resumed before its apply phase was stored, with the deadline passed, does not apply the revision: the stack goes back whole', async () => {
    const deployment = deploymentOf({ deadlineAt: new Date(Date.now() - 1000), state: {} });
    const tools = new FakeTools();
    const { context, steps } = contextFor(deployment, tools);
    const outcome = await strategy.run(context);
    expect(outcome.status).toBe(DeploymentStatus.ROLLED_BACK);
    expect(outcome.reason).toMatch(/^the progress deadline passed before the revision was applied/);
    expect(tools.applied.map((a) => a.compose)).toEqual([previousGood.compose]); // the restore only
    expect(steps.some((s) => /^applying revision/.test(s.message))).toBe(false);
    expect(deployment.state.phase).toBe('restore');
  });

  it('the same without a good revision to return to is FAILED and applies nothing', async () => {
    const deployment = deploymentOf({ deadlineAt: new Date(Date.now() - 1000), state: {} });
    const tools = new FakeTools();
    const { context } = contextFor(deployment, tools, null);
    const outcome = await strategy.run(context);
    expect(outcome.status).toBe(DeploymentStatus.FAILED);
    expect(outcome.reason).toMatch(/nothing to return to/);
    expect(tools.applied).toHaveLength(0);
  });

  it('resumed before its apply phase was stored, within the deadline, applies the revision (a stack deploy is idempotent)', async () => {
    const deployment = deploymentOf({ deadlineAt: new Date(Date.now() + 60_000), state: {} });
    const tools = new FakeTools();
    const { context } = contextFor(deployment, tools);
    expect((await strategy.run(context)).status).toBe(DeploymentStatus.SUCCEEDED);
    expect(tools.applied.map((a) => a.compose)).toEqual([deployment.compose]);
    expect(deployment.state.phase).toBe('monitor');
  });

  it('resumed in its restore phase, restores again rather than re-applying the failed revision', async () => {
    const deployment = deploymentOf({ deadlineAt: new Date(Date.now() - 1000), state: { phase: 'restore', restoreWhy: 'Swarm paused the update of app_web' } });
    const tools = new FakeTools();
    const { context } = contextFor(deployment, tools);
    const outcome = await strategy.run(context);
    expect(outcome).toEqual({ status: DeploymentStatus.ROLLED_BACK, reason: 'Swarm paused the update of app_web; the stack is back on revision 1' });
    expect(tools.applied.map((a) => a.compose)).toEqual([previousGood.compose]);
  });
});

/** The ledger in memory, with the lease fence of the real write: a write by a non-holder stores nothing. */
class FakeRepository {
  rows = new Map<string, Deployment>();
  writes: Array<{ owner: string | null; patch: DeploymentPatch; steps: NewStep[] }> = [];
  async write(id: string, owner: string | null, patch: DeploymentPatch, steps: NewStep[]) {
    const row = this.rows.get(id)!;
    if (owner !== null && row.leaseOwner !== owner) return null;
    this.writes.push({ owner, patch, steps });
    Object.assign(row, patch);
    const stored = steps.map((s) => Object.assign(new DeploymentStep(), { deploymentId: id, accountId: row.accountId, seq: ++row.stepCount, status: row.status, ...s }));
    return { deployment: Object.assign(new Deployment(), row), steps: stored };
  }
  async find(id: string) { return this.rows.get(id) ?? null; }
  async lastSucceeded() { return previousGood; }
  async promoteQueued() { return null; }
  async release() {}
}

describe(`${DeploymentDriver.name} taking a deployment over`, () => {
  const logger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined } as unknown as Logger;
  const published: unknown[] = [];
  const pubsub = { publish: (...args: unknown[]) => published.push(args), subscribe: () => new Channel() } as unknown as PubSub;

  const driverWith = (repository: FakeRepository, run: (context: StrategyContext) => Promise<StrategyOutcome>, routes?: DeploymentDriverDeps['routes']) => {
    const strategy: DeploymentStrategy = { kind: DeploymentStrategyKind.ROLLING, validate: () => undefined, run };
    const deps: DeploymentDriverDeps = {
      repository: repository as unknown as DeploymentRepository, clusters: { operable: async () => ({ cluster: {} as never, target: {} as never }) } as never,
      tools: {} as RolloutTools, strategies: new Map([[DeploymentStrategyKind.ROLLING, strategy]]), pubsub, logger, instanceId: 'b', defaultDeadlineSeconds: 600, routes,
    };
    return new DeploymentDriver(deps);
  };

  it('records "resumed by instance … at phase …" and keeps its start and deadline, then settles and gives the lease back', async () => {
    const deadlineAt = new Date(Date.now() + 30_000);
    const startedAt = new Date(Date.now() - 10_000);
    const row = deploymentOf({ id: 'd1', leaseOwner: 'b', stepCount: 4, deadlineAt, startedAt, state: { phase: 'monitor' } });
    const repository = new FakeRepository();
    repository.rows.set('d1', row);
    let seenPrevious: Deployment | null = null;
    const driver = driverWith(repository, async (context) => {
      seenPrevious = context.previousGood;
      return { status: DeploymentStatus.SUCCEEDED };
    });
    const ended = await driver.start(Object.assign(new Deployment(), row)).done;
    expect(ended?.status).toBe(DeploymentStatus.SUCCEEDED);
    expect(repository.writes[0]).toEqual({ owner: 'b', patch: {}, steps: [{ kind: DeploymentStepKind.STATUS, message: 'resumed by instance b at phase monitor' }] });
    expect(row).toMatchObject({ startedAt, deadlineAt, leaseOwner: null, leaseUntil: null, stepCount: 6 });
    expect(seenPrevious).toBe(previousGood);
  });

  it('writes the route changes of the settled stack as steps just before its final status', async () => {
    const row = deploymentOf({ id: 'd3', leaseOwner: 'b', state: { phase: 'monitor' } });
    const repository = new FakeRepository();
    repository.rows.set('d3', row);
    const traffic: NewStep = { kind: DeploymentStepKind.TRAFFIC, service: 'app_web', message: 'empty route filled from the running tasks (router port 8081): 1 server(s)' };
    const asked: string[] = [];
    const driver = driverWith(repository, async () => ({ status: DeploymentStatus.SUCCEEDED }), {
      refreshQuietly: async (_principal, _target, clusterId, stack) => {
        asked.push(`${clusterId}/${stack}`);
        return [traffic];
      },
    });
    await driver.start(Object.assign(new Deployment(), row)).done;
    expect(asked).toEqual(['c1/app']);
    expect(repository.writes.at(-1)!.steps).toEqual([traffic, { kind: DeploymentStepKind.STATUS, message: 'SUCCEEDED' }]);
  });

  it('stops without another write once its lease was taken by another instance (no settle, no restore)', async () => {
    const row = deploymentOf({ id: 'd2', leaseOwner: 'b', state: { phase: 'monitor' } });
    const repository = new FakeRepository();
    repository.rows.set('d2', row);
    const driver = driverWith(repository, async (context) => {
      row.leaseOwner = 'c'; // the lease lapsed and c took it
      await context.step({ kind: DeploymentStepKind.REPLICAS, message: 'app_web: 1/3' });
      return { status: DeploymentStatus.FAILED, reason: 'must not be written' };
    });
    expect(await driver.start(Object.assign(new Deployment(), row)).done).toBeNull();
    expect(repository.writes).toHaveLength(1); // the resume step only
    expect(row.status).toBe(DeploymentStatus.IN_PROGRESS);
    expect(row.leaseOwner).toBe('c');
  });
});
