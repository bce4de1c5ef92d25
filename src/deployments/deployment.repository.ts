import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { isId } from '../common/ids';
import { LeaseTable } from '../db/leases';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import type { PubSub } from '../pubsub/pubsub';
import type { SwarmEvent } from '../swarm/swarm-event.entity';
import { plainSnapshot } from '../db/plain-rows';
import { SwarmTopic } from '../swarm/swarm.topics';
import { ACTIVE_STATUSES, Deployment, DeploymentStatus, DeploymentStrategyKind } from './deployment.entity';
import { DeploymentStep, type DeploymentStepKind } from './deployment-step.entity';
import { transitionEvent } from './deployment.events';

/** The ledger's key of a stack's revisions. */
export const stackTarget = (name: string): string => `stack:${name}`;

export interface DeploymentFilter {
  clusterId?: string | null;
  stack?: string | null;
  service?: string | null;
  status?: DeploymentStatus | null;
}

export interface NewStep {
  kind: DeploymentStepKind;
  message: string;
  service?: string | null;
  data?: Record<string, unknown> | null;
}

/** What a fenced write changes: only while `owner` still holds the deployment's lease. */
export type DeploymentPatch = Partial<Pick<Deployment, 'status' | 'reason' | 'services' | 'digests' | 'state' | 'startedAt' | 'finishedAt' | 'deadlineAt' | 'previousRevision' | 'requested' | 'leaseOwner' | 'leaseUntil'>>;

/**
 * The deployments' SQL. Revisions are numbered per target under a lock of the target's last row (one number each, no
 * gaps from failed inserts: the insert is in the same transaction). Steps are appended with the next seq of their
 * deployment, counted on the deployment row itself, so a cursor never skips or repeats. Every status transition is
 * also an event of the cluster's log, in the same transaction, published once it committed.
 */
export class DeploymentRepository {
  private readonly leases: LeaseTable<Deployment>;

  constructor(
    private readonly orm: MikroORM,
    private readonly pubsub?: Pick<PubSub, 'publish'>,
  ) {
    this.leases = new LeaseTable(orm, { entity: Deployment, table: 'deployments', active: `status in (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`, order: 'created_at' });
  }

  /** Inserts a new revision of its target; QUEUED when another deployment of the target is still active. */
  async insertRevision(deployment: Deployment, options: { onlyAfter?: number } = {}): Promise<Deployment | null> {
    const events: SwarmEvent[] = [];
    const inserted = await this.orm.em.fork().transactional(async (tx) => {
      // One writer per target at a time: the advisory lock is keyed by the target (held until commit).
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`deployment:${deployment.clusterId}:${deployment.target}`]);
      const [last] = await tx.find(Deployment, { clusterId: deployment.clusterId, target: deployment.target }, { orderBy: { revision: 'desc' }, limit: 1 });
      // A change found by the sync is recorded once: another instance (or the API) recorded a revision meanwhile.
      if (options.onlyAfter !== undefined && (last?.revision ?? 0) !== options.onlyAfter) return null;
      deployment.revision = (last?.revision ?? 0) + 1;
      // A new revision supersedes rolling updates still being watched (as a second docker stack deploy does); it waits
      // behind a blue/green or canary rollout, which must end (promoted or restored) before anything else is deployed.
      const active = await tx.find(Deployment, { clusterId: deployment.clusterId, target: deployment.target, status: { $in: [...ACTIVE_STATUSES] } });
      // A rolling one still writing (applying, restoring) is waited for too: two stack deploys never run at once.
      const watching = (d: Deployment) => d.strategy === DeploymentStrategyKind.ROLLING && d.state.phase === 'monitor';
      if (active.some((d) => !watching(d))) deployment.status = DeploymentStatus.QUEUED;
      else for (const d of active) d.requested = 'SUPERSEDE';
      tx.persist(deployment);
      events.push(this.transition(tx, deployment, null, deployment.leaseOwner ?? null));
      return deployment;
    });
    this.published(events);
    return inserted;
  }

  find(id: string): Promise<Deployment | null> {
    return isId(id) ? this.orm.em.fork().findOne(Deployment, { id }) : Promise.resolve(null);
  }

  findInAccount(accountId: string, id: string): Promise<Deployment | null> {
    return isId(id) ? this.orm.em.fork().findOne(Deployment, { id, accountId }) : Promise.resolve(null);
  }

  findRevision(accountId: string, clusterId: string, target: string, revision: number): Promise<Deployment | null> {
    return this.orm.em.fork().findOne(Deployment, { accountId, clusterId, target, revision });
  }

  /** The newest revision of the target that ended SUCCEEDED (below `before` when given). */
  async lastSucceeded(clusterId: string, target: string, before?: number): Promise<Deployment | null> {
    const where = { clusterId, target, status: DeploymentStatus.SUCCEEDED, ...(before ? { revision: { $lt: before } } : {}) };
    const [row] = await this.orm.em.fork().find(Deployment, where, { orderBy: { revision: 'desc' }, limit: 1 });
    return row ?? null;
  }

  async latest(clusterId: string, target: string): Promise<Deployment | null> {
    const [row] = await this.orm.em.fork().find(Deployment, { clusterId, target }, { orderBy: { revision: 'desc' }, limit: 1 });
    return row ?? null;
  }

  /** Newest first, keyset-paged on (createdAt, id). */
  page(accountId: string, filter: DeploymentFilter, args: PageArgs): Promise<Page<Deployment>> {
    const where: Record<string, unknown> = { accountId };
    if (filter.clusterId) where.clusterId = filter.clusterId;
    if (filter.stack) where.stack = filter.stack;
    if (filter.status) where.status = filter.status;
    // A service's deployments: its own, and its stack's revisions (<stack>_<key>; the stack is the name before "_").
    if (filter.service) where.$or = [{ service: filter.service }, ...(filter.service.includes('_') ? [{ target: stackTarget(filter.service.slice(0, filter.service.indexOf('_'))) }] : [])];
    return findPage(this.orm.em.fork(), Deployment, { where, sortKey: 'createdAt', sortType: 'date', direction: 'desc', args });
  }

  /** The latest revision of each given target of a cluster. */
  async revisions(clusterId: string, targets: readonly string[]): Promise<Map<string, Deployment>> {
    if (targets.length === 0) return new Map();
    const em = this.orm.em.fork();
    // One row per target (its newest), not each stack's whole history.
    const rows: Array<Record<string, unknown>> = await em.getConnection().execute(
      `select distinct on (target) * from deployments where cluster_id = ? and target in (${targets.map(() => '?').join(', ')}) order by target, revision desc`,
      [clusterId, ...targets],
    );
    return new Map(rows.map((row) => em.map(Deployment, row)).map((d) => [d.target, d]));
  }

  /** Takes the lease of active deployments that have none or whose lease lapsed (their instance died). */
  claim(owner: string, leaseSeconds: number, limit: number): Promise<Deployment[]> {
    return this.leases.claim(owner, leaseSeconds, limit);
  }

  /** Renews the leases `owner` holds; returns the ids it still holds (a lease it lost is gone from the answer). */
  renew(owner: string, ids: readonly string[], leaseSeconds: number): Promise<Set<string>> {
    return this.leases.renew(owner, ids, leaseSeconds);
  }

  /** Gives leases back (shutdown), so another instance resumes at once instead of after the lease. */
  release(owner: string, ids: readonly string[]): Promise<void> {
    return this.leases.release(owner, ids);
  }

  /** Targets whose oldest QUEUED deployment has nothing active ahead of it (its predecessor's instance died settling). */
  async stalledQueues(): Promise<Array<{ clusterId: string; target: string }>> {
    const rows: Array<{ cluster_id: string; target: string }> = await this.orm.em.fork().getConnection().execute(
      `select distinct q.cluster_id, q.target from deployments q where q.status = 'QUEUED'
         and not exists (select 1 from deployments a where a.cluster_id = q.cluster_id and a.target = q.target and a.status in (?, ?, ?))`,
      [...ACTIVE_STATUSES],
    );
    return rows.map((r) => ({ clusterId: r.cluster_id, target: r.target }));
  }

  /** The oldest QUEUED deployment of a target once none of it is active: made PENDING. */
  async promoteQueued(clusterId: string, target: string): Promise<Deployment | null> {
    const events: SwarmEvent[] = [];
    const promoted = await this.orm.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`deployment:${clusterId}:${target}`]);
      const active = await tx.count(Deployment, { clusterId, target, status: { $in: [...ACTIVE_STATUSES] } });
      if (active > 0) return null;
      const [next] = await tx.find(Deployment, { clusterId, target, status: DeploymentStatus.QUEUED }, { orderBy: { revision: 'asc' }, limit: 1 });
      if (!next) return null;
      next.status = DeploymentStatus.PENDING;
      events.push(this.transition(tx, next, DeploymentStatus.QUEUED, null));
      return next;
    });
    this.published(events);
    return promoted;
  }

  /**
   * Applies `patch` and appends `steps` in one transaction, only while `owner` holds the lease (null: the caller is
   * not a driver, e.g. recording a deployment that settled in the request). Returns the row and the steps stored, or
   * null when the lease is someone else's (this instance must stop driving it).
   */
  async write(id: string, owner: string | null, patch: DeploymentPatch, steps: NewStep[]): Promise<{ deployment: Deployment; steps: DeploymentStep[] } | null> {
    const events: SwarmEvent[] = [];
    const written = await this.orm.em.fork().transactional(async (tx) => {
      const deployment = await tx.findOne(Deployment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!deployment) return null;
      if (owner !== null && deployment.leaseOwner !== owner) return null;
      const from = deployment.status;
      Object.assign(deployment, patch);
      const stored = steps.map((step) => this.step(tx, deployment, step));
      if (deployment.status !== from) events.push(this.transition(tx, deployment, from, owner));
      return { deployment, steps: stored };
    });
    this.published(events);
    return written;
  }

  /** Every step after `after`, read in pages (a long rollout has thousands). */
  async steps(accountId: string, deploymentId: string, after: number, page = 1000): Promise<DeploymentStep[]> {
    const all: DeploymentStep[] = [];
    for (let cursor = after; ; ) {
      const rows = await this.orm.em.fork().find(DeploymentStep, { accountId, deploymentId, seq: { $gt: cursor } }, { orderBy: { seq: 'asc' }, limit: page });
      all.push(...rows);
      if (rows.length < page) return all;
      cursor = rows.at(-1)!.seq;
    }
  }

  private transition(tx: EntityManager, deployment: Deployment, from: DeploymentStatus | null, instanceId: string | null): SwarmEvent {
    const event = transitionEvent(deployment, from, instanceId);
    tx.persist(event);
    return event;
  }

  /** After the commit: the cluster's event stream (swarmEventReceived) tells subscribers. */
  private published(events: SwarmEvent[]): void {
    for (const event of events) this.pubsub?.publish(SwarmTopic.EventReceived, event.accountId, plainSnapshot(event));
  }

  private step(tx: EntityManager, deployment: Deployment, step: NewStep): DeploymentStep {
    deployment.stepCount += 1;
    const row = Object.assign(new DeploymentStep(), { deploymentId: deployment.id, accountId: deployment.accountId, seq: deployment.stepCount, status: deployment.status, at: new Date(), ...step });
    tx.persist(row);
    return row;
  }
}
