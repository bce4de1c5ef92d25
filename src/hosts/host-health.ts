import { HostStatus } from './host.enums';

/** The seed's rule: a host moves to ERROR after this many consecutive failed checks, and stays until recovered. */
export const ERROR_THRESHOLD = 5;

export interface HealthState {
  status: HostStatus;
  consecutiveFailures: number;
}

/** The health state machine for one check result. Pure, so every transition is unit-tested in one place. */
export function afterCheck(current: HealthState, ok: boolean): HealthState {
  if (current.status === HostStatus.MAINTENANCE) return current;
  if (ok) return { status: HostStatus.CONNECTED, consecutiveFailures: 0 };
  const consecutiveFailures = current.consecutiveFailures + 1;
  if (consecutiveFailures >= ERROR_THRESHOLD) return { status: HostStatus.ERROR, consecutiveFailures };
  // A connected host that fails has lost its connection; PENDING stays PENDING until it is reached once.
  const status = current.status === HostStatus.CONNECTED ? HostStatus.DISCONNECTED : current.status;
  return { status, consecutiveFailures };
}

/** A user took the host offline: it is neither checked nor synced until they bring it back. */
export function isUserOffline(host: HealthState): boolean {
  return (
    host.status === HostStatus.MAINTENANCE ||
    (host.status === HostStatus.DISCONNECTED && host.consecutiveFailures === 0)
  );
}

/** Hosts the sync engine works on: not taken offline by a user, and not in ERROR (which waits for a recovery). */
export function isSyncable(host: HealthState): boolean {
  return host.status !== HostStatus.ERROR && !isUserOffline(host);
}

/** isSyncable as a condition on docker_hosts columns, for the statements that pick hosts to sync. */
export const SYNCABLE_SQL = `(status in ('${HostStatus.PENDING}', '${HostStatus.CONNECTED}') or (status = '${HostStatus.DISCONNECTED}' and consecutive_failures > 0))`;
