import type { EntityManager } from '@mikro-orm/postgresql';
import { Container } from '../containers/container.entity';
import { ContainerHealth, ContainerState } from '../containers/container.enums';
import { containerSnapshot, ContainerTopic, type ContainerStateChangePayload } from '../containers/container.topics';
import type { ContainerSnapshot, ImageSnapshot, NetworkSnapshot, VolumeSnapshot } from '../docker/docker.types';
import type { DockerHost } from '../hosts/host.entity';
import { Image } from '../images/image.entity';
import { reconcile, type Diff, type SkippedObject } from '../inventory/inventory.diff';
import { Network } from '../networks/network.entity';
import type { PubSub } from '../pubsub/pubsub';
import { Volume } from '../volumes/volume.entity';

/** What one write to a host's inventory changed: counted, then published after the commit. */
export class ChangeSet {
  readonly stateChanges: ContainerStateChangePayload[] = [];
  /** Objects left out because their rows cannot be stored: warned about once each, after the commit. */
  readonly skipped: SkippedObject[] = [];
  written = 0;
  healthChanged = false;

  constructor(private readonly host: Pick<DockerHost, 'id' | 'accountId'>) {}

  addContainers(diff: Diff<Container>): void {
    this.add(diff);
    const at = new Date();
    const change = (container: Container, previousState: ContainerState | null, removed: boolean) =>
      this.stateChanges.push({ hostId: this.host.id, container: containerSnapshot(container), previousState, state: removed ? ContainerState.REMOVING : container.state, removed, at });
    for (const c of diff.created) {
      change(c, null, false);
      if (c.health !== ContainerHealth.NONE) this.healthChanged = true;
    }
    for (const { row, before } of diff.updated) {
      if (before.state !== undefined) change(row, before.state, false);
      if (before.health !== undefined) this.healthChanged = true;
    }
    for (const c of diff.removed) {
      change(c, c.state, true);
      if (c.health !== ContainerHealth.NONE) this.healthChanged = true;
    }
  }

  add(diff: Diff<unknown>): void {
    this.written += diff.created.length + diff.updated.length + diff.removed.length;
    this.skipped.push(...diff.skipped);
  }

  publish(pubsub: PubSub): number {
    for (const change of this.stateChanges) pubsub.publish(ContainerTopic.StateChanged, this.host.accountId, change);
    return this.stateChanges.length;
  }
}

const CONTAINER_FIELDS = ['name', 'image', 'imageId', 'command', 'state', 'health', 'exitCode', 'labels', 'ports', 'mounts', 'networks', 'createdAt', 'startedAt', 'finishedAt'] as const;

type ContainerValues = Omit<ContainerSnapshot, 'state' | 'health'> & { state: ContainerState; health: ContainerHealth };

/** Docker's lower-case names as our enums. */
export function containerValues(snapshot: ContainerSnapshot): ContainerValues {
  return { ...snapshot, state: snapshot.state.toUpperCase() as ContainerState, health: snapshot.health.toUpperCase() as ContainerHealth };
}

/**
 * Whether a list row says more than the stored row knows: then the container is inspected for its times. Only what
 * the list can show is compared: health only while running (Docker keeps "unhealthy" on a stopped container, and the
 * list does not say so), and exit codes only where the status text carries one (not for DEAD).
 */
export function needsInspect(row: Pick<Container, 'state' | 'health' | 'exitCode'> & { startedAt?: unknown } | undefined, snapshot: ContainerSnapshot): boolean {
  if (!row) return true;
  const values = containerValues(snapshot);
  if (row.state !== values.state) return true;
  if (values.state === ContainerState.RUNNING && row.health !== values.health) return true;
  if (values.state !== ContainerState.DEAD && (row.exitCode ?? null) !== values.exitCode) return true;
  return row.startedAt == null && values.state !== ContainerState.CREATED;
}

/** List-row fields that may not be written over what an inspect stored (see needsInspect). */
function listSkips(s: ContainerValues): Array<keyof ContainerValues & keyof Container> {
  const skip: Array<keyof ContainerValues & keyof Container> = ['startedAt', 'finishedAt'];
  if (s.state !== ContainerState.RUNNING) skip.push('health');
  if (s.state === ContainerState.DEAD) skip.push('exitCode');
  // When the tag moved on (re-pulled or removed), the list shows the image id where inspect shows the name.
  if (s.image === s.imageId || /^sha256:[0-9a-f]{64}$/.test(s.image)) skip.push('image');
  return skip;
}

/**
 * Applies container snapshots. `complete` means they are a full listing (what is missing was removed);
 * `gone` are containers an inspect answered 404 for.
 */
export function applyContainers(options: { em: EntityManager; host: DockerHost; existing: Container[]; snapshots: ContainerSnapshot[]; complete: boolean; gone?: string[]; changes: ChangeSet }): void {
  const { em, host, snapshots, complete, changes } = options;
  const gone = new Set(options.gone ?? []);
  const diff = reconcile<Container, ContainerValues>({
    em,
    existing: options.existing,
    snapshots: snapshots.map(containerValues),
    fields: CONTAINER_FIELDS,
    complete,
    skip: (s) => (s.detailed ? [] : listSkips(s)),
    create: (s) => Object.assign(new Container(), { ...pick(s, CONTAINER_FIELDS), dockerId: s.dockerId, accountId: host.accountId, hostId: host.id }),
  });
  for (const row of options.existing) {
    if (gone.has(row.dockerId)) {
      em.remove(row);
      diff.removed.push(row);
    }
  }
  changes.addContainers(diff);
}

export function applyImages(em: EntityManager, host: DockerHost, existing: Image[], snapshots: ImageSnapshot[], changes: ChangeSet): void {
  const fields = ['repoTags', 'repoDigests', 'sizeBytes', 'labels', 'createdAt'] as const;
  changes.add(reconcile<Image, ImageSnapshot>({ em, existing, snapshots, fields, complete: true, create: (s) => Object.assign(new Image(), s, owner(host)) }));
}

export function applyNetworks(em: EntityManager, host: DockerHost, existing: Network[], snapshots: NetworkSnapshot[], changes: ChangeSet): void {
  const fields = ['name', 'driver', 'scope', 'internal', 'attachable', 'labels', 'createdAt'] as const;
  changes.add(reconcile<Network, NetworkSnapshot>({ em, existing, snapshots, fields, complete: true, create: (s) => Object.assign(new Network(), s, owner(host)) }));
}

export function applyVolumes(em: EntityManager, host: DockerHost, existing: Volume[], snapshots: VolumeSnapshot[], changes: ChangeSet): void {
  const fields = ['driver', 'mountpoint', 'scope', 'labels', 'createdAt'] as const;
  changes.add(reconcile<Volume, VolumeSnapshot>({ em, existing, snapshots, fields, complete: true, create: (s) => Object.assign(new Volume(), s, owner(host)) }));
}


function owner(host: DockerHost) {
  return { accountId: host.accountId, hostId: host.id };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k] ?? null])) as Pick<T, K>;
}
