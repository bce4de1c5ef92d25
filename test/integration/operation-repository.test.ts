import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/db/orm';
import { HostEnvironment } from '../../src/hosts/host.enums';
import { DockerHost } from '../../src/hosts/host.entity';
import { ImageOperation, ImageOperationKind } from '../../src/images/image-operation.entity';
import { createLogger } from '../../src/log/logger';
import { OperationStatus } from '../../src/operations/operation.entity';
import { OperationRepository } from '../../src/operations/operation.repository';
import { createIsolatedDatabase, newAccountId } from '../support/harness';

const RULE = { staleAfterMs: 60_000, graceMs: 15_000, error: 'gone', errorCode: 'OPERATION_ABANDONED' };

/**
 * The operations' SQL on real PostgreSQL, in a database of its own with no app running (so nothing else settles or
 * renews rows meanwhile). Times are moved by writing them relative to the database's now().
 */
describe(OperationRepository.name, () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  let repository: OperationRepository;
  let host: DockerHost;
  beforeAll(async () => {
    const database = await createIsolatedDatabase();
    drop = database.drop;
    orm = await openDatabase({ clientUrl: database.url, poolMax: 2, logger: createLogger({ level: 'silent' }), migrate: true });
    repository = new OperationRepository(orm, [ImageOperation]);
  });
  afterAll(async () => {
    await orm?.close();
    await drop?.();
  });
  beforeEach(async () => {
    host = Object.assign(new DockerHost(), { accountId: newAccountId(), name: `h-${randomUUID()}`, apiEndpoint: 'tcp://127.0.0.1:1', environment: HostEnvironment.DEVELOPMENT });
    await orm.em.fork().persist(host).flush();
  });

  const operation = async (sql: { heartbeat?: string | null; deadline?: string | null; status?: OperationStatus } = {}) => {
    const row = Object.assign(new ImageOperation(), { accountId: host.accountId, hostId: host.id, kind: ImageOperationKind.PULL, reference: 'app:1', ownerInstance: 'instance-a' });
    await repository.insert(row);
    const at = (value: string | null | undefined) => (value === undefined ? 'now()' : value === null ? 'null' : `now() - interval '${value}'`);
    await orm.em.getConnection().execute(`update image_operations set heartbeat_at = ${at(sql.heartbeat)}, deadline_at = ${at(sql.deadline === undefined ? '-10 minutes' : sql.deadline)}, status = ? where id = ?`, [sql.status ?? OperationStatus.RUNNING, row.id]);
    return row.id;
  };
  const stored = (id: string) => orm.em.fork().findOneOrFail(ImageOperation, id);

  it('settles RUNNING rows whose heartbeat is older than the limit or that are past their deadline by more than the grace, and no others', async () => {
    const fresh = await operation();
    const stale = await operation({ heartbeat: '61 seconds' });
    const overdue = await operation({ deadline: '16 seconds' });
    const justDue = await operation({ deadline: '5 seconds' });
    const ended = await operation({ heartbeat: '1 hour', status: OperationStatus.SUCCEEDED });
    const olderVersion = await operation({ heartbeat: null, deadline: null });

    const settled = await repository.settleAbandoned(RULE);
    expect(settled.map((o) => o.id).sort()).toEqual([stale, overdue].sort());
    expect(settled[0]).toBeInstanceOf(ImageOperation);
    expect(settled[0]).toMatchObject({ status: OperationStatus.FAILED, error: 'gone', errorCode: 'OPERATION_ABANDONED', kind: ImageOperationKind.PULL, reference: 'app:1' });
    expect((await stored(stale)).finishedAt).toBeInstanceOf(Date);
    for (const id of [fresh, justDue, olderVersion]) expect((await stored(id)).status).toBe(OperationStatus.RUNNING);
    expect((await stored(ended)).status).toBe(OperationStatus.SUCCEEDED);
    expect(await repository.settleAbandoned(RULE)).toEqual([]);
  });

  it('renews the heartbeat of the RUNNING rows named, by the database clock, and only theirs', async () => {
    const named = await operation({ heartbeat: '61 seconds' });
    const other = await operation({ heartbeat: '61 seconds' });
    await repository.heartbeat([Object.assign(new ImageOperation(), { id: named })]);
    const settled = await repository.settleAbandoned(RULE);
    expect(settled.map((o) => o.id)).toEqual([other]);
    expect((await stored(named)).status).toBe(OperationStatus.RUNNING);
  });

  it('stores an outcome only while the row is RUNNING: a settled row keeps its verdict', async () => {
    const id = await operation({ heartbeat: '61 seconds' });
    await repository.settleAbandoned(RULE);
    const late = Object.assign(await stored(id), { status: OperationStatus.SUCCEEDED, error: null, errorCode: null, finishedAt: new Date() });
    expect(await repository.finish(late, { imageId: 'sha256:late' })).toBe(false);
    expect(await stored(id)).toMatchObject({ status: OperationStatus.FAILED, errorCode: 'OPERATION_ABANDONED', imageId: null });

    const running = await operation();
    const done = Object.assign(await stored(running), { status: OperationStatus.SUCCEEDED, lastMessage: 'done', finishedAt: new Date() });
    expect(await repository.finish(done, { imageId: 'sha256:built' })).toBe(true);
    expect(await stored(running)).toMatchObject({ status: OperationStatus.SUCCEEDED, imageId: 'sha256:built', lastMessage: 'done' });
  });

  it('finds an operation only within its account', async () => {
    const id = await operation();
    expect((await repository.findInAccount(ImageOperation, host.accountId, id))?.id).toBe(id);
    expect(await repository.findInAccount(ImageOperation, newAccountId(), id)).toBeNull();
    expect(await repository.findInAccount(ImageOperation, host.accountId, 'not-an-id')).toBeNull();
  });
});
