/** One difference between two specs: a dotted path (`TaskTemplate.ContainerSpec.Image`) and both values. */
export interface SpecDifference {
  path: string;
  from: unknown;
  to: unknown;
}

const empty = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(empty));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The leaves where two Engine specs differ, treating absent, null and empty as the same "not set" (as sameSpec does).
 * Objects are walked key by key; lists are compared whole (a changed list of mounts is one difference, not twenty).
 */
export function specDifferences(from: unknown, to: unknown, options: { ignore?: (path: string) => boolean; defaults?: Readonly<Record<string, unknown>> } = {}, path = ''): SpecDifference[] {
  if (options.ignore?.(path)) return [];
  // A value the Engine fills in when none is sent reads as "not set".
  const unset = (v: unknown) => empty(v) || (path in (options.defaults ?? {}) && JSON.stringify(options.defaults![path]) === JSON.stringify(v));
  if (unset(from) && unset(to)) return [];
  if ((isObject(from) || from === undefined) && (isObject(to) || to === undefined)) {
    const a = (from ?? {}) as Record<string, unknown>;
    const b = (to ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => specDifferences(a[key], b[key], options, path ? `${path}.${key}` : key));
  }
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ path, from: from ?? null, to: to ?? null }];
}
