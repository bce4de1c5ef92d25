import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { Logger } from '../log/logger';
import type { PubSub } from '../pubsub/pubsub';
import type { ClusterManager } from '../swarm/cluster.manager';
import { Deployment, DeploymentSource, DeploymentStatus, DeploymentStrategyKind, isActive } from './deployment.entity';
import type { DeploymentDriver } from './deployment.driver';
import { stackTarget, type DeploymentRepository } from './deployment.repository';
import { DeploymentTopic, published } from './deployment.topics';
import type { RolloutTools } from './rollout';

/** Who a change found by the sync is attributed to: the spec changed outside this API (the docker CLI, another tool). */
export const OUTSIDE_ACTOR = 'docker-cli';

/** A canonical fingerprint of what a stack runs: its services' names and specs, keys sorted (jsonb reorders them). */
export function liveFingerprint(services: ReadonlyArray<{ name: string; spec?: unknown }>): string {
  const canonical = (v: unknown): unknown => (Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v);
  const sorted = [...services].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => [s.name, canonical(s.spec ?? null)]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url');
}

export interface DeploymentRecorderDeps {
  orm: MikroORM;
  repository: DeploymentRepository;
  driver: Pick<DeploymentDriver, 'start'>;
  tools: RolloutTools;
  clusters: Pick<ClusterManager, 'operable'>;
  pubsub: PubSub;
  logger: Logger;
  instanceId: string;
  leaseSeconds: number;
}

/**
 * Records the changes made to a stack's services outside a stack deploy as revisions of the stack: through this API
 * (updateSwarmService, scale, redeploy, Docker's one-step rollback) with the caller as actor, and found by the sync
 * (the docker CLI) with actor "docker-cli". Each is then watched like a rolling update (ROLLED_BACK when Swarm rolls
 * it back, FAILED when it does not converge), never restored by us: the change was someone's deliberate act.
 */
export class DeploymentRecorder {
  /** Per stack, the change the last pass found (its base revision and fingerprint), recorded when the next finds it too. */
  private readonly seen = new Map<string, string>();

  constructor(private readonly deps: DeploymentRecorderDeps) {}

  /** A service of the stack was changed through the API: the stack's next revision, watched. */
  async changed(principal: Principal, clusterId: string, what: { stack: string | null; service: string; rollback?: boolean }, description: string): Promise<Deployment | null> {
    if (!what.stack) return null; // a service outside any stack has no ledger of its own yet
    return this.record(principal, clusterId, what.stack, DeploymentSource.API, description, undefined, Boolean(what.rollback));
  }

  /**
   * Stacks whose services no longer run what their latest settled revision left running: the stored rows are a cheap
   * first look, the Engine is asked before anything is recorded (rows may lag the swarm by a sync).
   */
  async detect(): Promise<number> {
    const em = this.deps.orm.em.fork();
    const stacks = await this.candidates(em);
    let recorded = 0;
    for (const row of stacks) {
      const latest = await this.deps.repository.latest(row.cluster_id, stackTarget(row.stack));
      const live = latest?.state.live as string | undefined;
      if (!latest || isActive(latest.status) || latest.status === DeploymentStatus.QUEUED || !live) continue;
      if (liveFingerprint(row.services) === live) {
        this.seen.delete(`${row.cluster_id}/${row.stack}`);
        continue;
      }
      const principal: Principal = { userId: OUTSIDE_ACTOR, accountId: row.account_id, permissions: new Set(), expiresAt: Number.MAX_SAFE_INTEGER, issuedAt: null };
      try {
        const { target } = await this.deps.clusters.operable(principal, row.cluster_id);
        const now = await this.deps.tools.readBack(target, row.stack);
        const key = `${row.cluster_id}/${row.stack}`;
        const found = liveFingerprint(now.services);
        if (now.services.length === 0 || found === live) continue;
        // Seen the same on two passes: a change the API is about to record itself (between its Engine write and its
        // ledger write) is not taken for an outside one.
        if (this.seen.get(key) !== `${latest.revision}:${found}`) {
          this.seen.set(key, `${latest.revision}:${found}`);
          continue;
        }
        this.seen.delete(key);
        if (await this.record(principal, row.cluster_id, row.stack, DeploymentSource.DETECTED, 'the stack\'s services changed outside this API (found by the sync)', latest.revision)) recorded++;
      } catch (error) {
        this.deps.logger.warn({ err: error, clusterId: row.cluster_id, stack: row.stack }, 'a stack change found by the sync could not be recorded');
      }
    }
    return recorded;
  }

  private async candidates(em: EntityManager): Promise<Array<{ cluster_id: string; account_id: string; stack: string; services: Array<{ name: string; spec: unknown }> }>> {
    return em.getConnection().execute(
      `select s.cluster_id, s.account_id, s.stack, json_agg(json_build_object('name', s.name, 'spec', s.spec) order by s.name) as services
         from swarm_services s
        where s.stack is not null and exists (select 1 from deployments d where d.cluster_id = s.cluster_id and d.target = 'stack:' || s.stack)
        group by s.cluster_id, s.account_id, s.stack`,
    );
  }

  private async record(principal: Principal, clusterId: string, stack: string, source: DeploymentSource, description: string, onlyAfter?: number, rollbackIsRollout = false): Promise<Deployment | null> {
    const { target } = await this.deps.clusters.operable(principal, clusterId);
    const back = await this.deps.tools.readBack(target, stack);
    const deployment = Object.assign(new Deployment(), {
      accountId: principal.accountId,
      clusterId,
      target: stackTarget(stack),
      stack,
      strategy: DeploymentStrategyKind.ROLLING,
      source,
      description,
      services: back.services.map((s) => ({ ...s, outcome: 'UPDATING' })),
      digests: back.digests,
      actorId: principal.userId,
      actor: { userId: principal.userId, permissions: [...principal.permissions] },
      state: { phase: 'monitor', since: new Date().toISOString(), noRestore: true, ...(rollbackIsRollout ? { rollbackIsRollout } : {}) },
      leaseOwner: this.deps.instanceId,
      leaseUntil: new Date(Date.now() + this.deps.leaseSeconds * 1000),
    });
    const inserted = await this.deps.repository.insertRevision(deployment, { onlyAfter });
    if (!inserted) return null;
    this.deps.pubsub.publish(DeploymentTopic.Changed, deployment.accountId, published(deployment));
    if (deployment.status !== DeploymentStatus.QUEUED) this.deps.driver.start(deployment);
    return deployment;
  }
}
