import type { Principal } from '../../auth/principal';
import type { HostTarget } from '../../docker/docker.types';
import type { SwarmCluster } from '../../swarm/cluster.entity';
import type { Deployment, DeploymentStatus, DeploymentStrategyKind } from '../deployment.entity';
import type { DeploymentPatch, NewStep } from '../deployment.repository';
import type { StackChange } from '../../stacks/stack.changes';
import type { RolloutTools } from '../rollout';

/** How a strategy's run ended: the deployment's final status and why. */
export interface StrategyOutcome {
  status: DeploymentStatus.SUCCEEDED | DeploymentStatus.FAILED | DeploymentStatus.ROLLED_BACK | DeploymentStatus.CANCELLED;
  reason?: string | null;
}

/**
 * What a strategy is given to drive one deployment. Every write goes through `save`/`step`, which are fenced by the
 * lease: when this instance lost it, they throw LeaseLost and the run stops (the new holder resumes from `state`).
 */
export interface StrategyContext {
  deployment: Deployment;
  cluster: SwarmCluster;
  target: HostTarget;
  /** The caller the deployment acts as (its permissions, for the workload policy). */
  principal: Principal;
  tools: RolloutTools;
  /** The newest revision of the target that succeeded before this one: where a failed rollout returns. */
  previousGood: Deployment | null;
  /** Tells the request that started the deployment what its first writes did (it answers with them). */
  applied(result: { changes: StackChange[]; engineWarnings: string[]; operationId: string | null }): void;
  /** Stores the state machine (merged into `deployment.state`) and any steps, in one write. */
  save(update: DeploymentPatch, ...steps: NewStep[]): Promise<void>;
  step(...steps: NewStep[]): Promise<void>;
  /** PAUSED (waiting for a promotion) or IN_PROGRESS again, with a step saying why. */
  pause(reason: string): Promise<void>;
  resume(reason: string): Promise<void>;
  /** A user's promoteDeployment / abortDeployment, or a newer revision superseding this one, read at each poll. */
  requested(): Promise<'promote' | 'abort' | 'supersede' | null>;
  /** Aborted when the lease is lost or the instance stops: polls end early. */
  signal: AbortSignal;
  /** Waits for `ms` or until the signal aborts (a poll interval, not a condition stand-in). */
  tick(ms: number): Promise<void>;
  /**
   * Like tick, but returns early once the swarm tells of a change to one of the stack's services (a rollout watch's
   * poll: it reads the swarm again at once). Absent, a watch ticks.
   */
  untilChanged?(ms: number): Promise<void>;
}

/** One rollout technique. `run` resumes from `context.deployment.state` when an instance took the deployment over. */
export interface DeploymentStrategy {
  readonly kind: DeploymentStrategyKind;
  /** Checks the options before the deployment is recorded (BAD_USER_INPUT naming the field). */
  validate(options: Record<string, unknown>, context: { services: string[] }): void;
  run(context: StrategyContext): Promise<StrategyOutcome>;
}

/** The lease moved to another instance: stop driving, write nothing more. */
export class LeaseLost extends Error {
  constructor(id: string) {
    super(`deployment ${id} is driven by another instance now`);
    this.name = 'LeaseLost';
  }
}
