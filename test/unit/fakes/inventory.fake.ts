import type { SyncedObjectStore } from '../../../src/db/synced-object.repository';
import type { InventoryObject } from '../../../src/inventory/inventory.entity';
import type { SyncResult } from '../../../src/sync/inventory.sync';

/** The synced rows of one kind, in memory (copies, as the database would hand out). */
export class FakeSyncedObjects<T extends InventoryObject> implements SyncedObjectStore<T> {
  readonly rows = new Map<string, T>();

  constructor(private readonly kind: new () => T) {}

  add(fields: Partial<T> & Pick<T, 'accountId' | 'hostId' | 'dockerId'>): T {
    const row = Object.assign(new this.kind(), fields);
    this.rows.set(row.id, row);
    return copy(row);
  }

  async findInAccount(accountId: string, id: string) {
    const row = this.rows.get(id);
    return row?.accountId === accountId ? copy(row) : null;
  }

  async findOnHost(hostId: string, dockerId: string) {
    const row = [...this.rows.values()].find((r) => r.hostId === hostId && r.dockerId === dockerId);
    return row ? copy(row) : null;
  }
}

export type Refresh = { hostId: string; containers?: string[]; kinds?: Array<'image' | 'network' | 'volume'> };

/** InventorySync.refresh: records what was asked (into `log`, in order with the adapter's calls) and runs `onRefresh`. */
export class FakeRefresh {
  readonly refreshes: Refresh[] = [];
  onRefresh: (asked: Refresh) => Promise<void> | void = () => undefined;

  constructor(private readonly log: string[]) {}

  refresh = async (hostId: string, what: Omit<Refresh, 'hostId'>): Promise<SyncResult> => {
    this.refreshes.push({ hostId, ...what });
    this.log.push(`refresh ${[...(what.containers ?? []), ...(what.kinds ?? [])].join(',')}`);
    await this.onRefresh({ hostId, ...what });
    return { scope: null, ok: true, skipped: false, written: 0, published: 0 };
  };
}

function copy<T extends object>(row: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as T, row);
}
