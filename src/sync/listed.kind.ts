import type { EntityClass } from '@mikro-orm/postgresql';
import type { DockerInventory } from '../docker/docker.inventory';
import type { HostTarget } from '../docker/docker.types';
import { reconcile } from '../inventory/inventory.diff';
import type { SyncedRow } from '../inventory/inventory.entity';
import type { SyncedKind } from './synced-kind.types';

/**
 * A kind whose events re-list it whole (images, networks, volumes: cheap lists, and their events name too little to
 * apply alone): listed rows are reconciled field by field, and rows of objects no longer listed go.
 */
export function listedKind<Row extends SyncedRow, Snapshot extends { dockerId: string }>(kind: {
  name: string;
  entity: EntityClass<Row> & (new () => Row);
  fields: ReadonlyArray<keyof Snapshot & keyof Row>;
  /** Its actions that change no stored object (the kind's name is its Docker event type). */
  ignoredActions: readonly string[];
  list(inventory: DockerInventory, target: HostTarget): Promise<Snapshot[]>;
}): SyncedKind<Row, Snapshot> {
  return {
    name: kind.name,
    entity: kind.entity,
    eventTypes: [kind.name],
    touchedBy: (event) => (event.type === kind.name && !kind.ignoredActions.includes(event.action) ? 'relist' : null),
    list: ({ inventory, target }) => kind.list(inventory, target),
    apply: ({ em, owner, existing, snapshots, changes }) =>
      changes.add(reconcile<Row, Snapshot>({ em, existing, snapshots, fields: kind.fields, complete: true, create: (s) => Object.assign(new kind.entity(), s, owner) })),
  };
}
