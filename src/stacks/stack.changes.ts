/** What a deploy or a removal did to each object of the stack, in the order it was done. */

export enum StackObjectKind {
  NETWORK = 'NETWORK',
  SECRET = 'SECRET',
  CONFIG = 'CONFIG',
  SERVICE = 'SERVICE',
}

export enum StackChangeAction {
  CREATED = 'CREATED',
  /** Its spec changed (a service: swarm rolls its tasks; a secret or config: its labels). */
  UPDATED = 'UPDATED',
  /** Written as docker stack deploy does, and Docker holds the same spec as before: no task restarted. */
  UNCHANGED = 'UNCHANGED',
  REMOVED = 'REMOVED',
}

export interface StackChange {
  kind: StackObjectKind;
  name: string;
  action: StackChangeAction;
  /** Docker's id of the object. */
  dockerId: string | null;
}

/** Deep equality of two JSON values where an absent key, null and an empty object or list all mean "not set". */
export function sameSpec(a: unknown, b: unknown): boolean {
  const empty = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => empty((v as Record<string, unknown>)[k])));
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameSpec(item, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameSpec((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}
