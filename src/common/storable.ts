import { InputError } from './errors';

/*
 * What PostgreSQL can hold, for text coming in through the API and for whatever a Docker daemon reports. text refuses
 * NUL (U+0000), and jsonb refuses `\u0000`; a lone UTF-16 surrogate becomes `\udXXX` in JSON.stringify, which jsonb
 * refuses too (and text would turn into U+FFFD silently). Keys count as much as values: a label key is a jsonb key.
 */

/** The form timestamps reach PostgreSQL in (ISO 8601) has four-digit years only, and year 0 does not exist there. */
const MIN_TIME = new Date('0001-01-01T00:00:00.000Z').getTime();
const MAX_TIME = new Date('9999-12-31T23:59:59.999Z').getTime();

/** NUL, or a surrogate without its pair (matched on UTF-16 code units: no `u` flag). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** NUL and lone surrogates become U+FFFD (the replacement character), the rest stays as it was. */
export function storableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE_ALL, '\ufffd');
}

export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return time >= MIN_TIME && time <= MAX_TIME;
}

/**
 * A copy of plain data (objects, arrays, strings, keys) with every string made storable; the same object when nothing
 * needed it (the common case costs no allocation). Anything that is not plain data (Dates, Buffers, streams) is kept.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  // The common case (nothing to replace) is proven without building a copy first: a sync maps thousands of objects.
  if (isStorable(value)) return value;
  if (Array.isArray(value)) {
    const items = value.map(storable);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (!isPlainObject(value)) return value;
  let changed = false;
  const entries = Object.entries(value).map(([key, item]) => {
    const entry = [storableText(key), storable(item)] as const;
    changed ||= entry[0] !== key || entry[1] !== item;
    return entry;
  });
  return (changed ? Object.fromEntries(entries) : value) as T;
}

/** Whether every string, key and date in `value` can be stored: findUnstorable's verdict without building paths. */
export function isStorable(value: unknown): boolean {
  if (typeof value === 'string') return !UNSTORABLE.test(value);
  if (typeof value !== 'object' || value === null) return true;
  if (value instanceof Date) return isStorableDate(value);
  if (Array.isArray(value)) {
    for (const item of value) if (!isStorable(item)) return false;
    return true;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (UNSTORABLE.test(key) || !isStorable((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * The first place in an input where something cannot be stored, as a field path (`input.labels.foo`,
 * `input.command[1]`) and what is wrong there; null when all of it can be. Dates must fall in PostgreSQL's range.
 */
export function findUnstorable(value: unknown, path = ''): { field: string; problem: string } | null {
  if (typeof value === 'string') return isStorableText(value) ? null : { field: path, problem: 'must not contain NUL characters or unpaired UTF-16 surrogates' };
  if (value instanceof Date) return isStorableDate(value) ? null : { field: path, problem: 'must be a date from year 1 to 9999' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${storableText(key)}` : storableText(key);
    if (!isStorableText(key)) return { field, problem: 'has a key with NUL characters or unpaired UTF-16 surrogates' };
    const found = findUnstorable(item, field);
    if (found) return found;
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Input from any door (GraphQL arguments, a REST body): the first unstorable value is BAD_USER_INPUT naming its path. */
export function refuseUnstorable(input: Record<string, unknown>): void {
  const found = findUnstorable(input);
  if (found) throw new InputError(found.field, found.problem);
}
