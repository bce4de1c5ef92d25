import { UniqueConstraintViolationException, type EntityManager, type FilterQuery, type MikroORM } from '@mikro-orm/postgresql';
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

/**
 * The hosts the HostManager works on. Every query is scoped by account: another account's host is indistinguishable
 * from a missing one. A host read or inserted here is a unit of work: `save` writes only what changed on it since.
 */
export interface HostStore {
  findInAccount(accountId: string, id: string): Promise<DockerHost | null>;
  findManyInAccount(accountId: string, ids: readonly string[]): Promise<DockerHost[]>;
  page(accountId: string, filter: HostFilter, args: PageArgs): Promise<Page<DockerHost>>;
  nameTaken(accountId: string, name: string, exceptId?: string): Promise<boolean>;
  /** Both false when another host of the account holds the name (two writers racing past `nameTaken`). */
  insert(host: DockerHost): Promise<boolean>;
  save(host: DockerHost): Promise<boolean>;
  remove(host: DockerHost): Promise<void>;
  /** Hosts whose stored credentials were sealed with a key other than the active one. */
  findSealedWithOtherKey(activeKeyId: string): Promise<DockerHost[]>;
  /** Replaces the sealed credentials only if the row still holds `expected`; false when a user changed them meanwhile. */
  replaceSealed(id: string, expected: string, sealed: string): Promise<boolean>;
}

/**
 * One EntityManager fork per host read, kept with the host (weakly) so `save` flushes the changes of that unit of
 * work only: the columns a concurrent sync writes stay as the sync wrote them.
 */
export class HostRepository implements HostStore {
  private readonly units = new WeakMap<DockerHost, EntityManager>();

  constructor(private readonly orm: MikroORM) {}

  async findInAccount(accountId: string, id: string): Promise<DockerHost | null> {
    if (!isId(id)) return null;
    const em = this.orm.em.fork();
    const host = await em.findOne(DockerHost, { id, accountId });
    if (host) this.units.set(host, em);
    return host;
  }

  findManyInAccount(accountId: string, ids: readonly string[]): Promise<DockerHost[]> {
    return this.orm.em.fork().find(DockerHost, { accountId, id: { $in: ids.filter(isId) } });
  }

  page(accountId: string, filter: HostFilter, args: PageArgs): Promise<Page<DockerHost>> {
    const where: FilterQuery<DockerHost> = { accountId };
    if (filter.status) where.status = filter.status;
    if (filter.environment) where.environment = filter.environment;
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { apiEndpoint: { $ilike: pattern } }];
    }
    return findPage(this.orm.em.fork(), DockerHost, { where, sortKey: 'name', sortType: 'string', direction: 'asc', args });
  }

  async nameTaken(accountId: string, name: string, exceptId?: string): Promise<boolean> {
    const where: FilterQuery<DockerHost> = { accountId, name };
    if (exceptId) where.id = { $ne: exceptId };
    return (await this.orm.em.fork().count(DockerHost, where)) > 0;
  }

  async insert(host: DockerHost): Promise<boolean> {
    const em = this.orm.em.fork();
    this.units.set(host, em.persist(host));
    return this.flush(em);
  }

  save(host: DockerHost): Promise<boolean> {
    return this.flush(this.unitOf(host));
  }

  async remove(host: DockerHost): Promise<void> {
    await this.unitOf(host).remove(host).flush();
  }

  findSealedWithOtherKey(activeKeyId: string): Promise<DockerHost[]> {
    return this.orm.em.fork().find(DockerHost, { encryptedTlsCredentials: { $ne: null }, $not: { encryptedTlsCredentials: { $like: `v1.${activeKeyId.replace(/_/g, '\\_')}.%` } } });
  }

  async replaceSealed(id: string, expected: string, sealed: string): Promise<boolean> {
    return (await this.orm.em.fork().nativeUpdate(DockerHost, { id, encryptedTlsCredentials: expected }, { encryptedTlsCredentials: sealed })) > 0;
  }

  private async flush(em: EntityManager): Promise<boolean> {
    try {
      await em.flush();
      return true;
    } catch (error) {
      // The only unique constraint besides the primary key is the account's host names.
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  private unitOf(host: DockerHost): EntityManager {
    const em = this.units.get(host);
    if (!em) throw new Error(`host ${host.id} was not read through this repository`);
    return em;
  }
}
