import type {
  PageClusterFragment,
  PageContainerFragment,
  PageDeploymentFragment,
  PageHostFragment,
  PageInstanceFragment,
  PageNodeFragment,
  PageServiceFragment,
} from '../generated/graphql';

/** Everything the page shows, by kind and id. A live message replaces one row; a snapshot replaces a kind. */
export interface Fleet {
  hosts: ReadonlyMap<string, PageHostFragment>;
  containers: ReadonlyMap<string, PageContainerFragment>;
  clusters: ReadonlyMap<string, PageClusterFragment>;
  nodes: ReadonlyMap<string, PageNodeFragment>;
  services: ReadonlyMap<string, PageServiceFragment>;
  deployments: ReadonlyMap<string, PageDeploymentFragment>;
  instances: ReadonlyMap<string, PageInstanceFragment>;
}

export type Kind = keyof Fleet;
type Row<K extends Kind> = Fleet[K] extends ReadonlyMap<string, infer T> ? T : never;

/** One change to the fleet: whole kinds replaced, rows upserted, rows removed (in that order). */
export interface Change {
  replace?: { [K in Kind]?: Row<K>[] };
  upsert?: { [K in Kind]?: Row<K>[] };
  remove?: { [K in Kind]?: string[] };
}

export const emptyFleet: Fleet = {
  hosts: new Map(),
  containers: new Map(),
  clusters: new Map(),
  nodes: new Map(),
  services: new Map(),
  deployments: new Map(),
  instances: new Map(),
};

export function applyChange(fleet: Fleet, change: Change): Fleet {
  const next: Record<string, Map<string, { id: string }>> = {};
  const writable = (kind: Kind) => (next[kind] ??= new Map(fleet[kind] as ReadonlyMap<string, { id: string }>));
  for (const [kind, rows] of Object.entries(change.replace ?? {}) as [Kind, { id: string }[]][]) {
    next[kind] = new Map(rows.map((row) => [row.id, row]));
  }
  for (const [kind, rows] of Object.entries(change.upsert ?? {}) as [Kind, { id: string }[]][]) {
    const map = writable(kind);
    for (const row of rows) map.set(row.id, row);
  }
  for (const [kind, ids] of Object.entries(change.remove ?? {}) as [Kind, string[]][]) {
    const map = writable(kind);
    for (const id of ids) map.delete(id);
  }
  return { ...fleet, ...next } as Fleet;
}

/**
 * A snapshot and the live feeds that keep it fresh, without a gap: the feeds start first and their changes wait
 * until the snapshot is in, then follow it in arrival order (each message is an object's whole state, so the last
 * one wins even when the snapshot was read after some of them).
 */
export function snapshotThenLive(apply: (change: Change) => void): { live(change: Change): void; snapshot(change: Change): void } {
  let waiting: Change[] | null = [];
  return {
    live: (change) => (waiting ? waiting.push(change) : apply(change)),
    snapshot: (change) => {
      apply(change);
      for (const queued of waiting ?? []) apply(queued);
      waiting = null;
    },
  };
}

export function byName<T extends { name: string }>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => a.name.localeCompare(b.name));
}
