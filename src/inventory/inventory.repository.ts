import { EntityRepository, raw, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';
import { isId } from '../common/ids';
import { findPage, type Page, type PageArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../db/pagination';
import { columnsOf, plainMapper } from '../db/plain-rows';
import { InputError } from '../common/errors';
import type { InventoryObject } from './inventory.entity';

/** How a kind of inventory object is listed: the sort that keyset cursors follow. */
export interface ListOrder<T> {
  sortKey: keyof T & string;
  sortType: 'string' | 'date';
  direction: 'asc' | 'desc';
}

/** A page of one host's objects, as a nested `DockerHost.containers(first)` connection needs it. */
export interface HostSlice<T> {
  nodes: T[];
  totalCount: number;
}

/**
 * Queries shared by containers, images, networks and volumes. Every read is scoped by account; a foreign id behaves
 * exactly like a missing one.
 */
export class InventoryRepository<T extends InventoryObject> extends EntityRepository<T> {
  async findOneInAccount(accountId: string, id: string): Promise<T | null> {
    return isId(id) ? this.findOne({ id, accountId } as FilterQuery<T>) : null;
  }

  pageIn(accountId: string, where: FilterQuery<T>, order: ListOrder<T>, args: PageArgs): Promise<Page<T>> {
    return findPage(this.em, this.entityName as EntityName<T>, { where: { $and: [{ accountId }, where] } as FilterQuery<T>, ...order, args });
  }

  /**
   * The first `first` objects of each of many hosts and each host's total, in one statement whatever the number of
   * hosts (window functions): what keeps nested fleet reads at a constant query count.
   */
  slicesByHost(
    accountId: string,
    hostIds: readonly string[],
    where: FilterQuery<T>,
    order: ListOrder<T>,
    first: number | null | undefined,
    /** Properties to read (the rest stay undefined); all when absent or when one is not a column. */
    properties?: readonly string[] | null,
  ): Promise<Map<string, HostSlice<T>>> {
    return ownerSlices<T>(this.em, this.entityName as string, { accountId, owner: 'hostId', ownerIds: hostIds, where, order, first, properties });
  }
}

/**
 * The first `first` rows of each of many owners (hosts, clusters) and each owner's total, in one statement whatever the
 * number of owners (window functions): what keeps nested fleet reads at a constant query count.
 */
export async function ownerSlices<T>(
  em: EntityManager,
  entityName: string,
  options: {
    accountId: string;
    owner: string;
    ownerIds: readonly string[];
    where: FilterQuery<T>;
    order: ListOrder<T>;
    first: number | null | undefined;
    properties?: readonly string[] | null;
    /**
     * The row's scope the owner id is unique within only (a service's Docker id is unique within its cluster, and one
     * swarm may be registered twice): ownerIds are then `${scope id}/${owner id}` keys, and the slices are per pair.
     */
    within?: string;
  },
): Promise<Map<string, HostSlice<T>>> {
  const { accountId, owner, ownerIds, where, order, first, properties, within } = options;
  const pairs = within ? ownerIds.map(splitScoped).filter(([scopeId]) => isId(scopeId)) : [];
  const ids = within ? [...new Set(pairs.map(([, id]) => id))] : ownerIds.filter(isId);
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) throw new InputError('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  // With a scope, the pairs' cross product is read (exact pairs would need row-value IN); keys not asked for are dropped.
  const scopeFilter = within ? { [within]: { $in: [...new Set(pairs.map(([scopeId]) => scopeId))] } } : {};
  const scoped = { $and: [{ accountId, ...scopeFilter, [owner]: { $in: ids } }, where] } as FilterQuery<T>;
  const meta = em.getMetadata().get(entityName);
  const column = meta.properties[order.sortKey as string]!.fieldNames[0]!;
  const ownerColumn = meta.properties[owner]!.fieldNames[0]!;
  const scopeColumn = within ? meta.properties[within]!.fieldNames[0]! : null;
  const partition = scopeColumn ? `o.${scopeColumn}, o.${ownerColumn}` : `o.${ownerColumn}`;
  const keyOf = (row: Record<string, unknown>) => (scopeColumn ? `${String(row[scopeColumn])}/${String(row[ownerColumn])}` : String(row[ownerColumn]));
  const dir = order.direction;
  const columns = properties ? columnsOf(meta as never, ['id', owner, order.sortKey, ...(within ? [within] : []), ...properties]) : null;
  // One statement: the window gives each row its rank and its owner's total, so rows and totals come from one
  // snapshot and one scan (a grouped count beside it was a second scan and round trip). Both over the same window,
  // framed as the whole partition: PostgreSQL then computes them in one pass (two window definitions cost a second
  // WindowAgg, ~25% of the statement for B1's 1,250 rows). With `first: 0` the first row of each owner is still read,
  // for its total, and not returned.
  const window = `(partition by ${partition} order by o.${column} ${dir}, o.id ${dir} rows between unbounded preceding and unbounded following)`;
  const ranked = em
    .createQueryBuilder(entityName, 'o')
    .select([
      ...(columns ? columns.map((c) => `o.${c}`) : ['o.*']),
      raw(`row_number() over ${window} as inventory_rank`),
      raw(`count(*) over ${window}::int as inventory_total`),
    ])
    .where(scoped)
    .getKnexQuery();
  const knex = em.getKnex();
  const rows = (await em.getConnection().execute(knex.select('*').from(ranked.as('ranked')).where('inventory_rank', '<=', Math.max(limit, 1)).orderBy('inventory_rank'))) as Array<Record<string, unknown>>;
  const slices = new Map<string, HostSlice<T>>();
  for (const id of ownerIds) slices.set(id, { nodes: [], totalCount: 0 });
  const toPlain = plainMapper<T>(meta as never, columns);
  for (const row of rows) {
    const slice = slices.get(keyOf(row));
    if (!slice) continue;
    slice.totalCount = Number(row.inventory_total);
    if (Number(row.inventory_rank) <= limit) slice.nodes.push(toPlain(row));
  }
  return slices;
}

/** `${scope id}/${owner id}` -> [scope id, owner id] (neither our uuids nor Docker's ids contain a slash). */
function splitScoped(key: string): [string, string] {
  const at = key.indexOf('/');
  return at < 0 ? ['', key] : [key.slice(0, at), key.slice(at + 1)];
}

