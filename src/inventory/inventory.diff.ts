import type { EntityManager, EntityMetadata } from '@mikro-orm/postgresql';
import { rowProblem } from '../db/row-check';
import type { SyncedRow } from './inventory.entity';

/** An object Docker reported that its table cannot hold: left out of this write (its stored row, if any, stays). */
export interface SkippedObject {
  kind: string;
  dockerId: string;
  problem: string;
}

export interface Diff<T> {
  created: T[];
  /** Each with the values it had before, for the fields that changed. */
  updated: Array<{ row: T; before: Partial<T> }>;
  removed: T[];
  skipped: SkippedObject[];
}

/**
 * Brings one host's stored rows of a kind in line with what Docker reported: creates what is new, updates only the
 * fields that really differ, removes what vanished (when `complete`, i.e. the snapshots are a full listing). An
 * unchanged object is not touched, so MikroORM writes nothing for it. An object whose row its table would refuse
 * (see rowProblem) is skipped, not written: one odd object must not fail the write of all the others.
 */
export function reconcile<T extends SyncedRow, S extends { dockerId: string }>(options: {
  em: EntityManager;
  existing: readonly T[];
  snapshots: readonly S[];
  fields: ReadonlyArray<keyof S & keyof T>;
  create(snapshot: S): T;
  complete: boolean;
  /** Per snapshot, fields to leave alone (a list row knows no start/finish times). */
  skip?(snapshot: S): ReadonlyArray<keyof S & keyof T>;
  /**
   * Where new rows go instead of the unit of work: a caller that stores them with one native multi-row insert (a cold
   * listing makes hundreds, and MikroORM's change sets for each were most of the sync).
   */
  insert?(rows: T[]): void;
}): Diff<T> {
  const { em, existing, snapshots, fields } = options;
  const byDockerId = new Map(existing.map((row) => [row.dockerId, row]));
  const diff: Diff<T> = { created: [], updated: [], removed: [], skipped: [] };
  const now = new Date();
  let meta: EntityMetadata | undefined;
  for (const snapshot of snapshots) {
    const row = byDockerId.get(snapshot.dockerId);
    byDockerId.delete(snapshot.dockerId);
    // Snapshot fields carry the entity's property names: the values are checked as they would be written.
    meta ??= em.getMetadata().get(options.create(snapshot).constructor.name);
    const problem = rowProblem(meta, snapshot);
    if (problem) {
      diff.skipped.push({ kind: meta.className.toLowerCase(), dockerId: snapshot.dockerId, problem });
      continue;
    }
    if (!row) {
      const created = options.create(snapshot);
      if (!options.insert) em.persist(created);
      diff.created.push(created);
      continue;
    }
    const before: Partial<T> = {};
    for (const field of differingFields(row, snapshot, fields, options.skip)) {
      before[field] = row[field];
      row[field] = snapshot[field] as unknown as T[typeof field];
    }
    if (Object.keys(before).length > 0) {
      row.updatedAt = now;
      diff.updated.push({ row, before });
    }
  }
  if (options.insert && diff.created.length > 0) options.insert(diff.created);
  if (options.complete) {
    for (const row of byDockerId.values()) {
      em.remove(row);
      diff.removed.push(row);
    }
  }
  return diff;
}

/** The fields whose stored value differs from the snapshot's, less those `skip` leaves alone: what reconcile writes. */
export function differingFields<T, S>(row: T, snapshot: S, fields: ReadonlyArray<keyof S & keyof T>, skip?: (snapshot: S) => ReadonlyArray<keyof S & keyof T>): Array<keyof S & keyof T> {
  const skipped = skip ? new Set(skip(snapshot)) : null;
  return fields.filter((field) => !skipped?.has(field) && !sameValue(row[field], snapshot[field]));
}

/** Value equality that survives a round trip through jsonb (which reorders object keys) and timestamptz. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);
  }
  // Most compared JSON values are equal (a warm sync compares 500 containers' labels, ports, mounts, networks): a
  // structural walk says so without serialising; only what it cannot prove equal is compared canonically, as before.
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return plainEqual(a, b) || canonical(a) === canonical(b);
  return (a ?? null) === (b ?? null);
}

/** Equal plain JSON (objects in any key order, arrays, primitives); false for anything else, e.g. a Date inside. */
function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => plainEqual(v, b[i]));
  const isPlain = (v: object) => Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  // JSON.stringify drops undefined members: such a key is not a difference there either, so it is left to canonical.
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] !== undefined && Object.hasOwn(y, k) && plainEqual(x[k], y[k]));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
