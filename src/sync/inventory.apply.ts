import type { EntityManager } from '@mikro-orm/postgresql';
import { Container } from '../containers/container.entity';
import { ContainerHealth, ContainerState } from '../containers/container.enums';
import { containerSnapshot, ContainerTopic, type ContainerStateChangePayload } from '../containers/container.topics';
import { containerTransitions, replayEvents, toldBefore, type ContainerPoint, type History } from '../containers/container.transitions';
import type { ContainerSnapshot, EngineEvent } from '../docker/docker.types';
import type { DockerHost } from '../hosts/host.entity';
import { differingFields, reconcile, type Diff, type SkippedObject } from '../inventory/inventory.diff';
import { insertRows } from '../db/native-insert';
import type { PubSub } from '../pubsub/pubsub';

/** A container the events of a batch named: what they did, the row stored after the write (null: none), the base of its messages. */
export interface ContainerTimeline {
  history: History;
  stored: Container | null;
  base: Container;
}

/** What one write to a scope's inventory changed: counted, then published after the commit. */
export class ChangeSet {
  readonly stateChanges: ContainerStateChangePayload[] = [];
  /** Objects left out because their rows cannot be stored: warned about once each, after the commit. */
  readonly skipped: SkippedObject[] = [];
  written = 0;
  healthChanged = false;
  /**
   * Containers created from a list row that knows no start or finish times (a full listing's new containers): the
   * sync reads them back in a second pass, a write of its own.
   */
  readonly undetailed: string[] = [];
  /** New rows stored by one native insert each, in the write's transaction, once the apply is done (see storeInserts). */
  private readonly inserts: Array<{ entity: string; rows: object[] }> = [];
  /** Messages of other kinds (a swarm's nodes, services, tasks), sent after the commit in the order they were added. */
  private readonly later: Array<(pubsub: PubSub) => void> = [];

  constructor(private readonly host: Pick<DockerHost, 'id' | 'accountId'>) {}

  /**
   * Containers the events named publish every step of theirs; the others (a listing, a read-back) publish the one
   * step from their stored row to the new one. Either way the last message leaves subscribers where the row is.
   */
  addContainers(diff: Diff<Container>, timelines: ReadonlyMap<string, ContainerTimeline> = new Map()): void {
    this.add(diff);
    const touched = new Map(timelines);
    for (const c of diff.created) {
      if (!touched.has(c.dockerId)) touched.set(c.dockerId, { history: toldBefore(null), stored: c, base: c });
      if (c.startedAt == null && c.state !== ContainerState.CREATED && !timelines.has(c.dockerId)) this.undetailed.push(c.dockerId);
      if (c.health !== ContainerHealth.NONE) this.healthChanged = true;
    }
    for (const { row, before } of diff.updated) {
      if (before.state !== undefined && !touched.has(row.dockerId)) touched.set(row.dockerId, { history: toldBefore(pointOf({ ...row, ...before })), stored: row, base: row });
      if (before.health !== undefined) this.healthChanged = true;
    }
    for (const c of diff.removed) {
      if (!touched.has(c.dockerId)) touched.set(c.dockerId, { history: toldBefore(pointOf(c)), stored: null, base: c });
      if (c.health !== ContainerHealth.NONE) this.healthChanged = true;
    }
    const now = new Date();
    for (const { history, stored, base } of touched.values()) {
      for (const t of containerTransitions(history, stored && pointOf(stored), now)) {
        const container = { ...containerSnapshot(base), ...t.point };
        this.stateChanges.push({ hostId: this.host.id, container, previousState: t.previousState, state: t.state, removed: t.removed, at: t.at });
      }
    }
  }

  /** The rows insertLater holds until storeInserts. */
  get pendingInserts(): readonly object[] {
    return this.inserts.flatMap((i) => i.rows);
  }

  /** New rows of `entity` to store with one multi-row insert instead of the unit of work. */
  insertLater(entity: string, rows: object[]): void {
    this.inserts.push({ entity, rows });
  }

  /**
   * Stores the rows given to insertLater, inside the write's transaction (so readers see them with the rest of the
   * write, at its commit). The values were checked like any row's (reconcile's rowProblem); the objects stay
   * unmanaged and serve the messages only.
   */
  async storeInserts(tx: EntityManager): Promise<void> {
    for (const { entity, rows } of this.inserts.splice(0)) await insertRows(tx, entity, rows);
  }

  add(diff: Diff<unknown>): void {
    this.written += diff.created.length + diff.updated.length + diff.removed.length;
    this.skipped.push(...diff.skipped);
  }

  /** Sends `message` once the write has committed. */
  publishLater(message: (pubsub: PubSub) => void): void {
    this.later.push(message);
  }

  publish(pubsub: PubSub): number {
    for (const change of this.stateChanges) pubsub.publish(ContainerTopic.StateChanged, this.host.accountId, change);
    for (const message of this.later) message(pubsub);
    return this.stateChanges.length + this.later.length;
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

function skipsOf(s: ContainerValues): Array<keyof ContainerValues & keyof Container> {
  return s.detailed ? [] : listSkips(s);
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
 * Applies container snapshots. `complete` means they are a full listing (what is missing was removed); `gone` are
 * containers an inspect answered 404 for; `events` are the batch's events per container, in stream order.
 */
export function applyContainers(options: {
  em: EntityManager;
  host: Pick<DockerHost, 'id' | 'accountId'>;
  existing: Container[];
  snapshots: ContainerSnapshot[];
  complete: boolean;
  gone?: string[];
  events?: ReadonlyMap<string, EngineEvent[]>;
  changes: ChangeSet;
}): void {
  const { em, host, complete, changes } = options;
  const byDockerId = new Map(options.existing.map((row) => [row.dockerId, row]));
  const events = options.events ?? new Map<string, EngineEvent[]>();
  // Replayed before the rows change: each from what the row told subscribers.
  const histories = new Map([...events].map(([id, list]) => [id, replayEvents(pointOrNull(byDockerId.get(id)), list)] as const));
  const values: ContainerValues[] = [];
  for (const snapshot of options.snapshots) {
    const v = containerValues(snapshot);
    if (v.state !== ContainerState.REMOVING) {
      values.push(v);
      continue;
    }
    // Docker's REMOVING only ever precedes the removal, and the removal is what subscribers are told (by the destroy
    // event, or by the next listing): the row keeps the state it had. One never seen before is not worth a row.
    const kept = histories.get(v.dockerId)?.last ?? pointOrNull(byDockerId.get(v.dockerId));
    if (kept) values.push({ ...v, ...kept });
  }
  const deleted: Container[] = [];
  for (const id of options.gone ?? []) {
    const history = histories.get(id);
    const row = byDockerId.get(id);
    if (history && !history.destroyed) {
      // Gone before its inspect, with its destroy event still on the way: it stays where its events left it (from
      // their attributes when it was never stored) until the destroy, or the next listing, removes it.
      if (history.last) values.push({ ...(row ? rowValues(row) : eventValues(id, events.get(id)!)), ...history.last });
    } else if (row) {
      em.remove(row);
      deleted.push(row);
    }
  }
  const diff = reconcile<Container, ContainerValues>({
    em,
    existing: options.existing,
    snapshots: values,
    fields: CONTAINER_FIELDS,
    complete,
    skip: skipsOf,
    create: (s) => toRow(host, s),
    insert: (rows) => changes.insertLater('Container', rows),
  });
  diff.removed.push(...deleted);
  const created = new Map(diff.created.map((c) => [c.dockerId, c]));
  const timelines = new Map<string, ContainerTimeline>();
  for (const [id, history] of histories) {
    const prior = byDockerId.get(id);
    const stored = created.get(id) ?? (prior && !deleted.includes(prior) ? prior : null);
    // Created and destroyed between two inspects: its messages are made from its events alone.
    timelines.set(id, { history, stored, base: stored ?? prior ?? toRow(host, eventValues(id, events.get(id)!)) });
  }
  changes.addContainers(diff, timelines);
}

/**
 * Whether a full listing's snapshot would leave this stored row as it is (what applyContainers would write for it: no
 * field). A REMOVING snapshot is never unchanged: applyContainers decides what it keeps.
 */
export function containerUnchanged(row: Pick<Container, (typeof CONTAINER_FIELDS)[number]>, snapshot: ContainerSnapshot): boolean {
  const values = containerValues(snapshot);
  if (values.state === ContainerState.REMOVING) return false;
  return differingFields(row as Container, values, CONTAINER_FIELDS, skipsOf).length === 0;
}

function toRow(host: Pick<DockerHost, 'id' | 'accountId'>, s: ContainerValues): Container {
  const row = new Container();
  // Field by field: a cold sync makes 500 of these, and the intermediate objects of a pick + spread were GC's work.
  for (const field of CONTAINER_FIELDS) (row as unknown as Record<string, unknown>)[field] = s[field] ?? null;
  row.dockerId = s.dockerId;
  row.accountId = host.accountId;
  row.hostId = host.id;
  return row;
}

function pointOf(row: Pick<Container, 'state' | 'exitCode' | 'startedAt' | 'finishedAt'>): ContainerPoint {
  return { state: row.state, exitCode: row.exitCode ?? null, startedAt: row.startedAt ?? null, finishedAt: row.finishedAt ?? null };
}

function pointOrNull(row: Container | undefined): ContainerPoint | null {
  return row ? pointOf(row) : null;
}

function rowValues(row: Container): ContainerValues {
  return { ...(pick(row, CONTAINER_FIELDS) as unknown as ContainerValues), dockerId: row.dockerId, detailed: true };
}

/** A container known only from its events: Docker puts its name, image and labels in their attributes. */
function eventValues(dockerId: string, events: EngineEvent[]): ContainerValues {
  const create = events.find((e) => e.action === 'create');
  const { name = '', image = '', ...labels } = (create ?? events[0]!).attributes;
  const createdMs = Number(BigInt((create ?? events[0]!).timeNano) / 1_000_000_000n) * 1000; // seconds, as listings have it
  return {
    dockerId, name, image, imageId: null, command: null, state: ContainerState.CREATED, health: ContainerHealth.NONE, exitCode: null,
    labels: create ? labels : {}, ports: [], mounts: [], networks: [], createdAt: new Date(createdMs), startedAt: null, finishedAt: null, detailed: true,
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k] ?? null])) as Pick<T, K>;
}
