import type { EngineEvent } from '../docker/docker.types';
import { EventSeverity } from './event.enums';

/** Exit codes a stop or kill produces (128 + SIGKILL/SIGTERM): expected endings, not crashes. */
const SIGNAL_EXITS = new Set(['137', '143']);

/**
 * How alarming an Engine event is. The seed's post-operation check ("no new error events since the operation start")
 * reads ERROR, so ERROR is kept for what an operator must look at: a crash, an OOM kill, a failing health check.
 */
export function severityOf(event: Pick<EngineEvent, 'type' | 'action' | 'attributes'>): EventSeverity {
  if (event.type !== 'container') return EventSeverity.INFO;
  const action = event.action;
  if (action === 'oom') return EventSeverity.ERROR;
  if (action.startsWith('health_status: unhealthy')) return EventSeverity.ERROR;
  if (action === 'die') {
    const code = event.attributes.exitCode ?? '0';
    if (code === '0') return EventSeverity.INFO;
    return SIGNAL_EXITS.has(code) ? EventSeverity.WARNING : EventSeverity.ERROR;
  }
  if (action === 'kill' || action === 'restart') return EventSeverity.WARNING;
  return EventSeverity.INFO;
}

/**
 * Exec lifecycle events (`exec_create`, `exec_start: sh ...`, `exec_die`) are what every HEALTHCHECK run emits: a
 * fleet of health-checked containers would fill the table with them. They change no inventory and are not stored;
 * user-initiated execs are recorded as activities instead.
 */
export function isStored(event: Pick<EngineEvent, 'type' | 'action'> & { attributes?: Readonly<Record<string, string>> }): boolean {
  if (!(event.type === 'container' && event.action.startsWith('exec_'))) return true;
  // Except a command started in a container instance's container: the instance's driver judges it (an exec this API
  // did not start is a security violation), also after a restart, so it must be kept.
  return event.action.startsWith('exec_create') && Boolean(event.attributes?.[INSTANCE_LABEL]);
}

/** The label every container instance's container carries: its instance id. */
export const INSTANCE_LABEL = 'io.fleet-control.instance';
