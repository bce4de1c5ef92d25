import { effectivePermissions } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { DomainError, ErrorCode } from '../common/errors';
import { databaseErrorSummary } from '../db/db-errors';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import type { ClusterManager } from '../swarm/cluster.manager';
import { Deployment, DeploymentStatus, isSettled, type DeploymentStrategyKind } from './deployment.entity';
import { DeploymentStepKind } from './deployment-step.entity';
import type { DeploymentPatch, DeploymentRepository, NewStep } from './deployment.repository';
import { DeploymentTopic, published } from './deployment.topics';
import type { RolloutTools } from './rollout';
import { liveFingerprint } from './deployment.recorder';
import type { HostTarget } from '../docker/docker.types';
import { LeaseLost, type DeploymentStrategy, type StrategyContext } from './strategies/strategy';
import type { RouteRefresher } from './route.refresh';
import { ChangeWaker } from './change.waker';

export type Applied = Parameters<StrategyContext['applied']>[0];

export interface DeploymentDriverDeps {
  repository: DeploymentRepository;
  clusters: Pick<ClusterManager, 'operable'>;
  tools: RolloutTools;
  strategies: ReadonlyMap<DeploymentStrategyKind, DeploymentStrategy>;
  pubsub: PubSub;
  logger: Logger;
  instanceId: string;
  /** A rollout's progress deadline when its options give none. */
  defaultDeadlineSeconds: number;
  /** Routes of the stack pointed at the tasks that run once a deployment ends (a rolling update replaced them). */
  routes?: Pick<RouteRefresher, 'refreshQuietly'>;
}

/**
 * Drives the deployments whose lease this instance holds, each through its strategy, writing every phase and step
 * fenced by the lease: an instance that lost a deployment (its lease lapsed and another took it) stops without
 * another write, and the new holder resumes from the stored state.
 */
export class DeploymentDriver {
  private readonly driving = new Map<string, { controller: AbortController; done: Promise<Deployment | null> }>();

  constructor(private readonly deps: DeploymentDriverDeps) {}

  get ids(): string[] {
    return [...this.driving.keys()];
  }

  /** Starts driving; `applied` resolves once the strategy's first writes are done (or the run ended without them). */
  start(deployment: Deployment): { applied: Promise<Applied | null>; done: Promise<Deployment | null> } {
    const existing = this.driving.get(deployment.id);
    if (existing) return { applied: existing.done.then(() => null), done: existing.done };
    const controller = new AbortController();
    let resolveApplied!: (value: Applied | null) => void;
    const applied = new Promise<Applied | null>((resolve) => (resolveApplied = resolve));
    const done = this.drive(deployment, controller, resolveApplied)
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error, deploymentId: deployment.id }, 'deployment driver crashed');
        return null;
      })
      .finally(() => {
        this.driving.delete(deployment.id);
        resolveApplied(null);
      });
    this.driving.set(deployment.id, { controller, done });
    return { applied, done };
  }

  /** The lease of these is gone: their runs stop at their next write or poll. */
  lost(ids: Iterable<string>): void {
    for (const id of ids) this.driving.get(id)?.controller.abort();
  }

  async close(): Promise<void> {
    for (const run of this.driving.values()) run.controller.abort();
    const ids = this.ids;
    await Promise.allSettled([...this.driving.values()].map((r) => r.done));
    await this.deps.repository.release(this.deps.instanceId, ids).catch(() => undefined);
  }

  private async drive(deployment: Deployment, controller: AbortController, applied: (value: Applied | null) => void): Promise<Deployment | null> {
    const { repository, instanceId } = this.deps;
    const strategy = this.deps.strategies.get(deployment.strategy)!;
    const write = async (patch: DeploymentPatch, steps: NewStep[]) => {
      if (controller.signal.aborted) throw new LeaseLost(deployment.id);
      const written = await repository.write(deployment.id, instanceId, patch, steps);
      if (!written) throw new LeaseLost(deployment.id);
      const statusChanged = written.deployment.status !== deployment.status || written.deployment.reason !== deployment.reason;
      Object.assign(deployment, written.deployment);
      for (const step of written.steps) this.deps.pubsub.publish(DeploymentTopic.Step, deployment.id, step);
      if (statusChanged || patch.services) this.deps.pubsub.publish(DeploymentTopic.Changed, deployment.accountId, published(deployment));
    };
    const principal: Principal = { userId: deployment.actorId, accountId: deployment.accountId, permissions: effectivePermissions(deployment.actor?.permissions ?? []), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null };
    let target: HostTarget | undefined;
    // A stack's rollout is watched by polling the swarm; its services' events cut a poll short (see ChangeWaker).
    const changes = deployment.stack ? new ChangeWaker(this.deps.pubsub, { accountId: deployment.accountId, clusterId: deployment.clusterId, prefix: `${deployment.stack}_` }) : null;
    try {
      if (deployment.requested === 'SUPERSEDE' || (deployment.requested === 'ABORT' && deployment.status === DeploymentStatus.PENDING)) {
        const why = deployment.requested === 'ABORT' ? 'aborted by a user before it started' : 'superseded by a newer revision of the stack before it started';
        await this.settle(deployment, DeploymentStatus.CANCELLED, why, write);
        return deployment;
      }
      if (deployment.status === DeploymentStatus.PENDING) {
        const seconds = Number(deployment.options.progressDeadlineSeconds) || this.deps.defaultDeadlineSeconds;
        await write({ status: DeploymentStatus.IN_PROGRESS, startedAt: new Date(), deadlineAt: new Date(Date.now() + seconds * 1000) }, [{ kind: DeploymentStepKind.STATUS, message: `revision ${deployment.revision} started (${deployment.strategy.toLowerCase().replace('_', '/')})` }]);
      } else {
        await write({}, [{ kind: DeploymentStepKind.STATUS, message: `resumed by instance ${instanceId} at phase ${String(deployment.state.phase ?? 'apply')}` }]);
      }
      const operable = await this.deps.clusters.operable(principal, deployment.clusterId);
      const cluster = operable.cluster;
      target = operable.target;
      const previousGood = await repository.lastSucceeded(deployment.clusterId, deployment.target, deployment.revision);
      const context: StrategyContext = {
        deployment,
        cluster,
        target,
        principal,
        tools: this.deps.tools,
        previousGood,
        applied,
        signal: controller.signal,
        save: (update, ...steps) => write(update, steps),
        step: (...steps) => write({}, steps),
        pause: (reason) => write({ status: DeploymentStatus.PAUSED, reason }, [{ kind: DeploymentStepKind.STATUS, message: `paused: ${reason}` }]),
        resume: (reason) => write({ status: DeploymentStatus.IN_PROGRESS, reason: null, requested: null }, [{ kind: DeploymentStepKind.STATUS, message: reason }]),
        requested: async () => {
          const row = await repository.find(deployment.id);
          const asked = row?.requested?.toLowerCase();
          return asked === 'promote' || asked === 'abort' || asked === 'supersede' ? asked : null;
        },
        tick: (ms) => pause(ms, controller.signal),
        ...(changes ? { untilChanged: (ms: number) => changes.wait(ms, controller.signal) } : {}),
      };
      const outcome = await strategy.run(context);
      await this.settle(deployment, outcome.status, outcome.reason ?? null, write, target, principal);
    } catch (error) {
      if (error instanceof LeaseLost || controller.signal.aborted) return null;
      if (error instanceof DomainError) (deployment.state as Record<string, unknown>).error = { code: error.code, message: error.message, details: error.details };
      // The swarm or the database did not answer for a moment: the run stops here without settling, its lease lapses,
      // and an instance resumes it from the stored phase (past its deadline, that is the restore) — until well after
      // the deadline, when it is given up as FAILED.
      const giveUpAt = (deployment.deadlineAt?.getTime() ?? Date.now()) + GIVE_UP_AFTER_DEADLINE_MS;
      if (isTransient(error) && Date.now() < giveUpAt) {
        this.deps.logger.warn({ err: error, deploymentId: deployment.id, phase: deployment.state.phase ?? null }, 'deployment interrupted; it resumes once its lease lapses');
        return deployment;
      }
      const reason = error instanceof DomainError ? `${error.code}: ${error.message}` : `an unexpected error (${error instanceof Error ? error.message : String(error)})`;
      if (!(error instanceof DomainError)) this.deps.logger.error({ err: error, deploymentId: deployment.id }, 'deployment failed unexpectedly');
      await this.settle(deployment, DeploymentStatus.FAILED, reason, write, target, principal).catch((settleError: unknown) => this.deps.logger.error({ err: settleError, deploymentId: deployment.id }, 'a failed deployment could not be recorded as FAILED; it resumes once its lease lapses'));
      applied(null);
    } finally {
      changes?.close();
    }
    return deployment;
  }

  private async settle(deployment: Deployment, status: DeploymentStatus, reason: string | null, write: (patch: DeploymentPatch, steps: NewStep[]) => Promise<void>, target?: HostTarget, principal?: Principal): Promise<void> {
    if (isSettled(deployment.status)) return;
    // Before the final status: whoever sees it settled finds the stack's routers on the tasks that run.
    // What changed on a router is told in the same write as the final status.
    const routed = target && principal && deployment.stack ? ((await this.deps.routes?.refreshQuietly(principal, target, deployment.clusterId, deployment.stack)) ?? []) : [];
    // What the stack runs as this revision ends: a later change outside this API is told apart from it (the recorder).
    const back = target && deployment.stack ? await Promise.resolve().then(() => this.deps.tools.readBack(target, deployment.stack!)).catch(() => null) : null;
    const state = back ? { ...deployment.state, live: liveFingerprint(back.services) } : deployment.state;
    await write({ status, reason, state, finishedAt: new Date(), requested: null, leaseOwner: null, leaseUntil: null }, [...routed, { kind: DeploymentStepKind.STATUS, message: `${status}${reason ? `: ${reason}` : ''}` }]);
    const next = await this.deps.repository.promoteQueued(deployment.clusterId, deployment.target);
    if (next) {
      this.deps.pubsub.publish(DeploymentTopic.Changed, next.accountId, published(next));
      this.deps.pubsub.publish(DeploymentTopic.Wake, { deploymentId: next.id });
    }
  }
}

/** How long past its deadline a deployment interrupted by outages is still resumed before it is given up. */
const GIVE_UP_AFTER_DEADLINE_MS = 10 * 60_000;

const TRANSIENT = new Set<string>([ErrorCode.HOST_UNAVAILABLE, ErrorCode.HOST_UNREACHABLE, ErrorCode.HOST_TIMEOUT, ErrorCode.QUORUM_LOST, ErrorCode.SYNC_WRITE_FAILED]);

/** An outage, not a verdict: the swarm's managers or the database did not answer (a bug would be a TypeError: not retried). */
function isTransient(error: unknown): boolean {
  if (error instanceof DomainError) return TRANSIENT.has(error.code);
  return databaseErrorSummary(error) !== null;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
