import type { Principal } from '../auth/principal';
import type { Logger } from '../log/logger';

/** What a changed service is told to the revision ledger as: its cluster, stack and name. */
export interface ChangedService {
  clusterId: string;
  /** The stack (namespace label); null for a service outside any stack, which has no ledger of its own yet. */
  stack: string | null;
  name: string;
}

/** The revision ledger's entry for a change made outside a stack deploy (DeploymentRecorder.changed). */
export interface RevisionLedger {
  changed(principal: Principal, clusterId: string, what: { stack: string | null; service: string; rollback?: boolean }, description: string): Promise<unknown>;
}

/**
 * The one way a change to a swarm service made through this API (update, scale, redeploy, Docker's rollback, removal,
 * a secret or config rotation re-pointing it) becomes its stack's next revision. The change already happened on the
 * swarm when this runs: it stands whether or not the ledger could record it, and a failure to record is logged (the
 * sync's detection records the stack's new state later as an outside change).
 */
export class ServiceLedger {
  constructor(private readonly deps: { ledger?: RevisionLedger; logger?: Pick<Logger, 'warn'> }) {}

  async record(principal: Principal, service: ChangedService, description: string, options: { rollback?: boolean } = {}): Promise<void> {
    if (!this.deps.ledger) return;
    await this.deps.ledger
      .changed(principal, service.clusterId, { stack: service.stack, service: service.name, rollback: Boolean(options.rollback) }, `${service.name}: ${description}`)
      .catch((error: unknown) => this.deps.logger?.warn({ err: error, clusterId: service.clusterId, service: service.name }, 'the change was made, but the revision ledger could not record it'));
  }

  /**
   * Services changed by one act (a rotation re-points every user): one revision per stack, naming its services, not
   * one per service, so a stack's ledger shows the act once. Services outside any stack are left out.
   */
  async recordEach(principal: Principal, clusterId: string, services: ReadonlyArray<{ name: string; stack: string | null }>, description: string): Promise<void> {
    const byStack = new Map<string, string[]>();
    for (const s of services) if (s.stack) byStack.set(s.stack, [...(byStack.get(s.stack) ?? []), s.name]);
    for (const [stack, names] of [...byStack].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await this.record(principal, { clusterId, stack, name: names.sort().join(', ') }, description);
    }
  }
}
