import type { EntityClass } from '@mikro-orm/postgresql';
import { reconcile, type Diff } from '../inventory/inventory.diff';
import type { SyncedRow } from '../inventory/inventory.entity';
import type { ChangeSet } from './inventory.apply';
import type { FetchContext, SyncedKind } from './synced-kind.types';

/**
 * A kind whose events re-list it whole (images, networks, volumes, and a swarm's nodes, services, tasks, secrets,
 * configs: cheap lists, and their events name too little to apply alone): listed rows are reconciled field by field,
 * and rows of objects no longer listed go.
 */
export function listedKind<Row extends SyncedRow, Snapshot extends { dockerId: string }>(kind: {
  name: string;
  entity: EntityClass<Row> & (new () => Row);
  fields: ReadonlyArray<keyof Snapshot & keyof Row>;
  /** Its Docker event type (default: its name) and the actions of it that change no stored object. */
  eventType?: string;
  ignoredActions?: readonly string[];
  /** Events of other types that change it too (a service update replaces its tasks). */
  alsoTouchedBy?: readonly string[];
  list(context: FetchContext): Promise<Snapshot[]>;
  /** What a write changed, to publish after the commit (and to bring the scope's own columns in line). */
  changed?(diff: Diff<Row>, changes: ChangeSet, context: { scope: unknown; existing: readonly Row[]; snapshots: readonly Snapshot[] }): void;
}): SyncedKind<Row, Snapshot> {
  const eventType = kind.eventType ?? kind.name;
  const ignored = kind.ignoredActions ?? [];
  const also = kind.alsoTouchedBy ?? [];
  return {
    name: kind.name,
    entity: kind.entity,
    eventTypes: [eventType, ...also],
    touchedBy: (event) => ((event.type === eventType && !ignored.includes(event.action)) || also.includes(event.type) ? 'relist' : null),
    list: (context) => kind.list(context),
    apply: ({ em, scope, owner, existing, snapshots, changes }) => {
      // New rows go in one native insert per kind (ChangeSet.insertLater), as a cold listing's containers do.
      const diff = reconcile<Row, Snapshot>({ em, existing, snapshots, fields: kind.fields, complete: true, create: (s) => Object.assign(new kind.entity(), s, owner), insert: (rows) => changes.insertLater(kind.entity.name, rows) });
      changes.add(diff);
      kind.changed?.(diff, changes, { scope, existing, snapshots });
    },
  };
}
