import type { Deployment } from './deployment.entity';
import type { DeploymentStep } from './deployment-step.entity';

export const DeploymentTopic = {
  /** Every step of one deployment, keyed by its id. */
  Step: 'DEPLOYMENT_STEP',
  /** A deployment of the account changed (status, revision, reason), keyed by account id. */
  Changed: 'DEPLOYMENT_CHANGED',
  /** System-wide: a deployment was created or asked to promote/abort; the instance driving it looks again now. */
  Wake: 'DEPLOYMENT_WAKE',
} as const;

/** What subscribers get of a deployment: never its compose variables (they may hold secrets) or the actor's permissions. */
export function published(deployment: Deployment): Deployment {
  const { variables: _variables, actor: _actor, ...rest } = deployment;
  return rest as Deployment;
}

export type DeploymentTopics = {
  [DeploymentTopic.Step]: [deploymentId: string, payload: DeploymentStep];
  [DeploymentTopic.Changed]: [accountId: string, payload: Deployment];
  [DeploymentTopic.Wake]: [payload: { deploymentId: string }];
};
