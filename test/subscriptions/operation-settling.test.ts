import { DockerHostEnvironment, ImageOperationDocument, ImageOperationProgressDocument, ImageOperationStatus, RegisterDockerHostDocument, type ImageOperationProgressSubscription } from '../generated/graphql';
import { ImageOperation, ImageOperationKind } from '../../src/images/image-operation.entity';
import { OperationStatus } from '../../src/operations/operation.entity';
import { TestServer, createIsolatedDatabase, newAccountId } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { Collector } from '../support/wait';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * An instance that dies mid-pull leaves its operation RUNNING. The next instance to come up (sharing the database and
 * Redis) settles it, and a subscriber on another instance hears the end.
 */
describe('operations left running by a stopped instance', () => {
  let one: TestServer | undefined;
  let two: TestServer | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await drop?.();
  });

  it('are settled as FAILED with OPERATION_ABANDONED by the next instance up, and their followers get the final message', async () => {
    const database = await createIsolatedDatabase();
    drop = database.drop;
    one = await TestServer.start({ DATABASE_URL: database.url, REDIS_URL });
    const accountId = newAccountId();
    const token = await one.token({ accountId });
    const { registerDockerHost: host } = await one.ok(RegisterDockerHostDocument, { input: { name: 'settling', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development } }, token);
    // As the dead instance left it: its last heartbeat two minutes ago.
    const left = Object.assign(new ImageOperation(), { accountId, hostId: host.id, kind: ImageOperationKind.PULL, reference: 'team/app:1', ownerInstance: 'crashed-instance', lastMessage: 'l1: Downloading', heartbeatAt: new Date(Date.now() - 120_000) });
    await one.app.orm.em.fork().persist(left).flush();

    const client = one.wsClient({ authorization: `Bearer ${token}` });
    try {
      const progress = new Collector<ImageOperationProgressSubscription>(subscribe(client, ImageOperationProgressDocument, { operationId: left.id }));
      await progress.waitFor((m) => m.imageOperationProgress.status === ImageOperationStatus.Running, { what: 'the state now' });
      two = await TestServer.start({ DATABASE_URL: database.url, REDIS_URL });
      const last = await progress.waitFor((m) => m.imageOperationProgress.done, { what: 'the final message', timeoutMs: 20_000 });
      expect(last.imageOperationProgress).toMatchObject({ status: ImageOperationStatus.Failed, errorCode: 'OPERATION_ABANDONED', error: 'the API instance running it stopped before it ended', message: 'l1: Downloading' });
    } finally {
      await client.dispose();
    }
    const { imageOperation } = await two.ok(ImageOperationDocument, { id: left.id }, token);
    expect(imageOperation).toMatchObject({ status: OperationStatus.FAILED, errorCode: 'OPERATION_ABANDONED' });
    expect(imageOperation.finishedAt).not.toBeNull();
  });
});
