import type { EntityMetadata } from '@mikro-orm/core';
import { isStorable, isStorableDate, isStorableText, storableText } from '../common/storable';

const INT4_MAX = 2 ** 31 - 1;

/**
 * Why the table would refuse this row, asked before it is written (one refused row fails its whole transaction):
 * text PostgreSQL cannot hold or longer than its varchar, a date it cannot store, a number its column cannot, JSON
 * with unstorable text. Null when the row fits. Read from the entity's own metadata, so a new kind needs nothing here.
 */
export function rowProblem(meta: EntityMetadata, row: object): string | null {
  const values = row as Record<string, unknown>;
  for (const prop of meta.props) {
    if (prop.kind !== 'scalar' || prop.persist === false) continue;
    const problem = valueProblem(prop, values[prop.name]);
    if (problem) return `${prop.name} ${problem}`;
  }
  return null;
}

/**
 * The values made to fit their columns where that keeps their meaning (a host's own description of itself): text
 * made storable and cut to its varchar, a number or date the column cannot hold left unknown (null). For columns
 * that may be null only; rows whose identity is at stake are checked with rowProblem and skipped instead.
 */
export function fitted<T extends object>(meta: EntityMetadata, values: T): T {
  const copy = { ...values } as Record<string, unknown>;
  for (const prop of meta.props) {
    if (!(prop.name in copy) || !prop.nullable) continue;
    const value = copy[prop.name];
    if (typeof value === 'string') copy[prop.name] = prop.length ? [...storableText(value)].slice(0, prop.length).join('') : storableText(value);
    else if (valueProblem(prop, value)) copy[prop.name] = null;
  }
  return copy as T;
}

function valueProblem(prop: EntityMetadata['props'][number], value: unknown): string | null {
  const column = prop.columnTypes?.[0] ?? '';
  if (typeof value === 'string') {
    if (!isStorableText(value)) return 'holds characters PostgreSQL cannot store';
    // varchar(n) counts characters; a string has at least as many UTF-16 units as characters.
    if (prop.length && value.length > prop.length && [...value].length > prop.length) return `is longer than ${prop.length} characters`;
  } else if (value instanceof Date) {
    if (!isStorableDate(value)) return 'is not a date from year 1 to 9999';
  } else if (typeof value === 'number') {
    const fits = column === 'int' ? Number.isInteger(value) && Math.abs(value) <= INT4_MAX : column === 'bigint' ? Number.isSafeInteger(value) : Number.isFinite(value);
    if (!fits) return 'is not a number its column can hold';
  } else if (column === 'jsonb' && value !== null && value !== undefined && !isStorable(value)) {
    return 'holds characters PostgreSQL cannot store';
  }
  return null;
}
