import { OutboundPolicy } from '../../src/security/outbound-policy';
import { createHmac } from 'node:crypto';
import { createLogger } from '../../src/log/logger';
import { TaskCallbackDeliverer } from '../../src/tasks/task-callback.deliverer';
import { backoffMs, judgeAttempt, MAX_BACKOFF_MS, signBody } from '../../src/tasks/task-callback.rules';
import { TaskCallbackWorker } from '../../src/tasks/task-callback.worker';
import { FakeLedger, FakePolicy, FakeReceiver, fakeSecrets, pendingDelivery } from './fakes/task-callbacks.fake';

const noJitter = () => 0;
const rules = { maxAttempts: 12, backoffBaseMs: 1000, random: noJitter };

describe(backoffMs.name, () => {
  it('doubles from the base after each failed attempt: 1 s, 2 s, 4 s, 8 s', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 1000, noJitter))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits more than 5 minutes, however many attempts failed', () => {
    expect(backoffMs(9, 1000, noJitter)).toBe(256_000);
    expect(backoffMs(10, 1000, noJitter)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(1000, 1000, () => 0.999)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
  });

  it('takes up to a fifth off a wait as jitter, never adding to it', () => {
    expect(backoffMs(3, 1000, () => 1)).toBe(3200);
    expect(backoffMs(3, 1000, () => 0.5)).toBe(3600);
  });
});

describe(judgeAttempt.name, () => {
  it('counts any 2xx answer as delivered', () => {
    expect(judgeAttempt({ kind: 'answered', statusCode: 204 }, { ...rules, attempts: 1 })).toEqual({ status: 'DELIVERED', statusCode: 204 });
  });

  it('retries an error answer with backoff while attempts remain', () => {
    expect(judgeAttempt({ kind: 'answered', statusCode: 500 }, { ...rules, attempts: 2 })).toEqual({ status: 'PENDING', statusCode: 500, error: 'answered 500', retryInMs: 2000 });
  });

  it('counts a redirect as a failed attempt, naming where it pointed without following it', () => {
    const outcome = judgeAttempt({ kind: 'answered', statusCode: 302, location: 'http://169.254.169.254/latest' }, { ...rules, attempts: 1 });
    expect(outcome).toMatchObject({ status: 'PENDING', statusCode: 302, error: 'answered 302 (a redirect to http://169.254.169.254/latest): redirects are not followed' });
  });

  it('retries a callback that did not answer', () => {
    expect(judgeAttempt({ kind: 'unreachable', error: 'no answer within 5000 ms' }, { ...rules, attempts: 1 })).toMatchObject({ status: 'PENDING', statusCode: null, error: 'no answer within 5000 ms' });
  });

  it('gives up as FAILED with the last reason once the last allowed attempt failed', () => {
    expect(judgeAttempt({ kind: 'answered', statusCode: 503 }, { ...rules, attempts: 12 })).toEqual({ status: 'FAILED', statusCode: 503, error: 'gave up after 12 attempts; last: answered 503' });
  });

  it('fails a destination no longer allowed at once instead of retrying it', () => {
    expect(judgeAttempt({ kind: 'refused', reason: 'callback: 10.0.0.1 is on a private address' }, { ...rules, attempts: 1 })).toEqual({ status: 'FAILED', statusCode: null, error: 'refused: callback: 10.0.0.1 is on a private address' });
  });

  it('keeps a stored reason within 500 characters', () => {
    const outcome = judgeAttempt({ kind: 'unreachable', error: 'x'.repeat(2000) }, { ...rules, attempts: 1 });
    expect(outcome.status === 'PENDING' && outcome.error.length).toBe(500);
  });
});

describe(signBody.name, () => {
  it('is HMAC-SHA256 over the exact body bytes, as a receiver computes it', () => {
    const body = '{"a":"é","b":[1,2]}';
    expect(signBody('whsec_k', body)).toBe(`sha256=${createHmac('sha256', Buffer.from('whsec_k')).update(Buffer.from(body, 'utf8')).digest('hex')}`);
    expect(signBody('whsec_k', body)).not.toBe(signBody('whsec_k', `${body} `));
    expect(signBody('whsec_other', body)).not.toBe(signBody('whsec_k', body));
  });
});

describe(TaskCallbackDeliverer.name, () => {
  const deliverer = (receiver: FakeReceiver, options: { ledger?: FakeLedger; policy?: FakePolicy; maxAttempts?: number } = {}) =>
    new TaskCallbackDeliverer({ ledger: options.ledger ?? new FakeLedger(), secrets: fakeSecrets('whsec_acct'), policy: options.policy ?? new FakePolicy(), send: receiver.send, maxAttempts: options.maxAttempts ?? 12, backoffBaseMs: 1000, random: noJitter, now: () => new Date('2026-12-02T12:00:00Z') });

  it('posts the stored body signed with the account secret, naming the delivery and the event', async () => {
    const receiver = new FakeReceiver([{ kind: 'answered', statusCode: 200 }]);
    const ledger = new FakeLedger();
    const delivery = pendingDelivery();
    await deliverer(receiver, { ledger }).attempt(delivery, 'api-1');
    expect(receiver.posts).toEqual([
      {
        url: delivery.callbackUrl,
        body: delivery.body,
        headers: {
          'Content-Type': 'application/json',
          'X-Fleet-Delivery': delivery.id,
          'X-Fleet-Event': 'container_instance.completed',
          'X-Fleet-Signature': signBody('whsec_acct', delivery.body),
          'X-Fleet-Timestamp': String(Date.parse('2026-12-02T12:00:00Z') / 1000),
        },
      },
    ]);
    expect(ledger.recorded).toEqual([{ id: delivery.id, owner: 'api-1', outcome: { status: 'DELIVERED', statusCode: 200 } }]);
  });

  it('sends every retry with the same delivery id and body', async () => {
    const receiver = new FakeReceiver([{ kind: 'answered', statusCode: 500 }, { kind: 'answered', statusCode: 500 }, { kind: 'answered', statusCode: 200 }]);
    const ledger = new FakeLedger();
    const delivery = pendingDelivery();
    const outcomes = [];
    for (const attempts of [1, 2, 3]) outcomes.push((await deliverer(receiver, { ledger }).attempt({ ...delivery, attempts }, 'api-1')).status);
    expect(outcomes).toEqual(['PENDING', 'PENDING', 'DELIVERED']);
    expect(new Set(receiver.posts.map((post) => post.headers['X-Fleet-Delivery']))).toEqual(new Set([delivery.id]));
    expect(new Set(receiver.posts.map((post) => post.body))).toEqual(new Set([delivery.body]));
  });

  it('judges the destination again before sending: one no longer allowed is FAILED without a request', async () => {
    const receiver = new FakeReceiver([{ kind: 'answered', statusCode: 200 }]);
    const policy = new FakePolicy();
    policy.refused.add('tasks.example.com');
    const outcome = await deliverer(receiver, { policy }).attempt(pendingDelivery(), 'api-1');
    expect(outcome).toMatchObject({ status: 'FAILED', error: expect.stringContaining('refused: callback: https://tasks.example.com/hook is on a private address') });
    expect(receiver.posts).toHaveLength(0);
  });
});

describe('a callback host that does not resolve', () => {
  it('is a failed attempt retried with backoff (a resolver hiccup), not a refusal', async () => {
    const receiver = new FakeReceiver([{ kind: 'answered', statusCode: 200 }]);
    const policy = new OutboundPolicy({ allow: [], lookup: async () => [] });
    const delivering = new TaskCallbackDeliverer({ ledger: new FakeLedger(), secrets: fakeSecrets('whsec_acct'), policy, send: receiver.send, maxAttempts: 12, backoffBaseMs: 1000 });
    const outcome = await delivering.attempt(pendingDelivery(), 'api-1');
    expect(outcome).toMatchObject({ status: 'PENDING', error: expect.stringContaining('does not resolve') });
    expect(receiver.posts).toHaveLength(0);
  });
});

describe(TaskCallbackWorker.name, () => {
  it('attempts every claimed delivery and records one that could not be sent as a failed attempt (retried, counted toward the limit), not a crash', async () => {
    const ledger = new FakeLedger();
    const receiver = new FakeReceiver([{ kind: 'answered', statusCode: 200 }]);
    const ok = pendingDelivery();
    const broken = pendingDelivery({ accountId: 'acct-broken' });
    ledger.due = [ok, broken];
    const secrets = { secretFor: async (accountId: string) => (accountId === 'acct-broken' ? Promise.reject(new Error('database away')) : 'whsec_acct') };
    const deliverer = new TaskCallbackDeliverer({ ledger, secrets, policy: new FakePolicy(), send: receiver.send, maxAttempts: 3, backoffBaseMs: 10 });
    const worker = new TaskCallbackWorker({ ledger, deliverer, logger: createLogger({ level: 'silent' }), instanceId: 'api-1', tickMs: 60_000, leaseMs: 1000 });
    worker.start();
    await worker.stop();
    expect(ledger.recorded.map((r) => [r.id, r.outcome.status])).toEqual([[ok.id, 'DELIVERED'], [broken.id, 'PENDING']]);
    expect(ledger.recorded[1]!.outcome).toMatchObject({ error: 'not sent: database away' });
    expect(receiver.posts.map((post) => post.headers['X-Fleet-Delivery'])).toEqual([ok.id]);
  });
});
