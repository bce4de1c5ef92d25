import type { EngineEvent } from '../docker/docker.types';
import type { EventWork, SyncedKind } from './synced-kind.types';

/** Work the event stream asks for, already coalesced: each object once, whatever number of events named it. */
export class EventBatch {
  /** Kinds to re-list whole. */
  readonly kinds = new Set<string>();
  /** Objects to read back one by one, per kind. */
  readonly objects = new Map<string, Set<string>>();
  readonly events: EngineEvent[] = [];

  add(kind: string, work: EventWork): void {
    if (work === 'relist') this.kinds.add(kind);
    else if (work) this.ids(kind).add(work.inspect);
  }

  /** The objects of a kind to read back (an empty set when none). */
  ids(kind: string): Set<string> {
    let ids = this.objects.get(kind);
    if (!ids) this.objects.set(kind, (ids = new Set()));
    return ids;
  }

  /** The containers to read back: the kind whose events name the most objects. */
  get containers(): Set<string> {
    return this.ids('container');
  }

  get objectCount(): number {
    let count = 0;
    for (const ids of this.objects.values()) count += ids.size;
    return count;
  }
}

/**
 * The bounded, coalescing queue between a scope's event stream and the inventory. However many events name one
 * object, it is inspected once per drain. When more distinct objects or events pile up than the limit allows (a
 * reader that fell behind), the queue reports overflow and the owner re-lists everything instead.
 */
export class EventQueue {
  private batch = new EventBatch();

  constructor(private readonly limit: number, private readonly kinds: readonly SyncedKind[]) {}

  /** False when the event did not fit: the queue is then cleared and the caller must re-list. */
  push(event: EngineEvent): boolean {
    const { batch } = this;
    batch.events.push(event);
    for (const kind of this.kinds) batch.add(kind.name, kind.touchedBy(event));
    if (batch.events.length > this.limit || batch.objectCount > this.limit) {
      this.batch = new EventBatch();
      return false;
    }
    return true;
  }

  get size(): number {
    return this.batch.events.length;
  }

  take(): EventBatch {
    const taken = this.batch;
    this.batch = new EventBatch();
    return taken;
  }
}
