import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isStorableDate } from '../common/storable';
import type { EngineEvent } from '../docker/docker.types';
import { EventSeverity } from '../events/event.enums';
import { isStored, severityOf } from '../events/event.severity';
import type { SkippedObject } from '../inventory/inventory.diff';
import type { Logger } from '../log/logger';
import type { ScopeEventRow, ScopeStore, SyncScope } from './sync-scope.types';

const EVENT_INSERT_CHUNK = 1000;
/** The `fleet` event recorded when an object is left out of the inventory (see skipped()). */
export const SKIPPED_ACTION = 'object_skipped';

/**
 * The sync engine's side of the stored event log: the Engine's own events, and what this server observed about a
 * scope (`fleet` events: a gap in the stream, an object left out of the inventory), published once stored.
 */
export class SyncEventLog<S extends SyncScope> {
  constructor(private readonly deps: { orm: MikroORM; logger: Logger; scopes: Pick<ScopeStore<S>, 'advanceCheckpoint' | 'events' | 'label'> }) {}

  /** Records that the event log of a scope has a hole (the inventory itself is re-listed by the caller). */
  async gap(scope: S, reason: string, attributes: Record<string, string> = {}): Promise<void> {
    await this.store(this.deps.orm.em.fork(), scope, [this.fleetEvent('events_gap', scope.id, { reason, ...attributes })], EventSeverity.WARNING);
    this.deps.logger.warn({ scopeId: scope.id, scope: this.deps.scopes.label, reason, ...attributes }, 'docker event stream gap: inventory re-listed');
  }

  /**
   * One WARNING event per object left out of the inventory (the object's id as actor), the first time it is: a later
   * sync that skips it again records nothing, so neither the event log nor the server log fills with it. Returns the
   * number published; never throws (the inventory write it follows has committed).
   */
  async skipped(scope: S, objects: SkippedObject[]): Promise<number> {
    try {
      const em = this.deps.orm.em.fork();
      const actorId = (s: SkippedObject) => s.dockerId.slice(0, 256);
      const warned = await this.deps.scopes.events.actorsWith(em, scope, 'fleet', SKIPPED_ACTION, objects.map(actorId));
      const fresh = objects.filter((s) => !warned.has(actorId(s)));
      for (const s of fresh) this.deps.logger.warn({ scopeId: scope.id, kind: s.kind, dockerId: s.dockerId, problem: s.problem }, 'docker object left out of the inventory');
      return await this.store(em, scope, fresh.map((s) => this.fleetEvent(SKIPPED_ACTION, s.dockerId, { kind: s.kind, reason: s.problem })), EventSeverity.WARNING);
    } catch (error) {
      this.deps.logger.warn({ err: error, scopeId: scope.id }, 'could not record the objects left out of the inventory');
      return 0;
    }
  }

  /**
   * Stores what is worth storing, publishes what was new, and advances the checkpoint past stored Engine events (a
   * batch of exec events only is not worth a write; resuming replays them, and they are ignored again). `severity` is
   * given for this server's own events, which move no checkpoint. Returns the number published.
   */
  async store(em: EntityManager, scope: S, events: EngineEvent[], severity?: EventSeverity): Promise<number> {
    // A time PostgreSQL cannot store (only a rogue endpoint sends one) would fail the whole batch: such events go.
    const timed = events.filter(isStored).map((e) => ({ e, time: new Date(Number(BigInt(e.timeNano) / 1_000_000n)) })).filter(({ time }) => isStorableDate(time));
    const rows: ScopeEventRow[] = timed.map(({ e, time }) => ({
      type: e.type,
      action: e.action,
      actorId: e.actorId,
      actorName: e.attributes.name ?? null,
      attributes: e.attributes,
      severity: severity ?? severityOf(e),
      time,
      timeNano: e.timeNano,
    }));
    if (rows.length === 0) return 0;
    const inserted: unknown[] = [];
    for (let i = 0; i < rows.length; i += EVENT_INSERT_CHUNK) inserted.push(...(await this.deps.scopes.events.insertNew(em, scope, rows.slice(i, i + EVENT_INSERT_CHUNK))));
    if (severity === undefined) {
      const last = rows.reduce((max, e) => (BigInt(e.timeNano) > max ? BigInt(e.timeNano) : max), 0n);
      await this.deps.scopes.advanceCheckpoint(em, scope.id, last);
    }
    for (const event of inserted) this.deps.scopes.events.publish(scope, event);
    return inserted.length;
  }

  private fleetEvent(action: string, actorId: string, attributes: Record<string, string>): EngineEvent {
    return { type: 'fleet', action, actorId, attributes, timeNano: (BigInt(Date.now()) * 1_000_000n).toString() };
  }
}
