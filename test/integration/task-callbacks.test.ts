import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { Permission } from '../../src/auth/permissions';
import { KeyRing } from '../../src/crypto/cipher';
import { TaskCallbackSecrets } from '../../src/tasks/task-callback.secrets';
import { RotateTaskCallbackSecretDocument, TaskCallbackDeliveriesDocument, TaskCallbackSecretSetDocument, type TaskCallbackStatus } from '../generated/graphql';
import { CallbackReceiver } from '../support/callback-receiver';
import { TestServer, codeOf, createIsolatedDatabase, newAccountId } from '../support/harness';
import { waitFor } from '../support/wait';

/** Fast ticks and backoff so retries take milliseconds; the receiver is on loopback, so it must be allowed. */
const FAST = { TASK_CALLBACK_ALLOW: '127.0.0.1', TASK_CALLBACK_TICK_MS: '50', TASK_CALLBACK_BACKOFF_MS: '50', TASK_CALLBACK_MAX_ATTEMPTS: '4', TASK_CALLBACK_TIMEOUT_MS: '2000' };
const COMPLETED = 'container_instance.completed';

describe('linked-task callbacks (signed deliveries from the outbox)', () => {
  let server: TestServer;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    [server, receiver] = await Promise.all([TestServer.start(FAST), CallbackReceiver.start()]);
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  /** An account whose secret the receiver holds, as an operator would set it up. */
  const account = async (on: TestServer = server) => {
    const accountId = newAccountId();
    const token = await on.token({ accountId });
    receiver.secret = (await on.ok(RotateTaskCallbackSecretDocument, {}, token)).rotateTaskCallbackSecret.secret;
    return { accountId, token };
  };

  /** What the lead's terminal-state transaction does: enqueue inside it, wake the worker after the commit. */
  const terminal = async (on: TestServer, delivery: { accountId: string; instanceId?: string; path: string; event?: string; url?: string }) => {
    const instanceId = delivery.instanceId ?? randomUUID();
    await on.app.orm.em.fork().transactional((em) =>
      on.app.services.taskCallbacks.enqueue(em, { accountId: delivery.accountId, instanceId, taskRef: { id: `task-${instanceId}`, callbackUrl: delivery.url ?? receiver.url(delivery.path) }, event: delivery.event ?? COMPLETED, payload: { status: 'COMPLETED', exitCode: 0, stdout: 'done' } }),
    );
    on.app.services.taskCallbacks.wake();
    return instanceId;
  };

  const deliveryOf = async (on: TestServer, token: string, instanceId: string) => (await on.ok(TaskCallbackDeliveriesDocument, { filter: { instanceId } }, token)).taskCallbackDeliveries.nodes;
  const settled = (on: TestServer, token: string, instanceId: string, status: TaskCallbackStatus, timeoutMs = 10_000) =>
    waitFor(async () => (await deliveryOf(on, token, instanceId)).find((d) => d.status === status), { what: `the delivery of ${instanceId} to be ${status}`, timeoutMs });

  it('delivers exactly one POST per terminal state, signed over its body with the secret rotateTaskCallbackSecret answered', async () => {
    const { accountId, token } = await account();
    const path = `/once-${randomUUID()}`;
    const instanceId = await terminal(server, { accountId, path });
    await terminal(server, { accountId, instanceId, path }); // the same terminal state enqueued again: a no-op
    const failedPath = `/failed-${randomUUID()}`;
    await terminal(server, { accountId, instanceId, path: failedPath, event: 'container_instance.failed' });

    const delivered = await settled(server, token, instanceId, 'DELIVERED');
    await waitFor(async () => (await deliveryOf(server, token, instanceId)).every((d) => d.status === 'DELIVERED'), { what: 'both terminal states delivered' });
    const [got, ...more] = receiver.at(path);
    expect(more).toHaveLength(0);
    expect(receiver.at(failedPath)).toHaveLength(1);
    expect(got!.signatureValid).toBe(true);
    const completed = (await deliveryOf(server, token, instanceId)).find((d) => d.event === COMPLETED)!;
    expect(got!.headers).toMatchObject({ 'content-type': 'application/json', 'x-fleet-delivery': completed.id, 'x-fleet-event': COMPLETED, 'x-fleet-timestamp': expect.stringMatching(/^\d+$/) });
    expect(got!.body).toBe(completed.body);
    expect(JSON.parse(got!.body)).toMatchObject({ deliveryId: completed.id, event: COMPLETED, instanceId, task: { id: `task-${instanceId}` }, data: { status: 'COMPLETED', exitCode: 0 } });
    expect(completed).toMatchObject({ attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, taskId: `task-${instanceId}` });
    expect(delivered.deliveredAt).not.toBeNull();
  });

  it('retries a callback answering 500 twice, then 200: DELIVERED after 3 attempts, the same delivery id each time', async () => {
    const { accountId, token } = await account();
    const path = `/flaky-${randomUUID()}`;
    receiver.answer(path, { status: 500 }, { status: 500 }, { status: 200 });
    const instanceId = await terminal(server, { accountId, path });
    const delivered = await settled(server, token, instanceId, 'DELIVERED');
    expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 200 });
    const got = receiver.at(path);
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.headers['x-fleet-delivery']))).toEqual(new Set([delivered.id]));
    expect(got.every((r) => r.signatureValid && r.body === delivered.body)).toBe(true);
  });

  it('enqueues nothing when the terminal-state transaction rolls back', async () => {
    const { accountId, token } = await account();
    const instanceId = randomUUID();
    await expect(
      server.app.orm.em.fork().transactional(async (em) => {
        await server.app.services.taskCallbacks.enqueue(em, { accountId, instanceId, taskRef: { id: 't', callbackUrl: receiver.url('/never') }, event: COMPLETED, payload: {} });
        throw new Error('the terminal state was not written');
      }),
    ).rejects.toThrow('the terminal state was not written');
    expect(await deliveryOf(server, token, instanceId)).toEqual([]);
  });

  it('gives up on a callback that keeps failing as FAILED with the reason, after TASK_CALLBACK_MAX_ATTEMPTS', async () => {
    const { accountId, token } = await account();
    const path = `/down-${randomUUID()}`;
    receiver.answer(path, { status: 503 });
    const instanceId = await terminal(server, { accountId, path });
    const failed = await settled(server, token, instanceId, 'FAILED');
    expect(failed).toMatchObject({ attempts: 4, lastStatusCode: 503, lastError: 'gave up after 4 attempts; last: answered 503', nextAttemptAt: null });
    expect(receiver.at(path)).toHaveLength(4);
  });

  it('does not follow a redirect: the target is never asked, and the redirect is a failed attempt', async () => {
    const { accountId, token } = await account();
    const [path, target] = [`/redirect-${randomUUID()}`, `/target-${randomUUID()}`];
    receiver.answer(path, { status: 302, headers: { location: `${receiver.url(target)}?token=secret` } });
    const instanceId = await terminal(server, { accountId, path });
    const failed = await settled(server, token, instanceId, 'FAILED');
    expect(failed.lastStatusCode).toBe(302);
    expect(failed.lastError).toBe(`gave up after 4 attempts; last: answered 302 (a redirect to ${receiver.url(target)}): redirects are not followed`);
    expect(receiver.at(path)).toHaveLength(4);
    expect(receiver.at(target)).toHaveLength(0);
  });

  it.each(['http://10.0.0.1/hook', 'http://169.254.169.254/latest/meta-data'])('refuses %s without an allowance at checkTaskRef (FORBIDDEN naming the field) and at send', async (url) => {
    await expect(server.app.services.taskCallbacks.checkTaskRef({ id: 'task-1', callbackUrl: url }, 'input.taskRef')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'input.taskRef.callbackUrl' },
      message: expect.stringContaining('refused unless TASK_CALLBACK_ALLOW lists it'),
    });
    // Stored before the allowance was taken away (or under a name resolving elsewhere then): judged again at send.
    const { accountId, token } = await account();
    const instanceId = await terminal(server, { accountId, path: '', url });
    const failed = await settled(server, token, instanceId, 'FAILED');
    expect(failed).toMatchObject({ attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(/^refused: callback: http:\/\/(10\.0\.0\.1|169\.254\.169\.254) is on a (private|link-local) address/) });
  });

  it('accepts an allowed or public callback at checkTaskRef and refuses bad ones naming the field', async () => {
    const check = (taskRef: { id: string; callbackUrl: string }) => server.app.services.taskCallbacks.checkTaskRef(taskRef, 'taskRef');
    await expect(check({ id: 'task-1', callbackUrl: receiver.url('/ok') })).resolves.toBeUndefined();
    await expect(check({ id: 'task-1', callbackUrl: 'https://93.184.215.14/hook' })).resolves.toBeUndefined();
    await expect(check({ id: 'task-1', callbackUrl: 'ftp://93.184.215.14/hook' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'taskRef.callbackUrl' } });
    await expect(check({ id: 'task-1', callbackUrl: 'https://user:pw@93.184.215.14/hook' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'taskRef.callbackUrl' } });
    await expect(check({ id: 'task-1', callbackUrl: 'not a url' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'taskRef.callbackUrl' } });
    await expect(check({ id: '', callbackUrl: receiver.url('/ok') })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'taskRef.id' } });
    await expect(check({ id: 'x'.repeat(257), callbackUrl: receiver.url('/ok') })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'taskRef.id' } });
    await expect(check({ id: 'task-1', callbackUrl: 'http://localhost:9/hook' })).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'taskRef.callbackUrl' } });
  });

  it("keeps accounts apart: an account lists only its own deliveries, and another's instance filters to nothing", async () => {
    const a = await account();
    const b = await account();
    const [aInstance, bInstance] = [await terminal(server, { accountId: a.accountId, path: '/a' }), await terminal(server, { accountId: b.accountId, path: '/b' })];
    const listed = (await server.ok(TaskCallbackDeliveriesDocument, {}, a.token)).taskCallbackDeliveries;
    expect(listed.nodes.map((d) => d.instanceId)).toEqual([aInstance]);
    expect(listed.totalCount).toBe(1);
    expect(await deliveryOf(server, a.token, bInstance)).toEqual([]);
    const bad = await server.request(TaskCallbackDeliveriesDocument, { filter: { instanceId: 'nope' } }, a.token);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.field).toBe('filter.instanceId');
  });

  it('pages deliveries newest first with cursors', async () => {
    const { accountId, token } = await account();
    const instances = [];
    for (const n of [1, 2, 3]) instances.push(await terminal(server, { accountId, path: `/page-${n}` }));
    const first = (await server.ok(TaskCallbackDeliveriesDocument, { first: 2 }, token)).taskCallbackDeliveries;
    expect(first.nodes.map((d) => d.instanceId)).toEqual([instances[2], instances[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await server.ok(TaskCallbackDeliveriesDocument, { first: 2, after: first.pageInfo.endCursor }, token)).taskCallbackDeliveries;
    expect(rest.nodes.map((d) => d.instanceId)).toEqual([instances[0]]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('answers a rotated secret once: needs accounts.callbacks.manage, the audit does not hold it, and only whether one is set can be read', async () => {
    const accountId = newAccountId();
    const reader = await server.token({ accountId, permissions: [Permission.DockerHostsManage] });
    expect((await server.ok(TaskCallbackSecretSetDocument, {}, reader)).taskCallbackSecretSet).toBe(false);
    expect(codeOf(await server.request(RotateTaskCallbackSecretDocument, {}, reader))).toBe('FORBIDDEN');
    const admin = await server.token({ accountId, permissions: [Permission.AccountCallbacksManage] });
    const { secret } = (await server.ok(RotateTaskCallbackSecretDocument, {}, admin)).rotateTaskCallbackSecret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const again = (await server.ok(RotateTaskCallbackSecretDocument, {}, admin)).rotateTaskCallbackSecret.secret;
    expect(again).not.toBe(secret);
    expect((await server.ok(TaskCallbackSecretSetDocument, {}, reader)).taskCallbackSecretSet).toBe(true);
    const audit = await server.app.orm.em.fork().getConnection().execute<Array<{ outcome: string }>>('select * from activities where account_id = ? and action = ?', [accountId, 'rotateTaskCallbackSecret']);
    expect(audit.map((row) => row.outcome).sort()).toEqual(['denied', 'success', 'success']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain(again);
    const stored = await server.app.orm.em.fork().getConnection().execute('select sealed_secret from task_callback_secrets where account_id = ?', [accountId]);
    expect(JSON.stringify(stored)).not.toContain(again);
    expect(server.logs.join('')).not.toContain(again);
  });

  it('re-seals a signing secret sealed under an older key (as start-up does), and it signs the same afterwards', async () => {
    const keys = process.env.ENCRYPTION_KEYS!;
    const accountId = newAccountId();
    const { secret } = await new TaskCallbackSecrets({ orm: server.app.orm, keyRing: KeyRing.parse(keys, 'old') }).rotate(accountId);
    const current = new TaskCallbackSecrets({ orm: server.app.orm, keyRing: KeyRing.parse(keys, 'current') });
    const result = await current.reseal();
    expect(result.unreadable).not.toContain(accountId);
    const [row] = await server.app.orm.em.fork().getConnection().execute<Array<{ sealed_secret: string }>>('select sealed_secret from task_callback_secrets where account_id = ?', [accountId]);
    expect(row!.sealed_secret.startsWith('v1.current.')).toBe(true);
    const currentKeyOnly = keys.split(',').filter((entry) => entry.startsWith('current:')).join(',');
    expect(await new TaskCallbackSecrets({ orm: server.app.orm, keyRing: KeyRing.parse(currentKeyOnly, 'current') }).secretFor(accountId)).toBe(secret);
  });

  it('sends each delivery once when two instances share the outbox (claims skip what the other holds)', async () => {
    const database = await createIsolatedDatabase();
    const servers: TestServer[] = [];
    try {
      servers.push(await TestServer.start({ ...FAST, DATABASE_URL: database.url }), await TestServer.start({ ...FAST, DATABASE_URL: database.url }));
      const { accountId, token } = await account(servers[0]);
      const paths = Array.from({ length: 30 }, (_, n) => `/shared-${n}-${randomUUID()}`);
      const instances = await Promise.all(paths.map((path, n) => terminal(servers[n % 2]!, { accountId, path })));
      await waitFor(async () => (await servers[1]!.ok(TaskCallbackDeliveriesDocument, { filter: { status: 'DELIVERED' }, first: 100 }, token)).taskCallbackDeliveries.totalCount === instances.length, { what: 'every delivery DELIVERED' });
      expect(paths.map((path) => receiver.at(path).length)).toEqual(paths.map(() => 1));
      expect(paths.every((path) => receiver.at(path)[0]!.signatureValid)).toBe(true);
    } finally {
      for (const s of servers) await s.close();
      await database.drop();
    }
  });

  it('delivers after a restart mid-retry (no loss), and a delivery whose sender died mid-send, with the same delivery id', async () => {
    const database = await createIsolatedDatabase();
    let first: TestServer | undefined;
    let second: TestServer | undefined;
    try {
      first = await TestServer.start({ ...FAST, DATABASE_URL: database.url, TASK_CALLBACK_BACKOFF_MS: '400', TASK_CALLBACK_MAX_ATTEMPTS: '12' });
      const { accountId, token } = await account(first);
      const path = `/restart-${randomUUID()}`;
      receiver.answer(path, { status: 500 });
      const instanceId = await terminal(first, { accountId, path });
      const retrying = await waitFor(async () => (await deliveryOf(first!, token, instanceId)).find((d) => d.attempts >= 1 && d.status === 'PENDING'), { what: 'a failed first attempt' });
      await first.close();
      first = undefined;

      // A second delivery taken by an instance that died while sending: DELIVERING under a lease that has lapsed.
      const orphan = { id: randomUUID(), instanceId: randomUUID(), path: `/orphan-${randomUUID()}` };
      const sql = new PgClient({ connectionString: database.url });
      await sql.connect();
      await sql.query(
        `insert into task_callback_deliveries (id, account_id, instance_id, task_id, callback_url, event, body, status, attempts, next_attempt_at, last_attempt_at, created_at, lease_owner, lease_expires_at)
         values ($1, $2, $3, 'orphan', $4, $5, '{"orphan":true}', 'DELIVERING', 1, now(), now(), now(), 'crashed-instance', now() - interval '1 second')`,
        [orphan.id, accountId, orphan.instanceId, receiver.url(orphan.path), COMPLETED],
      );
      await sql.end();
      receiver.answer(path, { status: 200 });
      second = await TestServer.start({ ...FAST, DATABASE_URL: database.url });

      const delivered = await settled(second, token, instanceId, 'DELIVERED');
      expect(delivered.id).toBe(retrying.id);
      expect(delivered.attempts).toBeGreaterThanOrEqual(2);
      const got = receiver.at(path);
      expect(got.length).toBe(delivered.attempts);
      expect(new Set(got.map((r) => r.headers['x-fleet-delivery']))).toEqual(new Set([delivered.id]));
      expect(got.at(-1)!.signatureValid).toBe(true);

      const taken = await settled(second, token, orphan.instanceId, 'DELIVERED');
      expect(taken).toMatchObject({ id: orphan.id, attempts: 2 });
      expect(receiver.at(orphan.path).map((r) => [r.headers['x-fleet-delivery'], r.signatureValid])).toEqual([[orphan.id, true]]);
    } finally {
      await first?.close();
      await second?.close();
      await database.drop();
    }
  });
});
