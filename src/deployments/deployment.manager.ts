import type { Principal } from '../auth/principal';
import { Channel } from '../common/channel';
import { DomainError, ErrorCode, InputError, NotFoundError } from '../common/errors';
import type { PubSub } from '../pubsub/pubsub';
import type { Page, PageArgs } from '../db/pagination';
import { parseStack } from '../stacks/compose';
import type { DeployStackInput, DeployStackResult, StackManager } from '../stacks/stack.manager';
import type { ClusterManager } from '../swarm/cluster.manager';
import { Deployment, DeploymentSource, DeploymentStatus, DeploymentStrategyKind, isActive, isSettled } from './deployment.entity';
import type { DeploymentStep } from './deployment-step.entity';
import type { DeploymentDriver } from './deployment.driver';
import { stackTarget, type DeploymentFilter, type DeploymentRepository } from './deployment.repository';
import { DeploymentTopic, published } from './deployment.topics';
import type { DeploymentStrategy } from './strategies/strategy';

export interface DeployOptionsInput {
  strategy?: DeploymentStrategyKind | null;
  /** The strategy's options (rolling knobs, blue/green and canary settings). */
  options?: Record<string, unknown> | null;
  description?: string | null;
}

export interface DeploymentManagerDeps {
  repository: DeploymentRepository;
  driver: Pick<DeploymentDriver, 'start'>;
  clusters: Pick<ClusterManager, 'get'>;
  stacks: Pick<StackManager, 'get' | 'operation'>;
  strategies: ReadonlyMap<DeploymentStrategyKind, DeploymentStrategy>;
  pubsub: PubSub;
  instanceId: string;
  leaseSeconds: number;
}

/**
 * The seed's SwarmDeployment: the revision ledger and the entry to every rollout. A deploy is recorded as the next
 * revision of its stack before anything is written, driven by this instance (its lease) through its strategy, and
 * answered once its first writes are done; the rollout goes on, resumable by any instance, until it settles.
 */
export class DeploymentManager {
  constructor(private readonly deps: DeploymentManagerDeps) {}

  async deployStack(principal: Principal, clusterId: string, input: DeployStackInput & DeployOptionsInput): Promise<DeployStackResult & { deployment: Deployment }> {
    const variables = Object.fromEntries((input.variables ?? []).map((v) => [v.name, v.value]));
    // Refused input consumes no revision: the file is checked first (the StackManager checks it again, the same way).
    const { plan } = parseStack({ name: input.name, compose: input.compose, variables });
    return this.begin(principal, clusterId, {
      stack: plan.namespace,
      compose: input.compose,
      variables,
      source: DeploymentSource.API,
      strategy: input.strategy ?? DeploymentStrategyKind.ROLLING,
      options: input.options ?? {},
      description: input.description ?? null,
      services: plan.services.map((s) => s.spec.Name),
      resolveImage: input.resolveImage ?? null,
      prune: Boolean(input.prune),
    });
  }

  /** The seed's POST …/deployments/:id/redeploy: that revision's specs and digests, exactly, as a new revision. */
  async redeploy(principal: Principal, id: string, input: DeployOptionsInput = {}): Promise<DeployStackResult & { deployment: Deployment }> {
    const source = await this.get(principal, id);
    return this.reproduce(principal, source, DeploymentSource.REDEPLOY, input, `redeploy of revision ${source.revision}`);
  }

  /**
   * The whole stack back to a revision. Without one: the newest revision that succeeded and is older than what runs
   * now (by the revision it reproduces), so a second rollback goes further back instead of flip-flopping.
   */
  async rollbackStack(principal: Principal, clusterId: string, name: string, toRevision?: number | null): Promise<DeployStackResult & { deployment: Deployment }> {
    const cluster = await this.deps.clusters.get(principal, clusterId);
    const target = stackTarget(name);
    let source: Deployment | null;
    if (toRevision != null) {
      source = await this.deps.repository.findRevision(principal.accountId, cluster.id, target, toRevision);
      if (!source) throw new InputError('toRevision', `names no revision of stack ${name} (revisions count from 1)`);
      if (source.status !== DeploymentStatus.SUCCEEDED) throw new InputError('toRevision', `revision ${toRevision} ended ${source.status}: a stack is rolled back to a revision that succeeded (redeployDeployment tries any revision again)`);
    } else {
      const live = await this.deps.repository.lastSucceeded(cluster.id, target);
      if (!live) throw new NotFoundError('SwarmStack revision', name);
      const origin = live.reproducesRevision ?? live.revision;
      source = await this.deps.repository.lastSucceeded(cluster.id, target, origin);
      while (source && (source.reproducesRevision ?? source.revision) >= origin) source = await this.deps.repository.lastSucceeded(cluster.id, target, source.revision);
      if (!source) throw new DomainError(ErrorCode.CONFLICT, `stack ${name} has no revision older than ${origin} that succeeded: nothing to roll back to`, { field: 'toRevision' });
    }
    return this.reproduce(principal, source, DeploymentSource.ROLLBACK, {}, `rollback to revision ${source.revision}`);
  }

  async get(principal: Principal, id: string): Promise<Deployment> {
    const deployment = await this.deps.repository.findInAccount(principal.accountId, id);
    if (!deployment) throw new NotFoundError('Deployment', id);
    return deployment;
  }

  /** The latest revision of each stack of a cluster of the account (absent when none was recorded). */
  async latest(principal: Principal, clusterId: string, stacks: readonly string[]): Promise<Map<string, Deployment>> {
    const rows = await this.deps.repository.revisions(clusterId, stacks.map(stackTarget));
    return new Map([...rows.values()].filter((d) => d.accountId === principal.accountId && d.stack).map((d) => [d.stack!, d]));
  }

  async list(principal: Principal, filter: DeploymentFilter, args: PageArgs): Promise<Page<Deployment>> {
    if (filter.clusterId) await this.deps.clusters.get(principal, filter.clusterId);
    return this.deps.repository.page(principal.accountId, filter, args);
  }

  /** Asks the instance driving it to promote (end a pause, switch traffic now) or abort (restore the stable revision). */
  async request(principal: Principal, id: string, action: 'PROMOTE' | 'ABORT'): Promise<Deployment> {
    const deployment = await this.get(principal, id);
    if (!isActive(deployment.status)) throw new DomainError(ErrorCode.CONFLICT, `deployment ${id} is ${deployment.status}: only a running deployment can be ${action === 'PROMOTE' ? 'promoted' : 'aborted'}`, { field: 'id' });
    if (deployment.requested === 'SUPERSEDE') throw new DomainError(ErrorCode.CONFLICT, `deployment ${id} is being superseded by a newer revision of its stack`, { field: 'id' });
    if (action === 'PROMOTE' && deployment.strategy === DeploymentStrategyKind.ROLLING) throw new DomainError(ErrorCode.CONFLICT, 'a rolling deployment has no promotion step (promote is for blue/green and canary)', { field: 'id' });
    const written = await this.deps.repository.write(id, null, { requested: action }, []);
    this.deps.pubsub.publish(DeploymentTopic.Wake, { deploymentId: id });
    return written?.deployment ?? deployment;
  }

  /**
   * Every step after `after` (the cursor a client last saw), then each new one as it is recorded, ending after the
   * final status. Subscribed before the stored steps are read: a step recorded meanwhile comes once, by its seq.
   */
  async progress(principal: Principal, id: string, after = 0): Promise<AsyncIterableIterator<DeploymentStep>> {
    const live = this.deps.pubsub.subscribe(DeploymentTopic.Step, id);
    let deployment: Deployment;
    let stored: DeploymentStep[];
    try {
      deployment = await this.get(principal, id);
      stored = await this.deps.repository.steps(principal.accountId, id, after);
    } catch (error) {
      await live.return();
      throw error;
    }
    const repository = this.deps.repository;
    return (async function* () {
      let last = after;
      try {
        for (const step of stored) {
          last = step.seq;
          yield step;
          if (step.kind === 'STATUS' && isSettled(step.status)) return;
        }
        if (isSettled(deployment.status) && last >= deployment.stepCount) return;
        for await (const message of live) {
          const step = { ...message, at: new Date(message.at) } as DeploymentStep;
          if (step.seq <= last) continue;
          // A gap (a message dropped by a stalled client's buffer): the stored steps fill it.
          if (step.seq > last + 1) {
            for (const missed of await repository.steps(principal.accountId, id, last)) {
              if (missed.seq >= step.seq) break;
              yield missed;
            }
          }
          last = step.seq;
          yield step;
          if (step.kind === 'STATUS' && isSettled(step.status)) return;
        }
      } finally {
        await live.return();
      }
    })();
  }

  /** Deployments of the account as they change (optionally one cluster's, one stack's). */
  changes(principal: Principal, filter: { clusterId?: string | null; stack?: string | null }): Channel<Deployment> {
    const channel = this.deps.pubsub.subscribe(DeploymentTopic.Changed, principal.accountId);
    const out = new Channel<Deployment>(1000);
    void (async () => {
      for await (const d of channel) {
        if (filter.clusterId && d.clusterId !== filter.clusterId) continue;
        if (filter.stack && d.stack !== filter.stack) continue;
        out.push(d);
      }
    })();
    out.onClose = () => void channel.return();
    return out;
  }

  private async reproduce(principal: Principal, source: Deployment, kind: DeploymentSource, input: DeployOptionsInput, description: string) {
    if (!source.stack) throw new DomainError(ErrorCode.CONFLICT, `deployment ${source.id} is not a stack revision: only stack revisions are redeployed whole`, { field: 'id' });
    // A stack served by blue/green through a router alternates colors: going back is another blue/green switch, or
    // the router would keep pointing at tasks a rolling update removed.
    const live = input.strategy ? null : await this.deps.repository.lastSucceeded(source.clusterId, stackTarget(source.stack));
    const followed = live?.strategy === DeploymentStrategyKind.BLUE_GREEN ? { strategy: live.strategy, options: live.options } : null;
    const specs = Object.fromEntries(source.services.filter((s) => s.spec).map((s) => [s.name, s.spec!]));
    return this.begin(principal, source.clusterId, {
      stack: source.stack,
      compose: source.compose ?? null,
      variables: source.variables ?? {},
      source: kind,
      strategy: input.strategy ?? followed?.strategy ?? DeploymentStrategyKind.ROLLING,
      options: input.options ?? followed?.options ?? {},
      description: input.description ?? description,
      services: source.services.map((s) => s.name),
      reproduces: source,
      specs,
      resolveImage: null,
    });
  }

  private async begin(
    principal: Principal,
    clusterId: string,
    what: { stack: string; compose: string | null; variables: Record<string, string>; source: DeploymentSource; strategy: DeploymentStrategyKind; options: Record<string, unknown>; description: string | null; services: string[]; reproduces?: Deployment; specs?: Record<string, unknown>; resolveImage: string | null; prune?: boolean },
  ): Promise<DeployStackResult & { deployment: Deployment }> {
    const cluster = await this.deps.clusters.get(principal, clusterId);
    const strategy = this.deps.strategies.get(what.strategy);
    if (!strategy) throw new InputError('strategy', `${what.strategy} is not available`);
    strategy.validate(what.options, { services: what.services });
    const target = stackTarget(what.stack);
    const previous = await this.deps.repository.lastSucceeded(cluster.id, target);
    const deployment = Object.assign(new Deployment(), {
      accountId: principal.accountId,
      clusterId: cluster.id,
      target,
      stack: what.stack,
      strategy: what.strategy,
      options: what.options,
      source: what.source,
      compose: what.compose,
      variables: what.variables,
      description: what.description,
      reproduces: what.reproduces?.id ?? null,
      reproducesRevision: what.reproduces?.revision ?? null,
      previousRevision: previous?.revision ?? null,
      actorId: principal.userId,
      actor: { userId: principal.userId, permissions: [...principal.permissions] },
      state: { ...(what.specs ? { specs: what.specs } : {}), ...(what.resolveImage ? { resolveImage: what.resolveImage } : {}), ...(what.prune ? { prune: true } : {}) },
      leaseOwner: this.deps.instanceId,
      leaseUntil: new Date(Date.now() + this.deps.leaseSeconds * 1000),
    });
    await this.deps.repository.insertRevision(deployment);
    this.deps.pubsub.publish(DeploymentTopic.Changed, deployment.accountId, published(deployment));
    if (deployment.status === DeploymentStatus.QUEUED) {
      await this.deps.repository.release(this.deps.instanceId, [deployment.id]);
      const stack = await this.deps.stacks.get(principal, cluster.id, what.stack).catch(() => null);
      return { stack: stack!, warnings: [], changes: [], engineWarnings: [], operation: null as never, deployment };
    }
    const run = this.deps.driver.start(deployment);
    const applied = await run.applied;
    if (!applied) {
      const ended = (await run.done) ?? deployment;
      const error = ended.state.error as { code: ErrorCode; message: string; details: Record<string, unknown> } | undefined;
      if (error) throw new DomainError(error.code, error.message, { ...error.details, deploymentId: ended.id });
      if (ended.status === DeploymentStatus.FAILED) throw new DomainError(ErrorCode.CONFLICT, `deployment revision ${ended.revision} failed: ${ended.reason}`, { deploymentId: ended.id });
    }
    const stack = await this.deps.stacks.get(principal, cluster.id, what.stack);
    const operation = applied?.operationId ? await this.deps.stacks.operation(principal, applied.operationId) : null;
    const { warnings } = what.compose ? parseStack({ name: what.stack, compose: what.compose, variables: what.variables }) : { warnings: [] };
    return { stack, warnings, changes: applied?.changes ?? [], engineWarnings: applied?.engineWarnings ?? [], operation: operation as never, deployment };
  }
}
