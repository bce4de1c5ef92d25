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
export function isStored(event: Pick<EngineEvent, 'type' | 'action'>): boolean {
  return !(event.type === 'container' && event.action.startsWith('exec_'));
}
