import { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { ForbiddenError, NotFoundError } from '../../src/common/errors';
import type { EngineSpec } from '../../src/docker/swarm.types';
import { redactParameters } from '../../src/activities/activity.redact';
import { createSecretLoaders } from '../../src/swarm/secret.loaders';
import { SecretManager } from '../../src/swarm/secret.manager';
import { CONFIG_KIND, MAX_DATA_BYTES, nextVersion, repoint, SECRET_KIND, type DataKind } from '../../src/swarm/secret.rules';
import { principalIn } from './fakes/hosts.fake';
import { FakeSwarmData } from './fakes/swarm-data.fake';

const alice = principalIn('acct-a', Permission.SwarmClustersManage);
const bob = principalIn('acct-b', Permission.SwarmClustersManage);

const KINDS = [SECRET_KIND, CONFIG_KIND].map((k) => [k.name, k] as const);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A service spec mounting secret `id` as /run/secrets/<target> with its own uid/gid/mode. */
function specWith(kind: DataKind, id: string, name: string, target: string): EngineSpec {
  const ref = { File: { Name: target, UID: '1000', GID: '1000', Mode: 0o400 }, [kind.idKey]: id, [kind.nameKey]: name };
  return { Name: 'x', TaskTemplate: { ContainerSpec: { Image: 'busybox', [kind.listKey]: [ref, { File: { Name: 'other' }, [kind.idKey]: 'unrelated', [kind.nameKey]: 'unrelated' }] } } };
}

function setup(kind: DataKind = SECRET_KIND) {
  const engine = new FakeSwarmData();
  const judged: Array<{ spec: EngineSpec; at: string }> = [];
  let refuse: ((spec: EngineSpec) => boolean) | null = null;
  const row = (o: { dockerId: string; name: string; labels?: Record<string, string>; spec?: EngineSpec }) => ({ id: `row-${o.dockerId}`, accountId: 'acct-a', clusterId: 'c1', ...o });
  const mine = (p: Principal) => p.accountId === 'acct-a';
  const manager = new SecretManager({
    kind,
    clusters: { operable: async (p: Principal, id: string) => { if (!mine(p) || id !== 'c1') throw new NotFoundError('SwarmCluster', id); return { cluster: { id: 'c1', name: 'prod' }, target: {} } as never; } },
    swarm: engine,
    rows: {
      one: (async (p: Principal, _k: string, id: string) => {
        const o = [...engine.objects.values()].find((x) => `row-${x.dockerId}` === id);
        if (!o || !mine(p)) throw new NotFoundError(kind.typeName, id);
        return row(o);
      }) as never,
      byDockerIds: (async (_p: Principal, k: string, _c: string, ids: readonly string[]) =>
        k === 'services' ? ids.map((id) => engine.services.get(id)).filter(Boolean).map((s) => row(s!)) : ids.map((id) => engine.objects.get(id)).filter(Boolean).map((o) => row(o!))) as never,
    },
    usage: {
      servicesIn: (async () => [...engine.services.values()].map((s) => row(s))) as never,
      objectsIn: (async () => [...engine.objects.values()].map((o) => row(o))) as never,
    },
    sync: { refresh: async (_c: string, what: { kinds?: string[] }) => (engine.log.push(`refresh ${what.kinds!.join(',')}`), {}) as never },
    policy: {
      enforceService: (_p: Principal, spec: EngineSpec, at?: string) => {
        judged.push({ spec, at: at ?? 'spec' });
        if (refuse?.(spec)) throw new ForbiddenError(`${at}: host bind mount needs docker.hosts.privileged`, at);
      },
    },
  });
  return { manager, engine, judged, refuseWhen: (f: (spec: EngineSpec) => boolean) => (refuse = f) };
}

async function secretInUse(kind: DataKind = SECRET_KIND, users = ['api', 'worker']) {
  const s = setup(kind);
  const created = await s.manager.create(alice, 'c1', { name: 'db_password', data: 'old' });
  const services = users.map((name) => s.engine.addService(name, specWith(kind, created.dockerId, 'db_password', 'db_password')));
  s.engine.log.length = 0;
  return { ...s, created, services };
}

describe('secret rotation naming', () => {
  it('makes <name>.v2 first, then counts on from the rotation labels', () => {
    expect(nextVersion({ name: 'db_password', labels: {} }, new Set())).toEqual({ name: 'db_password.v2', base: 'db_password', version: 2 });
    expect(nextVersion({ name: 'db_password.v2', labels: { 'fleet.rotation.base': 'db_password', 'fleet.rotation.version': '2' } }, new Set())).toMatchObject({ name: 'db_password.v3', version: 3 });
    // A versioned name without labels (made elsewhere) counts on from its suffix.
    expect(nextVersion({ name: 'tls.v7', labels: {} }, new Set())).toMatchObject({ name: 'tls.v8', base: 'tls' });
  });

  it('skips a versioned name that is taken, and keeps a long name within 64 characters', () => {
    expect(nextVersion({ name: 'db', labels: {} }, new Set(['db.v2', 'db.v3'])).name).toBe('db.v4');
    const long = `${'a'.repeat(60)}_xyz`;
    const next = nextVersion({ name: long, labels: {} }, new Set());
    expect(next.name.length).toBeLessThanOrEqual(64);
    expect(next.name).toMatch(/^a+\.v2$/); // cut, and no trailing "_" before the suffix
    expect(next.base).toBe(long);
  });
});

describe('re-pointing a service spec', () => {
  it.each(KINDS)('replaces only the %s id and name, keeping the file target', (_name, kind) => {
    const spec = specWith(kind, 'old-id', 'db_password', 'db_password');
    const out = repoint(spec, kind, 'old-id', { id: 'new-id', name: 'db_password.v2' }) as Json;
    const refs = out.TaskTemplate.ContainerSpec[kind.listKey];
    expect(refs[0]).toEqual({ File: { Name: 'db_password', UID: '1000', GID: '1000', Mode: 0o400 }, [kind.idKey]: 'new-id', [kind.nameKey]: 'db_password.v2' });
    expect(refs[1][kind.idKey]).toBe('unrelated');
    // The input is not changed.
    expect((spec as Json).TaskTemplate.ContainerSpec[kind.listKey][0][kind.idKey]).toBe('old-id');
  });
});

describe(SecretManager.name, () => {
  it('validates name, data and labels naming the field, before calling the Engine', async () => {
    const { manager, engine } = setup();
    const fieldOf = (p: Promise<unknown>) => p.then(() => null, (e) => [e.code, e.details.field]);
    expect(await fieldOf(manager.create(alice, 'c1', { name: '-bad', data: 'x' }))).toEqual(['BAD_USER_INPUT', 'name']);
    expect(await fieldOf(manager.create(alice, 'c1', { name: 'a'.repeat(65), data: 'x' }))).toEqual(['BAD_USER_INPUT', 'name']);
    expect(await fieldOf(manager.create(alice, 'c1', { name: 'ok', data: 'x'.repeat(MAX_DATA_BYTES + 1) }))).toEqual(['BAD_USER_INPUT', 'data']);
    expect(await fieldOf(manager.create(alice, 'c1', { name: 'ok', data: 'x', dataBase64: 'eA==' }))).toEqual(['BAD_USER_INPUT', 'data']);
    expect(await fieldOf(manager.create(alice, 'c1', { name: 'ok', dataBase64: '!!!' }))).toEqual(['BAD_USER_INPUT', 'dataBase64']);
    expect(await fieldOf(manager.create(alice, 'c1', { name: 'ok', data: 'x', labels: { a: 1 } }))).toEqual(['BAD_USER_INPUT', 'labels.a']);
    expect(await fieldOf(manager.create(alice, 'c1', { name: 'ok', data: 'x'.repeat(MAX_DATA_BYTES) }))).toBeNull();
    expect(engine.log).toEqual(['create secret ok', 'refresh secret,service']);
  });

  it('answers CONFLICT naming the field for a name taken on the swarm', async () => {
    const { manager } = setup();
    await manager.create(alice, 'c1', { name: 'taken', data: 'x' });
    await expect(manager.create(alice, 'c1', { name: 'taken', data: 'y' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
  });

  it('refuses to remove a secret in use, naming the services from the stored specs', async () => {
    const { manager, created, engine } = await secretInUse();
    await expect(manager.remove(alice, created.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/in use by services api, worker/) });
    expect(engine.log).toEqual([]);
  });

  it("turns the Engine's in-use refusal into CONFLICT naming the service when the store did not know yet", async () => {
    const { manager, created, engine } = await secretInUse(SECRET_KIND, []);
    engine.addService('late', specWith(SECRET_KIND, created.dockerId, 'db_password', 'db_password'));
    const usage = (manager as unknown as { deps: { usage: { servicesIn: () => Promise<unknown[]> } } }).deps.usage;
    usage.servicesIn = async () => [];
    await expect(manager.remove(alice, created.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/in use by service late/) });
  });

  it.each(KINDS)('rotates a %s in use: new version, every service re-pointed through the policy, old one removed', async (_name, kind) => {
    const { manager, created, engine, judged, services } = await secretInUse(kind);
    const rotation = await manager.rotate(alice, created.id, { data: 'new' });
    expect(rotation.object).toMatchObject({ name: 'db_password.v2', labels: { 'fleet.rotation.base': 'db_password', 'fleet.rotation.version': '2' } });
    expect(rotation.services.map((s) => s.name).sort()).toEqual(['api', 'worker']);
    expect(rotation).toMatchObject({ previousName: 'db_password', previousKept: null });
    expect(engine.log).toEqual([`create ${kind.name} db_password.v2`, 'update service api', 'update service worker', `remove ${kind.name} db_password`, `refresh ${kind.name},service`]);
    expect(engine.objects.get(rotation.object.dockerId)!.data.toString()).toBe('new');
    for (const id of services) {
      const ref = (engine.services.get(id)!.spec as Json).TaskTemplate.ContainerSpec[kind.listKey][0];
      expect(ref).toMatchObject({ [kind.idKey]: rotation.object.dockerId, [kind.nameKey]: 'db_password.v2', File: { Name: 'db_password', Mode: 0o400 } });
    }
    // Judged up front (before anything changed) and again on each spec actually sent.
    expect(judged.map((j) => j.at)).toEqual(['service api', 'service worker', 'service api', 'service worker']);
    // A second rotation counts on.
    const again = await manager.rotate(alice, rotation.object.id, { data: 'newer' });
    expect(again.object.name).toBe('db_password.v3');
    expect([...engine.objects.values()].map((o) => o.name)).toEqual(['db_password.v3']);
  });

  it('keeps the old version while a re-pointed service may roll back to it', async () => {
    const { manager, created, engine, services } = await secretInUse(SECRET_KIND, ['api']);
    (engine.services.get(services[0]!)!.spec as Json).UpdateConfig = { FailureAction: 'rollback' };
    const rotation = await manager.rotate(alice, created.id, { data: 'new' });
    expect(rotation.previousKept).toMatch(/kept for api: it rolls back on a failed update/);
    expect(engine.objects.has(created.dockerId)).toBe(true);
    expect(rotation.services.map((s) => s.name)).toEqual(['api']);
    // Nothing references it any more: removing it later is allowed.
    await manager.remove(alice, created.id);
    expect(engine.objects.has(created.dockerId)).toBe(false);
  });

  it('keeps the old version when asked, and names what a pre-rotation spec references that is gone', async () => {
    const { manager, created, engine, services } = await secretInUse(SECRET_KIND, ['api']);
    const before = structuredClone(engine.services.get(services[0]!)!.spec);
    const kept = await manager.rotate(alice, created.id, { data: 'new', keepPrevious: true });
    expect(kept.previousKept).toMatch(/keepPrevious/);
    // (`unrelated` is a reference the fixture makes to an id this swarm never had.)
    expect(await manager.missingReferences({} as never, before)).toEqual(['unrelated']);
    await manager.remove(alice, created.id);
    // The spec a rollback would return to names the removed version.
    expect(await manager.missingReferences({} as never, before)).toEqual(['db_password', 'unrelated']);
    expect(await manager.missingReferences({} as never, engine.services.get(services[0]!)!.spec)).toEqual(['unrelated']);
  });

  it('changes nothing when the policy refuses a re-pointed spec', async () => {
    const { manager, created, engine, refuseWhen } = await secretInUse();
    refuseWhen((spec) => (spec as Json).TaskTemplate.ContainerSpec.Secrets[0].SecretName === 'db_password.v2');
    await expect(manager.rotate(alice, created.id, { data: 'new' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(engine.log).toEqual([]);
  });

  it('stops a rotation that fails midway, saying which services were re-pointed, and keeps the old version', async () => {
    const { manager, created, engine } = await secretInUse(SECRET_KIND, ['api', 'worker', 'batch']);
    engine.failUpdateOf = 'worker';
    const error = await manager.rotate(alice, created.id, { data: 'new' }).catch((e) => e);
    expect(error.code).toBe('DOCKER_API_ERROR');
    expect(error.message).toMatch(/stopped at service worker: .*proposal dropped/);
    expect(error.message).toMatch(/db_password\.v2 \(.+\) was created; re-pointed to it: api; still on db_password, which is kept: worker, batch/);
    expect(error.message).not.toMatch(/only updates to Labels/);
    expect([...engine.objects.values()].map((o) => o.name).sort()).toEqual(['db_password', 'db_password.v2']);
  });

  it('keeps a foreign id NOT_FOUND for every operation', async () => {
    const { manager, created } = await secretInUse();
    for (const call of [manager.get(bob, created.id), manager.remove(bob, created.id), manager.rotate(bob, created.id, { data: 'x' }), manager.updateLabels(bob, created.id, { labels: {} })]) {
      await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(manager.create(bob, 'c1', { name: 'x', data: 'y' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('replaces labels but keeps the rotation labels unless given', async () => {
    const { manager, created } = await secretInUse(SECRET_KIND, []);
    const rotated = await manager.rotate(alice, created.id, { data: 'n' });
    const updated = await manager.updateLabels(alice, rotated.object.id, { labels: { team: 'db' } });
    expect(updated.labels).toEqual({ team: 'db', 'fleet.rotation.base': 'db_password', 'fleet.rotation.version': '2' });
  });
});

describe('the audit of secret and config mutations', () => {
  it('keeps neither the data nor its size', () => {
    const args = { clusterId: 'c1', input: { name: 'db_password', data: 'hunter2', labels: { team: 'db' } } };
    expect(redactParameters(args)).toEqual({ clusterId: 'c1', input: { name: 'db_password', data: '[redacted]', labels: { team: 'db' } } });
    expect(redactParameters({ id: 'x', dataBase64: 'aHVudGVyMg==' })).toEqual({ id: 'x', dataBase64: '[redacted]' });
  });
});

describe('usedBy loaders', () => {
  it('answers every secret of a listing from one read of the services', async () => {
    const { manager, engine } = setup();
    const a = await manager.create(alice, 'c1', { name: 'a', data: '1' });
    const b = await manager.create(alice, 'c1', { name: 'b', data: '2' });
    await manager.create(alice, 'c1', { name: 'unused', data: '3' });
    engine.addService('api', specWith(SECRET_KIND, a.dockerId, 'a', 'a'));
    engine.addService('worker', specWith(SECRET_KIND, b.dockerId, 'b', 'b'));
    const usage = (manager as unknown as { deps: { usage: { servicesIn: (...args: unknown[]) => Promise<unknown[]> } } }).deps.usage;
    const read = usage.servicesIn;
    let reads = 0;
    usage.servicesIn = (...args) => (reads++, read(...args));
    const loaders = createSecretLoaders({ secrets: manager, configs: manager } as never, alice, true);
    const rows = [...engine.objects.values()].map((o) => ({ id: `row-${o.dockerId}`, clusterId: 'c1', dockerId: o.dockerId }));
    const users = await Promise.all(rows.map((r) => loaders.secretUsers.load(r as never)));
    expect(users.map((list) => list.map((s) => s.name))).toEqual([['api'], ['worker'], []]);
    expect(reads).toBe(1);
  });
});
