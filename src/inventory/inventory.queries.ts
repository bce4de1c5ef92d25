import type { MikroORM } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../common/errors';
import { Container } from '../containers/container.entity';
import type { ContainerFilter, ContainerRepository } from '../containers/container.repository';
import type { Page, PageArgs } from '../db/pagination';
import { DockerEvent } from '../events/event.entity';
import type { DockerEventFilter, EventRepository } from '../events/event.repository';
import { Image } from '../images/image.entity';
import { Network } from '../networks/network.entity';
import { Volume } from '../volumes/volume.entity';
import type { InventoryObject } from './inventory.entity';
import type { HostSlice, InventoryRepository, ListOrder } from './inventory.repository';

export type InventoryKind = 'images' | 'networks' | 'volumes';

/** Simple listings share one filter: the host. */
export interface HostScopedFilter {
  hostId?: string | null;
  /** Any of these hosts (none: nothing). */
  hostIds?: readonly string[] | null;
}

const KINDS = {
  images: { entity: Image, order: { sortKey: 'createdAt', sortType: 'date', direction: 'desc' } as ListOrder<Image> },
  networks: { entity: Network, order: { sortKey: 'name', sortType: 'string', direction: 'asc' } as ListOrder<Network> },
  volumes: { entity: Volume, order: { sortKey: 'dockerId', sortType: 'string', direction: 'asc' } as ListOrder<Volume> },
} as const;

/**
 * The read side of the synced inventory for resolvers and loaders. Every query is scoped to the caller's account;
 * another account's object is NOT_FOUND, like a missing one.
 */
export class InventoryQueries {
  constructor(private readonly orm: MikroORM) {}

  async container(principal: Principal, id: string): Promise<Container> {
    const found = await this.containers().findOneInAccount(principal.accountId, id);
    if (!found) throw new NotFoundError('Container', id);
    return found;
  }

  /** The workload policy's check that a container another workload joins is the caller's. */
  async holdsContainer(principal: Principal, hostId: string, dockerId: string): Promise<boolean> {
    return (await this.containers().count({ accountId: principal.accountId, hostId, dockerId })) > 0;
  }

  containerPage(principal: Principal, filter: ContainerFilter, args: PageArgs): Promise<Page<Container>> {
    return this.containers().page(principal.accountId, filter, args);
  }

  containerSlices(principal: Principal, hostIds: readonly string[], filter: ContainerFilter, first?: number | null, properties?: readonly string[] | null): Promise<Map<string, HostSlice<Container>>> {
    return this.containers().slices(principal.accountId, hostIds, filter, first, properties);
  }

  page(principal: Principal, kind: InventoryKind, filter: HostScopedFilter, args: PageArgs): Promise<Page<InventoryObject>> {
    const { order } = KINDS[kind];
    const repo = this.repo(kind);
    const where = filter.hostIds ? { hostId: { $in: [...filter.hostIds] } } : filter.hostId ? { hostId: filter.hostId } : {};
    return repo.pageIn(principal.accountId, where as FilterQuery<InventoryObject>, order as ListOrder<InventoryObject>, args);
  }

  slices(principal: Principal, kind: InventoryKind, hostIds: readonly string[], first?: number | null): Promise<Map<string, HostSlice<InventoryObject>>> {
    const { order } = KINDS[kind];
    const repo = this.repo(kind);
    return repo.slicesByHost(principal.accountId, hostIds, {}, order as ListOrder<InventoryObject>, first);
  }

  events(principal: Principal, filter: DockerEventFilter, args: PageArgs): Promise<Page<DockerEvent>> {
    return (this.orm.em.fork().getRepository(DockerEvent) as EventRepository).page(principal.accountId, filter, args);
  }

  private repo(kind: InventoryKind): InventoryRepository<InventoryObject> {
    return this.orm.em.fork().getRepository(KINDS[kind].entity) as unknown as InventoryRepository<InventoryObject>;
  }

  private containers(): ContainerRepository {
    return this.orm.em.fork().getRepository(Container);
  }
}
