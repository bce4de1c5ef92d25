import type { EngineEvent } from '../docker/docker.types';
import type { EventBatch } from './inventory.sync';

/**
 * The bounded, coalescing queue between a host's event stream and the inventory. However many events name one
 * object, it is inspected once per drain. When more distinct objects or events pile up than the limit allows (a
 * reader that fell behind), the queue reports overflow and the owner re-lists everything instead.
 */
export class EventQueue {
  private batch: EventBatch = emptyBatch();

  constructor(private readonly limit: number) {}

  /** False when the event did not fit: the queue is then cleared and the caller must re-list. */
  push(event: EngineEvent): boolean {
    const { batch } = this;
    batch.events.push(event);
    const target = affected(event);
    if (target?.container) batch.containers.add(target.container);
    if (target?.kind) batch.kinds.add(target.kind);
    if (batch.events.length > this.limit || batch.containers.size > this.limit) {
      this.batch = emptyBatch();
      return false;
    }
    return true;
  }

  get size(): number {
    return this.batch.events.length;
  }

  take(): EventBatch {
    const taken = this.batch;
    this.batch = emptyBatch();
    return taken;
  }
}

function emptyBatch(): EventBatch {
  return { containers: new Set(), kinds: new Set(), events: [] };
}

/** Which stored object an event changes. Exec and volume mount events change none (they fire on every start). */
function affected(event: EngineEvent): { container?: string; kind?: 'image' | 'network' | 'volume' } | null {
  switch (event.type) {
    case 'container':
      return event.action.startsWith('exec_') ? null : { container: event.actorId };
    case 'image':
      return event.action === 'push' || event.action === 'save' ? null : { kind: 'image' };
    case 'network':
      if (event.action === 'connect' || event.action === 'disconnect') return event.attributes.container ? { container: event.attributes.container } : null;
      return { kind: 'network' };
    case 'volume':
      return event.action === 'mount' || event.action === 'unmount' ? null : { kind: 'volume' };
    default:
      return null;
  }
}
