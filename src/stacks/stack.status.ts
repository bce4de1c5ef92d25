/**
 * A stack's status from its services and the tasks that run each service's CURRENT spec (swarmkit's `_up-to-date`,
 * SwarmTask.upToDate), as docker/cli's progress.go judges convergence. An old failed task (of a spec since replaced)
 * says nothing about the deploy; a rejected or failed task of the current spec is a failure, never success.
 */

export enum StackServiceState {
  /** Running (current spec) reached desired, and no update is in flight. */
  CONVERGED = 'CONVERGED',
  /** Not there yet, and nothing of the current spec has failed. */
  UPDATING = 'UPDATING',
  /** Tasks of the current spec failed or were rejected (e.g. an image pull error), or the update paused. */
  FAILED = 'FAILED',
  /** Swarm rolled the last update back: it runs the previous spec again. */
  ROLLED_BACK = 'ROLLED_BACK',
}

export enum StackState {
  CONVERGED = 'CONVERGED',
  UPDATING = 'UPDATING',
  /** Some services failed, others converged or are converging. */
  PARTIAL = 'PARTIAL',
  /** Every service failed (or rolled back). */
  FAILED = 'FAILED',
}

export interface ServiceFacts {
  mode: string;
  replicas: number | null;
  /** The manager's count of tasks wanted (global services: eligible nodes). */
  desiredTasks: number | null;
  updateState: string | null;
}

export interface TaskFacts {
  upToDate: boolean;
  state: string;
  desiredState: string;
  error?: string | null;
}

const FAILED_STATES = new Set(['failed', 'rejected']);

/** An image pull failure as the Engine words it on a task ("No such image", "pull access denied", a manifest missing...). */
export function isImagePullError(error: string | null | undefined): boolean {
  return Boolean(error && /no such image|pull access denied|manifest unknown|manifest for .* not found|error pulling|failed to resolve reference|repository does not exist|unauthorized: /i.test(error));
}

export function desiredOf(service: ServiceFacts): number {
  if (service.mode === 'replicated') return service.replicas ?? 0;
  return service.desiredTasks ?? 0;
}

export function serviceState(service: ServiceFacts, tasks: readonly TaskFacts[]): { state: StackServiceState; running: number; desired: number; failing: number } {
  const current = tasks.filter((t) => t.upToDate);
  const jobs = service.mode.endsWith('-job');
  const done = (t: TaskFacts) => t.state === 'running' || (jobs && t.state === 'complete');
  const running = current.filter(done).length;
  // A failed task the orchestrator already replaced (desired shutdown) still counts while the slot has no good task.
  const failing = current.filter((t) => FAILED_STATES.has(t.state)).length;
  const desired = desiredOf(service);
  const update = service.updateState ?? '';
  let state: StackServiceState;
  if (update === 'rollback_completed') state = StackServiceState.ROLLED_BACK;
  else if (update === 'paused' || update === 'rollback_paused') state = StackServiceState.FAILED;
  else if (running >= desired && update !== 'updating' && update !== 'rollback_started') state = StackServiceState.CONVERGED;
  else if (failing > 0) state = StackServiceState.FAILED;
  else state = StackServiceState.UPDATING;
  return { state, running, desired, failing };
}

export function stackState(services: readonly StackServiceState[]): StackState {
  const bad = services.filter((s) => s === StackServiceState.FAILED || s === StackServiceState.ROLLED_BACK).length;
  if (bad > 0) return bad === services.length ? StackState.FAILED : StackState.PARTIAL;
  if (services.every((s) => s === StackServiceState.CONVERGED)) return StackState.CONVERGED;
  return StackState.UPDATING;
}
