import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Page, PageArgs } from '../db/pagination';
import { InputError } from '../common/errors';
import { InventoryRepository, type HostSlice, type ListOrder } from '../inventory/inventory.repository';
import type { Container } from './container.entity';
import type { ContainerState } from './container.enums';

export interface ContainerFilter {
  hostId?: string | null;
  state?: ContainerState | null;
  /** Case-insensitive substring of the name. */
  name?: string | null;
  /** Case-insensitive substring of the image reference. */
  image?: string | null;
  /** `key` (has the label) or `key=value`. */
  label?: string | null;
}

export const CONTAINER_ORDER: ListOrder<Container> = { sortKey: 'name', sortType: 'string', direction: 'asc' };

export class ContainerRepository extends InventoryRepository<Container> {
  page(accountId: string, filter: ContainerFilter, args: PageArgs): Promise<Page<Container>> {
    return this.pageIn(accountId, containerWhere(filter), CONTAINER_ORDER, args);
  }

  slices(accountId: string, hostIds: readonly string[], filter: ContainerFilter, first?: number | null, properties?: readonly string[] | null): Promise<Map<string, HostSlice<Container>>> {
    return this.slicesByHost(accountId, hostIds, containerWhere(filter), CONTAINER_ORDER, first, properties);
  }
}

export function containerWhere(filter: ContainerFilter): FilterQuery<Container> {
  const where: FilterQuery<Container> & Record<string, unknown> = {};
  if (filter.hostId) where.hostId = filter.hostId;
  if (filter.state) where.state = filter.state;
  if (filter.name) where.name = { $ilike: like(filter.name) };
  if (filter.image) where.image = { $ilike: like(filter.image) };
  if (filter.label) {
    const [key, ...rest] = filter.label.split('=');
    if (!key) throw new InputError('filter.label', 'must be "key" or "key=value"');
    // jsonb containment and key existence both use the GIN index on labels.
    where.labels = rest.length > 0 ? { $contains: { [key]: rest.join('=') } } : { $hasKey: key };
  }
  return where;
}

export function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
