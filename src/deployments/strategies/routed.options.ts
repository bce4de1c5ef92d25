import { InputError } from '../../common/errors';
import type { PlannedService } from '../../stacks/compose';

/** What blue/green and canary share: which compose service they act on and how its traffic reaches it. */
export interface RoutedOptions {
  /** The compose key of the routed service (`web`); default: the stack's only service. */
  service?: string | null;
  /** A registered traffic router; without one, traffic moves by replicas (canary) or DNS aliases (blue/green). */
  routerId?: string | null;
  /** The router's port for the service (its frontend). */
  listenPort?: number | null;
  /** The host-mode port the second version's tasks publish (the first version keeps the compose file's). */
  publishedPort?: number | null;
  /** The container port routed (default: the service's first published one). */
  targetPort?: number | null;
}

export function checkPort(field: string, value: unknown, required = false): void {
  if (value == null) {
    if (required) throw new InputError(field, 'is required');
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) throw new InputError(field, 'must be a port from 1 to 65535');
}

export function checkNumber(field: string, value: unknown, min: number, max: number): void {
  if (value == null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw new InputError(field, `must be a number from ${min} to ${max}`);
}

/** The shared checks; `prefix` names the input (blueGreen, canary). */
export function validateRouted(prefix: string, o: RoutedOptions, services: readonly string[]): void {
  if (o.service != null) {
    if (typeof o.service !== 'string' || !services.some((s) => s.endsWith(`_${o.service}`))) throw new InputError(`${prefix}.service`, `must name a service of the stack (${services.join(', ')})`);
  } else if (services.length !== 1) {
    throw new InputError(`${prefix}.service`, `must name the routed service: the stack has ${services.length} services`);
  }
  if (o.routerId != null && (typeof o.routerId !== 'string' || !o.routerId)) throw new InputError(`${prefix}.routerId`, 'must be a traffic router id');
  checkPort(`${prefix}.listenPort`, o.listenPort, o.routerId != null);
  checkPort(`${prefix}.publishedPort`, o.publishedPort);
  checkPort(`${prefix}.targetPort`, o.targetPort);
  if (o.routerId == null && o.listenPort != null) throw new InputError(`${prefix}.listenPort`, 'needs routerId (a port of which router?)');
}

/** The planned service the strategy acts on. */
export function routedService(services: readonly PlannedService[], o: RoutedOptions, prefix: string): PlannedService {
  const found = o.service != null ? services.find((s) => s.shortName === o.service) : services.length === 1 ? services[0] : undefined;
  if (!found) throw new InputError(`${prefix}.service`, `names no service of the stack (${services.map((s) => s.shortName).join(', ')})`);
  return found;
}
