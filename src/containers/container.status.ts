import type { Container } from './container.entity';
import { ContainerHealth, ContainerState } from './container.enums';

/**
 * Docker's human status ("Up 5 minutes (healthy)", "Exited (1) 2 hours ago"), computed when read: stored, it would
 * change every minute and make every sync write.
 */
export function describeStatus(c: Pick<Container, 'state' | 'health' | 'exitCode' | 'startedAt' | 'finishedAt'>, now = Date.now()): string {
  const health = c.health === ContainerHealth.HEALTHY ? ' (healthy)' : c.health === ContainerHealth.UNHEALTHY ? ' (unhealthy)' : c.health === ContainerHealth.STARTING ? ' (health: starting)' : '';
  switch (c.state) {
    case ContainerState.RUNNING:
      return `Up ${ago(c.startedAt, now)}${health}`;
    case ContainerState.PAUSED:
      return `Up ${ago(c.startedAt, now)} (Paused)`;
    case ContainerState.RESTARTING:
      return `Restarting (${c.exitCode ?? 0}) ${ago(c.finishedAt, now)} ago`;
    case ContainerState.EXITED:
      return `Exited (${c.exitCode ?? 0}) ${ago(c.finishedAt, now)} ago`;
    case ContainerState.CREATED:
      return 'Created';
    case ContainerState.REMOVING:
      return 'Removal In Progress';
    default:
      return 'Dead';
  }
}

function ago(since: Date | null | undefined, now: number): string {
  if (!since) return 'for an unknown time';
  const seconds = Math.max(0, Math.round((now - new Date(since).getTime()) / 1000));
  if (seconds < 1) return 'Less than a second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'About a minute' : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return hours === 1 ? 'About an hour' : `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}
