import { EntityRepository, type EntityClass, type EntityManager, type EntityRepositoryType, type FilterQuery } from '@mikro-orm/postgresql';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import type { EventSeverity } from './event.enums';
import { DockerEvent, type EngineEventRecord } from './event.entity';

export interface DockerEventFilter {
  hostId?: string | null;
  type?: string | null;
  action?: string | null;
  severity?: EventSeverity | null;
  since?: Date | null;
  until?: Date | null;
}

export type NewDockerEvent = Omit<DockerEvent, 'id' | typeof EntityRepositoryType>;

export class EventRepository extends EntityRepository<DockerEvent> {
  page(accountId: string, filter: DockerEventFilter, args: PageArgs): Promise<Page<DockerEvent>> {
    return findPage(this.em, DockerEvent, { where: eventWhere(accountId, filter), sortKey: 'time', sortType: 'date', direction: 'desc', args });
  }

  /**
   * Stores events, skipping ones already stored (a resumed stream replays from its checkpoint, inclusive). Returns the
   * rows really inserted: only those are published. Text is cut to its columns (an Engine's event may say anything).
   */
  insertNew(events: NewDockerEvent[]): Promise<DockerEvent[]> {
    return insertNewEvents(this.em, DockerEvent, { table: 'docker_events', owner: 'host_id' }, events.map((e) => ({ ...e, ownerId: e.hostId })));
  }

  /** Which of these actors already have an event of this type and action on the host. */
  async actorsWith(hostId: string, type: string, action: string, actorIds: string[]): Promise<Set<string>> {
    if (actorIds.length === 0) return new Set();
    const rows = await this.find({ hostId, type, action, actorId: { $in: actorIds } }, { fields: ['actorId'] });
    return new Set(rows.map((row) => row.actorId));
  }

  /** The retention policy: up to `limit` events older than `before` go (hosts' or clusters' log); returns how many did. */
  async deleteOlderThan(before: Date, limit: number, table: 'docker_events' | 'swarm_events' = 'docker_events'): Promise<number> {
    const rows: unknown[] = await this.em.getConnection().execute(
      `delete from ${table} where id in (select id from ${table} where time < ? limit ?) returning id`,
      [before, limit],
    );
    return rows.length;
  }
}

/** An event to store, with the id of the scope (host, cluster) that owns it. */
export type NewEventRow = Omit<EngineEventRecord, 'id'> & { ownerId: string };

/**
 * Inserts events into a stored event log, skipping ones already stored (its unique key: owner, time, type, action,
 * actor). Returns the rows really inserted. Text is cut to its columns (an Engine's event may say anything).
 */
export async function insertNewEvents<T extends EngineEventRecord>(em: EntityManager, entity: EntityClass<T>, log: { table: string; owner: string }, events: NewEventRow[]): Promise<T[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    id: crypto.randomUUID(),
    account_id: e.accountId,
    [log.owner]: e.ownerId,
    type: e.type.slice(0, 32),
    action: e.action.slice(0, 256),
    actor_id: e.actorId.slice(0, 256),
    actor_name: e.actorName?.slice(0, 256) ?? null,
    attributes: JSON.stringify(e.attributes),
    severity: e.severity,
    time: e.time,
    time_nano: e.timeNano,
  }));
  const inserted: Array<Record<string, unknown>> = await em.getKnex().insert(rows).into(log.table).onConflict([log.owner, 'time_nano', 'type', 'action', 'actor_id']).ignore().returning('*');
  return inserted.map((row) => em.map(entity, row as never));
}

function eventWhere(accountId: string, filter: DockerEventFilter): FilterQuery<DockerEvent> {
  const where: FilterQuery<DockerEvent> & Record<string, unknown> = { accountId };
  if (filter.hostId) where.hostId = filter.hostId;
  if (filter.type) where.type = filter.type;
  if (filter.action) where.action = filter.action;
  if (filter.severity) where.severity = filter.severity;
  if (filter.since || filter.until) where.time = { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.until ? { $lt: filter.until } : {}) };
  return where;
}
