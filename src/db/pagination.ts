import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { InputError } from '../common/errors';
import { isId } from '../common/ids';
import { isStorableDate, isStorableText } from '../common/storable';
import { findPlain } from './plain-rows';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  /**
   * The caller will read totalCount (a GraphQL selection naming it): the COUNT runs beside the page query, on a
   * second connection, instead of after it, so the answer waits for the slower of the two rather than their sum.
   */
  counted?: boolean;
  /**
   * The stored properties the caller reads from a plain page (a GraphQL selection): only their columns are read, with
   * the sort key and id for the cursor. All when absent or null.
   */
  properties?: readonly string[] | null;
}

export interface Page<T> {
  nodes: T[];
  /** Counted only when read (a client that does not select totalCount costs no COUNT query). */
  readonly totalCount: number | Promise<number>;
  hasNextPage: boolean;
  cursorOf(node: T): string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

type SortValue = string | Date;

/**
 * Keyset pagination over (sortKey, id): stable under inserts, no OFFSET scans. The cursor is opaque to clients
 * (base64url JSON of the last row's sort value and id); a cursor that does not decode is BAD_USER_INPUT.
 */
export async function findPage<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  options: {
    where: FilterQuery<T>;
    sortKey: keyof T & string;
    sortType: 'string' | 'date';
    direction: 'asc' | 'desc';
    args: PageArgs;
    /** Read-only plain rows (see plainMapper), for pages that are only answered: no entities, nothing to flush. */
    plain?: boolean;
  },
): Promise<Page<T>> {
  const { where, sortKey, direction, args } = options;
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InputError('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const op = direction === 'asc' ? '$gt' : '$lt';
  let pageWhere = where;
  if (args.after) {
    const [value, id] = decodeCursor(args.after, options.sortType);
    const after = { $or: [{ [sortKey]: { [op]: value } }, { [sortKey]: value, id: { [op]: id } }] };
    pageWhere = { $and: [where, after] } as FilterQuery<T>;
  }
  const orderBy = { [sortKey]: direction, id: direction } as never;
  let counted: Promise<number> | undefined = args.counted ? em.count(entity, where) : undefined;
  // A failed page must not leave the count's rejection unhandled (it is awaited only once the page is read).
  counted?.catch(() => undefined);
  const rows = options.plain
    ? await findPlain<T>(em as SqlEntityManager, typeof entity === 'string' ? entity : (entity as { name: string }).name, pageWhere, { orderBy, limit: first + 1, properties: args.properties && [...args.properties, sortKey, 'id'] })
    : await em.find(entity, pageWhere, { orderBy, limit: first + 1 });
  return {
    nodes: rows.slice(0, first),
    get totalCount() {
      return (counted ??= em.count(entity, where));
    },
    hasNextPage: rows.length > first,
    cursorOf: (node) => encodeCursor(node[sortKey] as SortValue, node.id),
  };
}

/** A page from rows fetched some other way (a per-host slice), with the same cursors `findPage` accepts. */
export function pageOf<T extends { id: string }>(nodes: T[], totalCount: number, sortKey: keyof T & string): Page<T> {
  return { nodes, totalCount, hasNextPage: totalCount > nodes.length, cursorOf: (node) => encodeCursor(node[sortKey] as SortValue, node.id) };
}

function encodeCursor(value: SortValue, id: string): string {
  const tagged = value instanceof Date ? ['d', value.toISOString(), id] : ['s', value, id];
  return Buffer.from(JSON.stringify(tagged)).toString('base64url');
}

/** Far more than any cursor this server writes (a sort value of at most 256 characters, and an id). */
const MAX_CURSOR_LENGTH = 4096;

/**
 * Only a cursor this server could have written decodes: the right kind of sort value (text PostgreSQL can hold, or a
 * date it can store) and a real id. Anything else would reach SQL.
 */
function decodeCursor(cursor: string, sortType: 'string' | 'date'): [SortValue, string] {
  try {
    const [tag, value, id] = (cursor.length <= MAX_CURSOR_LENGTH ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : []) as unknown[];
    if (typeof value === 'string' && typeof id === 'string' && isId(id)) {
      if (sortType === 'string' && tag === 's' && isStorableText(value)) return [value, id];
      const date = new Date(value);
      if (sortType === 'date' && tag === 'd' && isStorableDate(date)) return [date, id];
    }
  } catch {
    // fall through to the input error below
  }
  throw new InputError('after', 'is not a valid cursor');
}
