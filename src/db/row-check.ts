import type { EntityMetadata } from '@mikro-orm/core';
import { findUnstorable, isStorableDate, isStorableText } from '../common/storable';

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
    const value = values[prop.name];
    const column = prop.columnTypes?.[0] ?? '';
    if (typeof value === 'string') {
      if (!isStorableText(value)) return `${prop.name} holds characters PostgreSQL cannot store`;
      // varchar(n) counts characters; a string has at least as many UTF-16 units as characters.
      if (prop.length && value.length > prop.length && [...value].length > prop.length) return `${prop.name} is longer than ${prop.length} characters`;
    } else if (value instanceof Date) {
      if (!isStorableDate(value)) return `${prop.name} is not a date from year 1 to 9999`;
    } else if (typeof value === 'number') {
      const fits = column === 'int' ? Number.isInteger(value) && Math.abs(value) <= INT4_MAX : column === 'bigint' ? Number.isSafeInteger(value) : Number.isFinite(value);
      if (!fits) return `${prop.name} is not a number its column can hold`;
    } else if (column === 'jsonb' && value !== null && value !== undefined && findUnstorable(value)) {
      return `${prop.name} holds characters PostgreSQL cannot store`;
    }
  }
  return null;
}
