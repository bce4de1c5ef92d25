import type { PlannedService, ServiceSpec } from '../../stacks/compose';
import { DeploymentStepKind } from '../deployment-step.entity';
import { ROLE_LABEL, SIDE_OF_LABEL } from './side-by-side';
import type { StrategyContext } from './strategy';

/**
 * A redeploy's stored spec of the routed service (kept under whichever name served then) made into the planned
 * service's: its name and the compose file's ports and labels of a second version dropped, the running ForceUpdate
 * left to the deployer; its image (pinned to the digest the revision ran) kept as stored.
 */
export function storedSpecFor(planned: PlannedService, stored: Record<string, unknown> | null): ServiceSpec | null {
  if (!stored) return null;
  const spec = structuredClone(stored) as unknown as ServiceSpec;
  spec.Name = planned.spec.Name;
  spec.EndpointSpec = structuredClone(planned.spec.EndpointSpec);
  const labels = { ...spec.Labels };
  delete labels[SIDE_OF_LABEL];
  delete labels[ROLE_LABEL];
  spec.Labels = labels;
  delete (spec.TaskTemplate as { ForceUpdate?: number }).ForceUpdate;
  // Networks by the compose file's names, as RolloutTools' revisionSpec does: stored ids die with a re-created stack.
  spec.TaskTemplate.Networks = structuredClone(planned.spec.TaskTemplate.Networks);
  return spec;
}

/**
 * The stack's services other than the routed one back to the previous good revision's specs (only when the apply
 * changed some): an abort of the second version is atomic for the stack, the routed service's first version having
 * never been touched.
 */
export async function restoreOthers(context: StrategyContext, changed: boolean, routed: string[]): Promise<void> {
  const previous = context.previousGood;
  if (!changed || !previous?.compose) return;
  const specs = Object.fromEntries(previous.services.filter((s) => s.spec).map((s) => [s.name, s.spec!]));
  await context.tools.applyStack({
    principal: context.principal,
    clusterId: context.deployment.clusterId,
    stack: context.deployment.stack!,
    compose: previous.compose,
    variables: previous.variables ?? {},
    specs,
    prune: false,
    adjust: (plan) => {
      plan.services = plan.services.filter((s) => !routed.includes(s.spec.Name));
    },
  });
  await context.step({ kind: DeploymentStepKind.PHASE, message: `the stack's other services returned to revision ${previous.revision}` });
}
