import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Container } from '../../src/containers/container.entity';
import { ContainerHealth, ContainerState } from '../../src/containers/container.enums';
import type { ContainerSnapshot, EngineEvent } from '../../src/docker/docker.types';
import { ormConfig } from '../../src/db/orm';
import type { DockerHost } from '../../src/hosts/host.entity';
import { applyContainers, ChangeSet } from '../../src/sync/inventory.apply';

const T0 = 1_796_000_000_000;
const host = { id: 'h1', accountId: 'a1' } as DockerHost;
const event = (action: string, ms: number, attributes: Record<string, string> = {}): EngineEvent => ({
  type: 'container',
  action,
  actorId: 'c1',
  attributes: { name: 'job', image: 'fleet/busybox:latest', team: 'ops', ...attributes },
  timeNano: (BigInt(T0 + ms) * 1_000_000n).toString(),
});

/**
 * An EntityManager that only records what would be written: the rules under test decide, not the database. Entity
 * metadata (rows are checked against their columns before they are written) comes from the ORM, which never connects.
 */
let metadata: () => unknown;
function fakeEm() {
  const persisted: Container[] = [];
  const removed: Container[] = [];
  const em = { persist: (row: Container) => persisted.push(row), remove: (row: Container) => removed.push(row), getMetadata: () => metadata() } as unknown as EntityManager;
  return { em, persisted, removed };
}

function inspected(state: ContainerSnapshot['state'], extra: Partial<ContainerSnapshot> = {}): ContainerSnapshot {
  return {
    dockerId: 'c1', name: 'job', image: 'fleet/busybox:latest', imageId: 'sha256:1', command: 'sh -c exit 3', state, health: 'none', exitCode: null,
    labels: { team: 'ops' }, ports: [], mounts: [], networks: [], createdAt: new Date(T0 - (T0 % 1000)), startedAt: null, finishedAt: null, detailed: true, ...extra,
  };
}

function apply(existing: Container[], events: EngineEvent[], result: { snapshot?: ContainerSnapshot }) {
  const { em, persisted, removed } = fakeEm();
  const changes = new ChangeSet(host);
  applyContainers({ em, host, existing, snapshots: result.snapshot ? [result.snapshot] : [], complete: false, gone: result.snapshot ? [] : ['c1'], events: new Map([['c1', events]]), changes });
  const steps = changes.stateChanges.map((c) => `${c.previousState ?? 'null'}>${c.removed ? 'removed' : c.state}`);
  return { steps, changes: changes.stateChanges, persisted: [...persisted, ...(changes.pendingInserts as Container[])], removed };
}

describe(applyContainers.name, () => {
  // Entity metadata only (messages are made with MikroORM's toPOJO); nothing connects to a database.
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init({ ...ormConfig({ clientUrl: 'postgresql://unused.invalid/none', poolMax: 1 }), connect: false });
    metadata = () => orm.em.getMetadata();
  });
  afterAll(() => orm.close());

  it('keeps a container gone before its inspect where its events left it, built from their attributes, until its destroy arrives', () => {
    const first = apply([], [event('create', 0), event('start', 160)], {});
    expect(first.steps).toEqual(['null>CREATED', 'CREATED>RUNNING']);
    expect(first.persisted).toHaveLength(1);
    const row = first.persisted[0]!;
    expect(row).toMatchObject({ dockerId: 'c1', name: 'job', image: 'fleet/busybox:latest', labels: { team: 'ops' }, state: ContainerState.RUNNING, startedAt: new Date(T0 + 160), health: ContainerHealth.NONE });
    expect(first.changes[1]!.container).toMatchObject({ id: row.id, state: 'RUNNING' });

    const second = apply([row], [event('die', 185, { exitCode: '3' }), event('destroy', 200)], {});
    expect(second.steps).toEqual(['RUNNING>EXITED', 'EXITED>removed']);
    expect(second.changes[0]!.container).toMatchObject({ id: row.id, state: 'EXITED', exitCode: 3 });
    expect(second.removed).toEqual([row]);
  });

  it('publishes a container created and destroyed between two inspects from its events alone, and stores nothing', () => {
    const { steps, changes, persisted } = apply([], [event('create', 0), event('start', 160), event('die', 185, { exitCode: '3' }), event('destroy', 200)], {});
    expect(steps).toEqual(['null>CREATED', 'CREATED>RUNNING', 'RUNNING>EXITED', 'EXITED>removed']);
    expect(changes[2]!.container).toMatchObject({ name: 'job', image: 'fleet/busybox:latest', exitCode: 3, hostId: 'h1', accountId: 'a1' });
    expect(persisted).toEqual([]);
  });

  it('does not publish Docker\'s REMOVING: the row keeps its exit until the destroy removes it', () => {
    const { steps, persisted } = apply([], [event('create', 0), event('start', 160), event('die', 185, { exitCode: '3' })], {
      snapshot: inspected('removing', { startedAt: new Date(T0 + 160), finishedAt: new Date(T0 + 185) }),
    });
    expect(steps).toEqual(['null>CREATED', 'CREATED>RUNNING', 'RUNNING>EXITED']);
    expect(persisted[0]).toMatchObject({ state: ContainerState.EXITED, exitCode: 3 });
  });

  it('removes a stored container an inspect no longer finds when no event named it (a read-back after removeContainer)', () => {
    const row = Object.assign(new Container(), { ...inspected('exited', { exitCode: 0 }), state: ContainerState.EXITED, health: ContainerHealth.NONE, accountId: 'a1', hostId: 'h1' });
    const { em, removed } = fakeEm();
    const changes = new ChangeSet(host);
    applyContainers({ em, host, existing: [row], snapshots: [], complete: false, gone: ['c1'], changes });
    expect(changes.stateChanges.map((c) => [c.previousState, c.state, c.removed])).toEqual([['EXITED', 'REMOVING', true]]);
    expect(removed).toEqual([row]);
  });

  it('publishes the run a read-back found already over, from the row as it was before', () => {
    // startContainer of a container that exits at once: the read-back (no events) finds it exited.
    const row = Object.assign(new Container(), { ...inspected('created'), state: ContainerState.CREATED, health: ContainerHealth.NONE, accountId: 'a1', hostId: 'h1' });
    const { em } = fakeEm();
    const changes = new ChangeSet(host);
    const exited = inspected('exited', { exitCode: 3, startedAt: new Date(T0 + 160), finishedAt: new Date(T0 + 185) });
    applyContainers({ em, host, existing: [row], snapshots: [exited], complete: false, changes });
    expect(changes.stateChanges.map((c) => [c.previousState, c.state, c.container.exitCode])).toEqual([['CREATED', 'RUNNING', null], ['RUNNING', 'EXITED', 3]]);
    expect(row).toMatchObject({ state: ContainerState.EXITED, exitCode: 3 });
  });
  it('marks containers first stored from a list row, and only those, for the second pass that reads their times', () => {
    const { em, persisted } = fakeEm();
    const changes = new ChangeSet(host);
    const listed = (dockerId: string, state: ContainerSnapshot['state']) => ({ ...inspected(state), dockerId, name: dockerId, detailed: false });
    const snapshots = [
      listed('new-running', 'running'),
      listed('new-created', 'created'), // never started: nothing to read back
      inspected('exited', { dockerId: 'new-inspected', name: 'x', exitCode: 0, startedAt: new Date(T0), finishedAt: new Date(T0 + 5) }),
    ];
    applyContainers({ em, host, existing: [], snapshots, complete: true, changes });
    expect(persisted).toEqual([]); // new rows go by one native insert (storeInserts), not the unit of work
    expect(changes.pendingInserts.map((c) => (c as Container).dockerId)).toEqual(['new-running', 'new-created', 'new-inspected']);
    expect(changes.undetailed).toEqual(['new-running']);
  });
});
