import { mapLimit } from '../common/concurrency';
import { Container } from '../containers/container.entity';
import type { ContainerHealth, ContainerState } from '../containers/container.enums';
import { eventsByContainer } from '../containers/container.transitions';
import type { ContainerSnapshot } from '../docker/docker.types';
import { applyContainers, containerUnchanged, needsInspect } from './inventory.apply';
import { INSPECT_CONCURRENCY, type FetchContext, type SyncedKind } from './synced-kind.types';

/**
 * Containers: their events are applied one container at a time (each named container is inspected once per batch,
 * and its events tell subscribers every step it took); a full listing inspects only the stored containers whose list
 * row says more than the stored row knows (see needsInspect), and new ones get their times in a second pass.
 */
export const containerKind: SyncedKind<Container, ContainerSnapshot> = {
  name: 'container',
  entity: Container,
  eventTypes: ['container', 'network'],
  touchedBy(event) {
    // Exec events (health checks) change no stored container; a network (dis)connect changes the container's networks.
    if (event.type === 'container') return event.action.startsWith('exec_') ? null : { inspect: event.actorId };
    if (event.type === 'network' && (event.action === 'connect' || event.action === 'disconnect')) return event.attributes.container ? { inspect: event.attributes.container } : null;
    return null;
  },
  list,
  inspect: ({ inventory, target }, dockerId) => inventory.inspectContainer(target, dockerId),
  unchanged: containerUnchanged,
  apply({ em, scope, existing, snapshots, complete, gone, events, changes }) {
    const batchEvents = events.length > 0 ? eventsByContainer(events, scope.eventsCheckpoint) : undefined;
    applyContainers({ em, host: scope, existing, snapshots, complete, gone, events: batchEvents, changes });
  },
};

async function list({ em, inventory, target, owner }: FetchContext): Promise<ContainerSnapshot[]> {
  const [listed, known] = await Promise.all([
    inventory.listContainers(target),
    // Only what decides whether to inspect, as plain rows: hydrating entities twice per sync doubled its cost.
    em.getConnection().execute<Array<{ docker_id: string; state: ContainerState; health: ContainerHealth; exit_code: number | null; started_at: unknown }>>(
      'select docker_id, state, health, exit_code, started_at from containers where host_id = ?',
      [owner.hostId],
    ),
  ]);
  const byDockerId = new Map(known.map((r) => [r.docker_id, { state: r.state, health: r.health, exitCode: r.exit_code, startedAt: r.started_at }] as const));
  // List first: a container we have no row of yet is stored from its list row now, and its start and finish times
  // follow in a second pass (see ChangeSet.undetailed); a cold sync of 500 containers no longer waits for 500 inspects.
  // A stored container whose list row says more than its row knows is inspected now, so its messages carry its times.
  const wanted = (s: ContainerSnapshot) => byDockerId.has(s.dockerId) && needsInspect(byDockerId.get(s.dockerId), s);
  const inspected = new Map((await mapLimit(listed.filter(wanted), INSPECT_CONCURRENCY, (s) => inventory.inspectContainer(target, s.dockerId))).filter((s): s is ContainerSnapshot => s !== null).map((s) => [s.dockerId, s]));
  // A container removed between the list and its inspect is simply absent from the listing.
  return listed.flatMap((s) => (wanted(s) ? (inspected.has(s.dockerId) ? [inspected.get(s.dockerId)!] : []) : [s]));
}
