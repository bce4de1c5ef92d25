import { EventSeverity } from '../events/event.enums';
import { SwarmEvent } from '../swarm/swarm-event.entity';
import { DeploymentStatus, type Deployment } from './deployment.entity';

/** The type of a deployment's events in its cluster's event log (beside the Engine's node, service, … events). */
export const DEPLOYMENT_EVENT_TYPE = 'deployment';

const SEVERITY: Partial<Record<DeploymentStatus, EventSeverity>> = {
  [DeploymentStatus.FAILED]: EventSeverity.ERROR,
  [DeploymentStatus.ROLLED_BACK]: EventSeverity.WARNING,
  [DeploymentStatus.CANCELLED]: EventSeverity.WARNING,
};

/**
 * A status transition of a deployment as an event of its cluster's log (swarm_events): written in the transaction that
 * changes the status, so the log and the ledger never disagree, whichever instance drives it or dies. The action is
 * the new status (`in_progress`, `rolled_back`, …), the actor the deployment. The nanosecond part carries the step
 * count, so two transitions of one deployment in the same millisecond stay two rows under the log's unique key.
 */
export function transitionEvent(deployment: Deployment, from: DeploymentStatus | null, instanceId: string | null): SwarmEvent {
  const now = new Date();
  const attributes: Record<string, string> = {
    deploymentId: deployment.id,
    stack: deployment.stack ?? '',
    revision: String(deployment.revision),
    status: deployment.status,
    strategy: deployment.strategy,
    source: deployment.source,
  };
  if (from) attributes.from = from;
  if (deployment.reason) attributes.reason = deployment.reason.slice(0, 1000);
  if (instanceId) attributes.instance = instanceId;
  return Object.assign(new SwarmEvent(), {
    accountId: deployment.accountId,
    clusterId: deployment.clusterId,
    type: DEPLOYMENT_EVENT_TYPE,
    action: deployment.status.toLowerCase(),
    actorId: deployment.id,
    actorName: deployment.stack ?? deployment.service ?? null,
    attributes,
    severity: SEVERITY[deployment.status] ?? EventSeverity.INFO,
    time: now,
    timeNano: (BigInt(now.getTime()) * 1_000_000n + BigInt(deployment.stepCount % 1_000_000)).toString(),
  });
}
