import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/db/orm';
import { SYNCABLE_SQL, isSyncable } from '../../src/hosts/host-health';
import { DockerHost } from '../../src/hosts/host.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { HostRepository } from '../../src/hosts/host.repository';
import { createLogger } from '../../src/log/logger';
import { createIsolatedDatabase, newAccountId } from '../support/harness';

/** The hosts' SQL on real PostgreSQL, in a database of its own with no app running. */
describe(HostRepository.name, () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  let repository: HostRepository;
  beforeAll(async () => {
    const database = await createIsolatedDatabase();
    drop = database.drop;
    orm = await openDatabase({ clientUrl: database.url, poolMax: 2, logger: createLogger({ level: 'silent' }), migrate: true });
    repository = new HostRepository(orm);
  });
  afterAll(async () => {
    await orm?.close();
    await drop?.();
  });

  const newHost = (accountId: string, fields: Partial<DockerHost> = {}) =>
    Object.assign(new DockerHost(), { accountId, name: `h-${randomUUID()}`, apiEndpoint: 'tcp://127.0.0.1:1', environment: HostEnvironment.DEVELOPMENT }, fields);

  it('writes only what changed on a host since it was read: a column another writer set meanwhile stays as written', async () => {
    const accountId = newAccountId();
    const host = newHost(accountId);
    expect(await repository.insert(host)).toBe(true);
    const read = (await repository.findInAccount(accountId, host.id))!;
    await orm.em.fork().nativeUpdate(DockerHost, { id: host.id }, { dockerVersion: '27.0.1' }); // a sync, concurrently
    read.status = HostStatus.MAINTENANCE;
    expect(await repository.save(read)).toBe(true);
    expect(await orm.em.fork().findOne(DockerHost, host.id)).toMatchObject({ status: HostStatus.MAINTENANCE, dockerVersion: '27.0.1' });
  });

  it("answers false for a name the account's other host holds, on insert and on save, and writes nothing", async () => {
    const accountId = newAccountId();
    const first = newHost(accountId, { name: 'builder' });
    const second = newHost(accountId, { name: 'other' });
    expect(await repository.insert(first)).toBe(true);
    expect(await repository.insert(second)).toBe(true);
    expect(await repository.insert(newHost(accountId, { name: 'builder' }))).toBe(false);
    const renamed = (await repository.findInAccount(accountId, second.id))!;
    renamed.name = 'builder';
    expect(await repository.save(renamed)).toBe(false);
    expect((await repository.findManyInAccount(accountId, [first.id, second.id])).map((h) => h.name).sort()).toEqual(['builder', 'other']);
    expect(await repository.insert(newHost(newAccountId(), { name: 'builder' }))).toBe(true);
  });

  it("finds nothing of another account's, nor for an id that is not one", async () => {
    const host = newHost(newAccountId());
    await repository.insert(host);
    expect(await repository.findInAccount(newAccountId(), host.id)).toBeNull();
    expect(await repository.findInAccount(host.accountId, 'not-an-id')).toBeNull();
    expect(await repository.findManyInAccount(newAccountId(), [host.id])).toEqual([]);
  });

  it('replaces sealed credentials only while the row still holds what was read', async () => {
    const host = newHost(newAccountId(), { encryptedTlsCredentials: 'v1.k1.old' });
    await repository.insert(host);
    expect(await repository.replaceSealed(host.id, 'v1.k1.other', 'v1.k2.new')).toBe(false);
    expect(await repository.replaceSealed(host.id, 'v1.k1.old', 'v1.k2.new')).toBe(true);
    expect((await orm.em.fork().findOne(DockerHost, host.id))?.encryptedTlsCredentials).toBe('v1.k2.new');
  });

  it('selects with SYNCABLE_SQL exactly the hosts isSyncable accepts', async () => {
    const accountId = newAccountId();
    const hosts = Object.values(HostStatus).flatMap((status) => [0, 2].map((consecutiveFailures) => newHost(accountId, { status, consecutiveFailures })));
    for (const host of hosts) await repository.insert(host);
    const rows: Array<{ id: string }> = await orm.em.getConnection().execute(`select id from docker_hosts where account_id = ? and ${SYNCABLE_SQL}`, [accountId]);
    expect(rows.map((r) => r.id).sort()).toEqual(hosts.filter(isSyncable).map((h) => h.id).sort());
    expect(hosts.filter(isSyncable).length).toBeGreaterThan(0);
  });
});
