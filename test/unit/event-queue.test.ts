import type { EngineEvent } from '../../src/docker/docker.types';
import { EventSeverity } from '../../src/events/event.enums';
import { isStored, severityOf } from '../../src/events/event.severity';
import { EventQueue } from '../../src/sync/event.queue';
import { HOST_KINDS } from '../../src/sync/sync.kinds';

const event = (type: string, action: string, actorId = 'c1', attributes: Record<string, string> = {}): EngineEvent => ({ type, action, actorId, attributes, timeNano: '1' });

describe(EventQueue.name, () => {
  it('coalesces many events of one container into one inspect, keeping every event for storage', () => {
    const queue = new EventQueue(100, HOST_KINDS);
    for (const action of ['create', 'start', 'die', 'start']) queue.push(event('container', action));
    queue.push(event('container', 'start', 'c2'));
    const batch = queue.take();
    expect([...batch.containers]).toEqual(['c1', 'c2']);
    expect(batch.events).toHaveLength(5);
    expect(queue.size).toBe(0);
  });

  it('turns image, network and volume events into one re-list per kind, and network connects into container work', () => {
    const queue = new EventQueue(100, HOST_KINDS);
    queue.push(event('image', 'pull', 'busybox'));
    queue.push(event('image', 'tag', 'busybox'));
    queue.push(event('network', 'connect', 'net1', { container: 'c9' }));
    queue.push(event('volume', 'mount', 'v1'));
    queue.push(event('container', 'exec_start: sh -c true'));
    const batch = queue.take();
    expect([...batch.kinds]).toEqual(['image']);
    expect([...batch.containers]).toEqual(['c9']);
  });

  it('reports overflow past its limit and starts empty again (the owner then re-lists)', () => {
    const queue = new EventQueue(3, HOST_KINDS);
    expect([1, 2, 3].map((i) => queue.push(event('container', 'start', `c${i}`)))).toEqual([true, true, true]);
    expect(queue.push(event('container', 'start', 'c4'))).toBe(false);
    expect(queue.size).toBe(0);
  });
});

describe('event severity', () => {
  it('calls crashes, OOM kills and failing health checks errors, and stops warnings', () => {
    expect(severityOf(event('container', 'die', 'c', { exitCode: '1' }))).toBe(EventSeverity.ERROR);
    expect(severityOf(event('container', 'oom'))).toBe(EventSeverity.ERROR);
    expect(severityOf(event('container', 'health_status: unhealthy'))).toBe(EventSeverity.ERROR);
    expect(severityOf(event('container', 'die', 'c', { exitCode: '137' }))).toBe(EventSeverity.WARNING);
    expect(severityOf(event('container', 'die', 'c', { exitCode: '0' }))).toBe(EventSeverity.INFO);
    expect(severityOf(event('container', 'health_status: healthy'))).toBe(EventSeverity.INFO);
    expect(severityOf(event('image', 'delete'))).toBe(EventSeverity.INFO);
  });

  it('does not store exec events (every HEALTHCHECK run makes three)', () => {
    expect(isStored(event('container', 'exec_start: /bin/sh -c wget'))).toBe(false);
    expect(isStored(event('container', 'start'))).toBe(true);
  });
});
