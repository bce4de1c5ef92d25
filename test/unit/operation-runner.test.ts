import { DomainError, ErrorCode } from '../../src/common/errors';
import { Operation, OperationStatus } from '../../src/operations/operation.entity';
import { OperationErrorCode, OperationRunner, type OperationContext } from '../../src/operations/operation.runner';
import type { OperationProgressMessage } from '../../src/operations/operation.topics';
import { createLocalPubSub, type PubSub } from '../../src/pubsub/pubsub';
import { FakeOperationStore, recordingLogger } from './fakes/operations.fake';

/** A kind of operation of its own, as a domain declares one: a target, and what it produces. */
class Job extends Operation {
  target = '';
  output?: string | null;
}

/** A task that waits until the test lets it go on. */
function gated(body: (context: OperationContext) => Promise<Partial<Job> | void>) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let context!: OperationContext;
  const task = async (given: OperationContext) => {
    context = given;
    await gate;
    return body(given);
  };
  return { task, open: () => open(), context: () => context };
}

async function collect(messages: AsyncIterable<OperationProgressMessage>): Promise<OperationProgressMessage[]> {
  const all: OperationProgressMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

describe(OperationRunner.name, () => {
  let store: FakeOperationStore;
  let pubsub: PubSub;
  const log = recordingLogger();
  const runner = (instanceId = 'instance-a') => new OperationRunner({ repository: store, pubsub, logger: log.logger, instanceId });
  const job = (target = 'app:1') => Object.assign(new Job(), { accountId: 'acct', target });
  beforeEach(() => {
    store = new FakeOperationStore();
    pubsub = createLocalPubSub();
  });

  it('stores the operation RUNNING with its owner and deadline before the task runs, then SUCCEEDED with what the task returned', async () => {
    const operations = runner();
    const { task, open } = gated(async () => ({ output: 'sha256:abc' }));
    const started = await operations.run(job(), task, { timeoutMs: 60_000, wait: false });
    expect(store.row(started.id)).toMatchObject({ status: OperationStatus.RUNNING, ownerInstance: 'instance-a', finishedAt: undefined });
    expect(store.row(started.id).deadlineAt!.getTime() - started.startedAt.getTime()).toBeGreaterThanOrEqual(60_000 - 5);
    open();
    const ended = await operations.wait(Job, 'acct', started.id);
    expect(ended).toMatchObject({ status: OperationStatus.SUCCEEDED, output: 'sha256:abc', error: undefined, errorCode: undefined });
    expect(ended.finishedAt).toBeInstanceOf(Date);
  });

  it('publishes progress in the order the task reports it, keeps the last line, and ends with exactly one done message', async () => {
    const operations = runner();
    const { task, open } = gated(async ({ progress }) => {
      progress({ message: 'Pulling fs layer', part: 'l1' });
      progress({ message: 'Downloading', part: 'l1', current: 10, total: 100 });
      await Promise.resolve();
      progress({ message: 'Step 2/2 : CMD x' });
    });
    const started = await operations.run(job(), task, { timeoutMs: 60_000, wait: false });
    const following = collect(await operations.follow(Job, 'acct', started.id));
    open();
    const messages = await following;
    expect(messages.map((m) => [m.status, m.message, m.part, m.current, m.done])).toEqual([
      [OperationStatus.RUNNING, null, null, null, false],
      [OperationStatus.RUNNING, 'Pulling fs layer', 'l1', null, false],
      [OperationStatus.RUNNING, 'Downloading', 'l1', 10, false],
      [OperationStatus.RUNNING, 'Step 2/2 : CMD x', null, null, false],
      [OperationStatus.SUCCEEDED, 'Step 2/2 : CMD x', null, null, true],
    ]);
    expect(store.row(started.id).lastMessage).toBe('Step 2/2 : CMD x');
  });

  it("fails with a domain error's code and message, and with INTERNAL_SERVER_ERROR (logged) for anything else", async () => {
    const operations = runner();
    const refused = await operations.run(job(), async () => {
      throw new DomainError(ErrorCode.REGISTRY_AUTH_FAILED, 'pushing app:1: registry refused access');
    }, { timeoutMs: 60_000, wait: true });
    expect(refused).toMatchObject({ status: OperationStatus.FAILED, errorCode: 'REGISTRY_AUTH_FAILED', error: 'pushing app:1: registry refused access' });
    const crashed = await operations.run(job(), async () => {
      throw new TypeError('x is undefined');
    }, { timeoutMs: 60_000, wait: true });
    expect(store.row(crashed.id)).toMatchObject({ status: OperationStatus.FAILED, errorCode: 'INTERNAL_SERVER_ERROR', error: 'x is undefined' });
    expect(log.lines().filter((l) => l.msg === 'operation crashed').map((l) => l.operationId)).toEqual([crashed.id]);
  });

  it('fails with OPERATION_TIMEOUT when the task has no result in time, aborts it, and ignores what it reports or returns afterwards', async () => {
    const operations = runner();
    const { task, open, context } = gated(async ({ progress }) => {
      progress({ message: 'too late' });
      return { output: 'too late' };
    });
    const published: OperationProgressMessage[] = [];
    const started = await operations.run(job(), task, { timeoutMs: 30, wait: false });
    const channel = pubsub.subscribe('OPERATION_PROGRESS', started.id);
    void (async () => {
      for await (const message of channel) published.push(message);
    })();
    const ended = await operations.wait(Job, 'acct', started.id);
    expect(ended).toMatchObject({ status: OperationStatus.FAILED, errorCode: OperationErrorCode.OPERATION_TIMEOUT, error: 'no result within 0.03 s' });
    expect(context().signal.aborted).toBe(true);
    open();
    await operations.close();
    await channel.return();
    expect(published.map((m) => m.done)).toEqual([true]);
    expect(store.row(started.id)).toMatchObject({ status: OperationStatus.FAILED, output: undefined, lastMessage: undefined });
  });

  it('renews the heartbeat of exactly the operations running here, so a live instance keeps them', async () => {
    const [alive, dead] = [runner('instance-alive'), runner('instance-dead')];
    const running = gated(async () => undefined);
    const mine = await alive.run(job(), running.task, { timeoutMs: 600_000, wait: false });
    await alive.run(job(), async () => undefined, { timeoutMs: 600_000, wait: true });
    const left = gated(async () => undefined);
    await dead.run(job(), left.task, { timeoutMs: 600_000, wait: false });
    store.now += 50_000;
    await alive.heartbeat();
    expect(store.heartbeats).toEqual([[mine.id]]);
    store.now += 50_000; // 100 s after both started, 50 s after the live instance's last heartbeat
    expect((await alive.settleAbandoned()).map((o) => o.ownerInstance)).toEqual(['instance-dead']);
    expect(store.row(mine.id).status).toBe(OperationStatus.RUNNING);
    running.open();
    left.open();
    await Promise.all([alive.close(), dead.close()]);
  });

  it("settles a dead instance's RUNNING rows as OPERATION_ABANDONED, tells their followers, and keeps that outcome when the task ends after all", async () => {
    const [dead, alive] = [runner('instance-dead'), runner('instance-alive')];
    const { task, open } = gated(async () => ({ output: 'sha256:late' }));
    const started = await dead.run(job(), task, { timeoutMs: 600_000, wait: false });
    const following = collect(await alive.follow(Job, 'acct', started.id));
    store.now += 59_000;
    expect(await alive.settleAbandoned()).toEqual([]); // within four heartbeats of its start
    store.now += 2_000;
    const settled = await alive.settleAbandoned();
    expect(settled.map((o) => o.id)).toEqual([started.id]);
    const messages = await following;
    expect(messages.at(-1)).toMatchObject({ done: true, status: OperationStatus.FAILED, errorCode: OperationErrorCode.OPERATION_ABANDONED, error: 'the API instance running it stopped before it ended' });
    expect(log.lines().some((l) => l.msg === 'operations left running by a stopped instance settled as failed')).toBe(true);

    const published: OperationProgressMessage[] = [];
    const channel = pubsub.subscribe('OPERATION_PROGRESS', started.id);
    void (async () => {
      for await (const message of channel) published.push(message);
    })();
    open();
    await dead.close();
    await channel.return();
    expect(published).toEqual([]);
    expect(store.row(started.id)).toMatchObject({ status: OperationStatus.FAILED, errorCode: OperationErrorCode.OPERATION_ABANDONED, output: undefined });
  });

  it('settles a row well past its deadline even while its heartbeat is fresh', async () => {
    const operations = runner();
    const { task, open } = gated(async () => undefined);
    const stuck = await operations.run(job(), task, { timeoutMs: 600_000, wait: false });
    store.row(stuck.id).deadlineAt = new Date(store.now - 16_000); // as an instance whose timer never fired would leave it
    expect((await operations.settleAbandoned()).map((o) => o.id)).toEqual([stuck.id]);
    open();
    await operations.close();
  });

  it("answers follow and wait for an operation of another account or kind as NOT_FOUND, and an ended one's state at once", async () => {
    const operations = runner();
    const ended = await operations.run(job(), async () => undefined, { timeoutMs: 60_000, wait: true });
    await expect(operations.follow(Job, 'other-account', ended.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    class OtherKind extends Operation {}
    await expect(operations.wait(OtherKind, 'acct', ended.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await collect(await operations.follow(Job, 'acct', ended.id))).toEqual([expect.objectContaining({ done: true, status: OperationStatus.SUCCEEDED })]);
  });
});
