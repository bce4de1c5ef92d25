import { HostStatus } from '../../src/hosts/host.enums';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/db/orm';
import type { DockerInventory } from '../../src/docker/docker.inventory';
import type { EngineEvent, HostTarget, VolumeSnapshot } from '../../src/docker/docker.types';
import { Volume } from '../../src/volumes/volume.entity';
import { EventQueue } from '../../src/sync/event.queue';
import { ChangeSet } from '../../src/sync/inventory.apply';
import { listedKind } from '../../src/sync/listed.kind';
import type { EventWork, SyncedKind } from '../../src/sync/synced-kind.types';
import { HOST_KINDS } from '../../src/sync/sync.kinds';

const event = (type: string, action: string, actorId = 'x1', attributes: Record<string, string> = {}): EngineEvent => ({ type, action, actorId, attributes, timeNano: '1' });

/** A kind that answers every event of its type with the given work, and reads nothing. */
function fakeKind(name: string, type: string, work: (event: EngineEvent) => EventWork): SyncedKind {
  return {
    name,
    entity: Volume,
    eventTypes: [type],
    touchedBy: (e) => (e.type === type ? work(e) : null),
    list: () => Promise.resolve([]),
    apply: () => undefined,
  };
}

describe('the synced kinds table', () => {
  it('asks every kind of the table what an event means, and coalesces read-backs per kind and re-lists per kind', () => {
    const queue = new EventQueue(100, [fakeKind('node', 'node', () => 'relist'), fakeKind('service', 'service', (e) => ({ inspect: e.actorId }))]);
    queue.push(event('service', 'update', 's1'));
    queue.push(event('service', 'update', 's1'));
    queue.push(event('service', 'create', 's2'));
    queue.push(event('node', 'update', 'n1'));
    queue.push(event('node', 'update', 'n2'));
    queue.push(event('container', 'start', 'c1'));
    const batch = queue.take();
    expect([...batch.ids('service')]).toEqual(['s1', 's2']);
    expect([...batch.kinds]).toEqual(['node']);
    expect(batch.containers.size).toBe(0);
    expect(batch.events).toHaveLength(6);
  });

  it('counts the objects of all kinds against the queue limit', () => {
    const queue = new EventQueue(2, [fakeKind('a', 'a', (e) => ({ inspect: e.actorId })), fakeKind('b', 'b', (e) => ({ inspect: e.actorId }))]);
    expect(queue.push(event('a', 'x', '1'))).toBe(true);
    expect(queue.push(event('b', 'x', '1'))).toBe(true);
    expect(queue.push(event('b', 'x', '2'))).toBe(false);
    expect(queue.size).toBe(0);
  });

  it('routes container events and network (dis)connects to container read-backs, and other kinds to re-lists', () => {
    const work = (e: EngineEvent) => Object.fromEntries(HOST_KINDS.map((k) => [k.name, k.touchedBy(e)]).filter(([, w]) => w !== null));
    expect(work(event('container', 'die', 'c1'))).toEqual({ container: { inspect: 'c1' } });
    expect(work(event('network', 'disconnect', 'n1', { container: 'c2' }))).toEqual({ container: { inspect: 'c2' } });
    expect(work(event('network', 'create', 'n1'))).toEqual({ network: 'relist' });
    expect(work(event('image', 'pull', 'busybox'))).toEqual({ image: 'relist' });
    expect(work(event('volume', 'create', 'v1'))).toEqual({ volume: 'relist' });
    expect(work(event('volume', 'mount', 'v1'))).toEqual({});
    expect(work(event('image', 'push', 'busybox'))).toEqual({});
    expect(work(event('container', 'exec_start: sh', 'c1'))).toEqual({});
  });

  it('gives only the container kind read-backs (the others are re-listed whole)', () => {
    expect(HOST_KINDS.filter((k) => k.inspect).map((k) => k.name)).toEqual(['container']);
  });
});

describe(listedKind.name, () => {
  // Entity metadata only (rows are checked against their columns before they are written); nothing connects.
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init({ ...ormConfig({ clientUrl: 'postgresql://unused.invalid/none', poolMax: 1 }), connect: false });
  });
  afterAll(() => orm.close());

  const snapshot = (dockerId: string, driver = 'local'): VolumeSnapshot => ({ dockerId, driver, mountpoint: `/v/${dockerId}`, scope: 'local', labels: {}, createdAt: new Date(1_796_000_000_000) });
  const listed: VolumeSnapshot[] = [];
  const kind = listedKind<Volume, VolumeSnapshot>({
    name: 'volume',
    entity: Volume,
    fields: ['driver', 'mountpoint', 'scope', 'labels', 'createdAt'],
    ignoredActions: ['mount'],
    list: () => Promise.resolve(listed),
  });

  function apply(existing: Volume[], snapshots: VolumeSnapshot[]) {
    const persisted: Volume[] = [];
    const removed: Volume[] = [];
    const em = { persist: (row: Volume) => persisted.push(row), remove: (row: Volume) => removed.push(row), getMetadata: () => orm.em.getMetadata() } as unknown as EntityManager;
    const changes = new ChangeSet({ id: 'h1', accountId: 'a1' });
    const scope = { id: 'h1', accountId: 'a1', inventoryVersion: 0, status: HostStatus.CONNECTED, consecutiveFailures: 0 };
    kind.apply({ em, scope, owner: { accountId: 'a1', hostId: 'h1' }, existing, snapshots, complete: true, gone: [], events: [], changes });
    return { persisted, removed, changes };
  }

  it('lists through its list function, creates new objects with the owner columns, updates what differs and removes what vanished', async () => {
    listed.push(snapshot('v1'));
    const context = { em: {} as EntityManager, inventory: {} as DockerInventory, adapters: {}, target: {} as HostTarget, owner: { accountId: 'a1', hostId: 'h1' } };
    expect(await kind.list(context)).toEqual([snapshot('v1')]);

    // New rows are not the unit of work's: they wait for the write's one native insert (ChangeSet.storeInserts).
    const first = apply([], [snapshot('v1'), snapshot('v2')]);
    expect(first.persisted).toEqual([]);
    const inserted = first.changes.pendingInserts as Volume[];
    expect(inserted.map((v) => [v.dockerId, v.accountId, v.hostId])).toEqual([['v1', 'a1', 'h1'], ['v2', 'a1', 'h1']]);
    expect(inserted.every((v) => v instanceof Volume)).toBe(true);
    expect(first.changes.written).toBe(2);

    const [v1, v2] = inserted;
    const second = apply([v1!, v2!], [snapshot('v1', 'nfs')]);
    expect(second.persisted).toEqual([]);
    expect(v1!.driver).toBe('nfs');
    expect(second.removed).toEqual([v2]);
    expect(second.changes.written).toBe(2);
  });

  it('re-lists on its own events, except the ignored actions', () => {
    expect(kind.touchedBy(event('volume', 'create'))).toBe('relist');
    expect(kind.touchedBy(event('volume', 'mount'))).toBeNull();
    expect(kind.touchedBy(event('network', 'create'))).toBeNull();
  });
});
