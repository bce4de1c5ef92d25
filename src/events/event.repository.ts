import { EntityRepository, type EntityRepositoryType, type FilterQuery } from '@mikro-orm/postgresql';
import { findPage, type Page, type PageArgs } from '../db/pagination';
import type { EventSeverity } from './event.enums';
import { DockerEvent } from './event.entity';

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
  async insertNew(events: NewDockerEvent[]): Promise<DockerEvent[]> {
    if (events.length === 0) return [];
    const rows = events.map((e) => ({
      id: crypto.randomUUID(),
      account_id: e.accountId,
      host_id: e.hostId,
      type: e.type.slice(0, 32),
      action: e.action.slice(0, 256),
      actor_id: e.actorId.slice(0, 256),
      actor_name: e.actorName?.slice(0, 256) ?? null,
      attributes: JSON.stringify(e.attributes),
      severity: e.severity,
      time: e.time,
      time_nano: e.timeNano,
    }));
    const inserted: Array<Record<string, unknown>> = await this.em
      .getKnex()
      .insert(rows)
      .into('docker_events')
      .onConflict(['host_id', 'time_nano', 'type', 'action', 'actor_id'])
      .ignore()
      .returning('*');
    return inserted.map((row) => this.em.map(DockerEvent, row));
  }

  /** Which of these actors already have an event of this type and action on the host. */
  async actorsWith(hostId: string, type: string, action: string, actorIds: string[]): Promise<Set<string>> {
    if (actorIds.length === 0) return new Set();
    const rows = await this.find({ hostId, type, action, actorId: { $in: actorIds } }, { fields: ['actorId'] });
    return new Set(rows.map((row) => row.actorId));
  }

  /** The retention policy: up to `limit` events older than `before` go; returns how many did. */
  async deleteOlderThan(before: Date, limit: number): Promise<number> {
    const rows: unknown[] = await this.em.getConnection().execute(
      'delete from docker_events where id in (select id from docker_events where time < ? limit ?) returning id',
      [before, limit],
    );
    return rows.length;
  }
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
