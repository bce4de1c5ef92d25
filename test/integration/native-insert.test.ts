import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/orm';
import { createLogger } from '../../src/log/logger';
import { Container } from '../../src/containers/container.entity';
import { ContainerHealth, ContainerState } from '../../src/containers/container.enums';
import { insertRows } from '../../src/db/native-insert';
import { plainSnapshot } from '../../src/db/plain-rows';
import { wrap } from '@mikro-orm/core';
import { DockerHost } from '../../src/hosts/host.entity';
import { Image } from '../../src/images/image.entity';
import { Network } from '../../src/networks/network.entity';
import { HostEnvironment, HostStatus } from '../../src/hosts/host.enums';
import { newAccountId, TestServer } from '../support/harness';

/**
 * insertRows (a sync's new rows: a cold listing's containers, images, networks, volumes, a swarm's objects) on real PostgreSQL: every column as MikroORM would store it (json, enums,
 * dates, nulls, the host key), values carrying SQL's own characters bound as parameters, and nothing left when the
 * transaction it ran in fails.
 */
describe.each([
  { path: 'COPY FROM STDIN (PostgreSQL)', embedded: false },
  { path: 'one JSON parameter (what the embedded PGlite is written with; here on PostgreSQL)', embedded: true },
])('insertRows through $path', ({ embedded }) => {
  let server: TestServer;
  let host: DockerHost;
  /** The ORM the rows are inserted through: opened as for a PostgreSQL server, or as for the embedded database. */
  let orm: MikroORM;

  beforeAll(async () => {
    server = await TestServer.start({}, { isolatedDatabase: true, logLevel: 'warn' });
    // One connection: a failed insert must leave it usable for the next write.
    orm = await openDatabase({ clientUrl: server.app.orm.config.get('clientUrl')!, poolMax: 1, logger: createLogger({ level: 'silent' }), migrate: false, embedded });
    const em = server.app.orm.em.fork();
    host = Object.assign(new DockerHost(), { accountId: newAccountId(), name: 'native-insert', apiEndpoint: 'tcp://127.0.0.1:1', environment: HostEnvironment.DEVELOPMENT, status: HostStatus.CONNECTED });
    await em.persistAndFlush(host);
  });
  afterAll(async () => {
    await orm?.close();
    await server?.close();
  });

  const container = (dockerId: string, over: Partial<Container> = {}) =>
    Object.assign(new Container(), {
      dockerId, accountId: host.accountId, hostId: host.id, name: dockerId, image: 'fleet/busybox:latest', imageId: null, command: null,
      state: ContainerState.RUNNING, health: ContainerHealth.NONE, exitCode: null, labels: {}, ports: [], mounts: [], networks: [],
      createdAt: new Date('2026-12-01T10:00:00Z'), startedAt: null, finishedAt: null, ...over,
    });

  it('stores every column as the unit of work would, with quotes, ?, $1, backslashes, tabs and line breaks in values bound, not spliced', async () => {
    const odd = `it's a ? and $1 and \\ and \\N and "quotes" -- ;\tand a tab,\na newline,\r\na CRLF, and 🐳 outside the BMP`;
    const rows = [
      container('a'.repeat(64), { labels: { team: odd, 'com.example/x': '' }, ports: [{ privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' }], command: odd, exitCode: 0, state: ContainerState.EXITED, startedAt: new Date('2026-12-01T10:00:01.250Z'), finishedAt: new Date('2026-12-01T10:00:02Z') }),
      container('b'.repeat(64), { health: ContainerHealth.HEALTHY, networks: [{ name: 'bridge', networkId: 'n'.repeat(64), ipAddress: '172.17.0.2' }] }),
    ];
    const queries = jest.spyOn(Client.prototype, 'query');
    await orm.em.fork().transactional((tx) => insertRows(tx, 'Container', rows));
    // The rows went as one COPY on PostgreSQL, as one statement otherwise.
    const texts = queries.mock.calls.map(([query]) => String(typeof query === 'string' ? query : (query as { text?: string }).text));
    queries.mockRestore();
    expect(texts.filter((t) => /^copy "containers"/.test(t))).toHaveLength(embedded ? 0 : 1);
    expect(texts.filter((t) => /^insert into "containers"/.test(t))).toHaveLength(embedded ? 1 : 0);
    const stored = await server.app.orm.em.fork().find(Container, { hostId: host.id }, { orderBy: { dockerId: 'asc' } });
    expect(stored.map((c) => ({ ...c }))).toEqual(rows.map((c) => ({ ...c })));
  });

  it('stores the listed kinds too (an image: bigint, json arrays; a network: booleans, a null date) as the unit of work would', async () => {
    const image = Object.assign(new Image(), {
      dockerId: `sha256:${'f'.repeat(64)}`, accountId: host.accountId, hostId: host.id, repoTags: ['fleet/web:v1', "it's:odd"], repoDigests: [],
      sizeBytes: 2 ** 40 + 3, labels: { 'org.opencontainers.image.title': 'web' }, createdAt: new Date('2026-12-01T10:00:00Z'),
    });
    const network = Object.assign(new Network(), {
      dockerId: 'n'.repeat(64), accountId: host.accountId, hostId: host.id, name: 'back\\end', driver: 'overlay', scope: 'swarm', internal: true, attachable: false, labels: {}, createdAt: null,
    });
    await orm.em.fork().transactional(async (tx) => {
      await insertRows(tx, 'Image', [image]);
      await insertRows(tx, 'Network', [network]);
    });
    const em = server.app.orm.em.fork();
    expect({ ...(await em.findOneOrFail(Image, { hostId: host.id, dockerId: image.dockerId })) }).toEqual({ ...image });
    expect({ ...(await em.findOneOrFail(Network, { hostId: host.id, dockerId: network.dockerId })) }).toEqual({ ...network });
  });

  it('fails as MikroORM fails (its exception, the SQLSTATE), never with the statement and its values in the message', async () => {
    const secretish = 'label-value-that-must-not-reach-a-log';
    const row = container('d'.repeat(64), { labels: { note: secretish } });
    await orm.em.fork().transactional((tx) => insertRows(tx, 'Container', [row]));
    const failure = await orm.em.fork().transactional((tx) => insertRows(tx, 'Container', [container('d'.repeat(64))])).catch((e: unknown) => e as Error & { code?: string });
    expect(failure).toBeInstanceOf(UniqueConstraintViolationException);
    expect(failure).toMatchObject({ code: '23505' });
    expect((failure as Error).message).toMatch(/^duplicate key value violates unique constraint/);
    expect(JSON.stringify({ message: (failure as Error).message, stack: (failure as Error).stack })).not.toMatch(/insert into|copy |label-value/i);
    // The ORM's one connection took the failure and rolled back: the next write on it goes through.
    await orm.em.fork().transactional((tx) => insertRows(tx, 'Container', [container('9'.repeat(64))]));
    expect(await server.app.orm.em.fork().count(Container, { hostId: host.id, dockerId: '9'.repeat(64) })).toBe(1);
  });

  it('plainSnapshot gives what toPOJO gives for a new and a loaded row (the messages a sync publishes)', async () => {
    const fresh = container('d'.repeat(64), { labels: { a: 'b' }, ports: [{ privatePort: 80, publicPort: null, type: 'tcp', ip: null }], startedAt: new Date('2026-12-01T10:00:01Z') });
    expect(plainSnapshot(fresh)).toEqual(wrap(fresh).toPOJO());
    expect(Object.keys(plainSnapshot(fresh))).toEqual(Object.keys(wrap(fresh).toPOJO()));
    const em = server.app.orm.em.fork();
    await em.persistAndFlush(container('e'.repeat(64), { exitCode: 3, state: ContainerState.EXITED }));
    const loaded = await server.app.orm.em.fork().findOneOrFail(Container, { hostId: host.id, dockerId: 'e'.repeat(64) });
    expect(plainSnapshot(loaded)).toEqual(wrap(loaded).toPOJO());
    expect(plainSnapshot(loaded)).toMatchObject({ hostId: host.id, exitCode: 3, state: ContainerState.EXITED });
  });

  it('leaves nothing when its transaction fails', async () => {
    const em = orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await insertRows(tx, 'Container', [container('c'.repeat(64))]);
        throw new Error('the rest of the write failed');
      }),
    ).rejects.toThrow('the rest of the write failed');
    expect(await server.app.orm.em.fork().count(Container, { dockerId: 'c'.repeat(64) })).toBe(0);
  });
});
