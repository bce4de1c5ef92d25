import { UniqueConstraintViolationException, type EntityClass, type EntityManager, type FilterQuery, type MikroORM } from '@mikro-orm/postgresql';
import { isId } from '../common/ids';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import { DockerHost } from './host.entity';
import type { HostEnvironment, HostStatus } from './host.enums';

export interface HostFilter {
  status?: HostStatus | null;
  environment?: HostEnvironment | null;
  /** Case-insensitive substring of the name or the endpoint. */
  search?: string | null;
}

/** What hosts and swarm clusters share as rows: a named, registered endpoint with sealed credentials. */
export interface EndpointScopeRow {
  id: string;
  accountId: string;
  name: string;
  apiEndpoint: string;
  status: HostStatus;
  environment: HostEnvironment;
  encryptedTlsCredentials?: string | null;
}

/**
 * The hosts the HostManager works on (and the clusters the ClusterManager does). Every query is scoped by account:
 * another account's row is indistinguishable from a missing one. A row read or inserted here is a unit of work:
 * `save` writes only what changed on it since.
 */
export interface ScopeRowStore<T extends EndpointScopeRow> {
  findInAccount(accountId: string, id: string): Promise<T | null>;
  findManyInAccount(accountId: string, ids: readonly string[]): Promise<T[]>;
  page(accountId: string, filter: HostFilter, args: PageArgs): Promise<Page<T>>;
  nameTaken(accountId: string, name: string, exceptId?: string): Promise<boolean>;
  /** Both false when another row of the account holds the name (two writers racing past `nameTaken`). */
  insert(row: T): Promise<boolean>;
  save(row: T): Promise<boolean>;
  remove(row: T): Promise<void>;
  /** Rows whose stored credentials were sealed with a key other than the active one. */
  findSealedWithOtherKey(activeKeyId: string): Promise<T[]>;
  /** Replaces the sealed credentials only if the row still holds `expected`; false when a user changed them meanwhile. */
  replaceSealed(id: string, expected: string, sealed: string): Promise<boolean>;
}

export type HostStore = ScopeRowStore<DockerHost> & {
  /** Hosts whose engine is one of these swarm nodes (by the node id their /info reports). */
  findBySwarmNodes(accountId: string, nodeIds: readonly string[]): Promise<DockerHost[]>;
};

/**
 * One EntityManager fork per row read, kept with the row (weakly) so `save` flushes the changes of that unit of
 * work only: the columns a concurrent sync writes stay as the sync wrote them.
 */
export class ScopeRowRepository<T extends EndpointScopeRow> implements ScopeRowStore<T> {
  private readonly units = new WeakMap<T, EntityManager>();

  constructor(private readonly orm: MikroORM, private readonly entity: EntityClass<T>) {}

  async findInAccount(accountId: string, id: string): Promise<T | null> {
    if (!isId(id)) return null;
    const em = this.orm.em.fork();
    const host = await em.findOne(this.entity, { id, accountId } as FilterQuery<T>);
    if (host) this.units.set(host, em);
    return host;
  }

  findManyInAccount(accountId: string, ids: readonly string[]): Promise<T[]> {
    return this.orm.em.fork().find(this.entity, { accountId, id: { $in: ids.filter(isId) } } as FilterQuery<T>);
  }

  page(accountId: string, filter: HostFilter, args: PageArgs): Promise<Page<T>> {
    const where: Record<string, unknown> = { accountId };
    if (filter.status) where.status = filter.status;
    if (filter.environment) where.environment = filter.environment;
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { apiEndpoint: { $ilike: pattern } }];
    }
    // Only answered (GraphQL and REST lists): plain rows, as nested reads have them (50 hosts as entities cost more
    // than the statement). Changes go through findInAccount, which tracks the entity it returns.
    return findPage(this.orm.em.fork(), this.entity, { where: where as FilterQuery<T>, sortKey: 'name', sortType: 'string', direction: 'asc', args, plain: true });
  }

  async nameTaken(accountId: string, name: string, exceptId?: string): Promise<boolean> {
    const where: Record<string, unknown> = { accountId, name };
    if (exceptId) where.id = { $ne: exceptId };
    return (await this.orm.em.fork().count(this.entity, where as FilterQuery<T>)) > 0;
  }

  async insert(host: T): Promise<boolean> {
    const em = this.orm.em.fork();
    this.units.set(host, em.persist(host));
    return this.flush(em);
  }

  save(host: T): Promise<boolean> {
    return this.flush(this.unitOf(host));
  }

  async remove(host: T): Promise<void> {
    await this.unitOf(host).remove(host).flush();
  }

  findSealedWithOtherKey(activeKeyId: string): Promise<T[]> {
    return this.orm.em.fork().find(this.entity, { encryptedTlsCredentials: { $ne: null }, $not: { encryptedTlsCredentials: { $like: `v1.${activeKeyId.replace(/_/g, '\\_')}.%` } } } as unknown as FilterQuery<T>);
  }

  async replaceSealed(id: string, expected: string, sealed: string): Promise<boolean> {
    return (await this.orm.em.fork().nativeUpdate(this.entity, { id, encryptedTlsCredentials: expected } as FilterQuery<T>, { encryptedTlsCredentials: sealed } as never)) > 0;
  }

  private async flush(em: EntityManager): Promise<boolean> {
    try {
      await em.flush();
      return true;
    } catch (error) {
      // The only unique constraint besides the primary key is the account's names.
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  private unitOf(host: T): EntityManager {
    const em = this.units.get(host);
    if (!em) throw new Error(`row ${host.id} was not read through this repository`);
    return em;
  }
}

/** The hosts' rows. */
export class HostRepository extends ScopeRowRepository<DockerHost> implements HostStore {
  constructor(private readonly db: MikroORM) {
    super(db, DockerHost);
  }

  findBySwarmNodes(accountId: string, nodeIds: readonly string[]): Promise<DockerHost[]> {
    return this.db.em.fork().find(DockerHost, { accountId, swarmNodeId: { $in: [...nodeIds] } });
  }
}
