import { randomUUID } from 'node:crypto';
import {
  BuildImageDocument,
  CreateContainerDocument,
  ImageDetailsDocument,
  ImageOperationDocument,
  ImageOperationProgressDocument,
  ImageOperationStatus,
  ImagesDocument,
  RemoveContainerDocument,
  RemoveImageDocument,
  TagImageDocument,
  type ImageOperationProgressSubscription,
} from '../generated/graphql';
import { TestServer, codeOf, registerFleetHost } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { Collector } from '../support/wait';

/** The seed's ImageManager on the mutual-TLS fleet host: build with progress, inspect, tag, remove. */
describe('image operations on the real fleet', () => {
  let server: TestServer;
  let token: string;
  let hostId: string;
  beforeAll(async () => {
    server = await TestServer.syncing();
    token = await server.token();
    hostId = await registerFleetHost(server, token, 'tls', 'images-tls');
  });
  afterAll(async () => {
    await server?.close();
  });

  const imageByTag = async (tag: string) => (await server.ok(ImagesDocument, { filter: { hostId }, first: 500 }, token)).images.nodes.find((i) => i.repoTags.includes(tag));

  it('builds from a Dockerfile and files with streamed progress, then inspects, tags and removes the image', async () => {
    const tag = `fleet/built-${randomUUID().slice(0, 8)}:v1`;
    const input = {
      tags: [tag],
      // The first RUN takes a few seconds, so the subscription below is live before the steps it checks.
      dockerfile: 'FROM fleet/busybox:latest\nRUN sleep 3\nLABEL stage=test\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt\nCMD ["cat", "/hello.txt"]\n',
      files: [{ path: 'hello.txt', content: 'hello from the API\n' }],
    };
    const { buildImage: started } = await server.ok(BuildImageDocument, { hostId, input }, token);
    expect(started).toMatchObject({ kind: 'BUILD', reference: tag });

    // Subscribing late is fine: the first message is the operation's state now, then everything after it.
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    try {
      const progress = new Collector<ImageOperationProgressSubscription>(subscribe(client, ImageOperationProgressDocument, { operationId: started.id }));
      const last = await progress.waitFor((m) => m.imageOperationProgress.done, { what: 'the final progress message', timeoutMs: 60_000 });
      expect(last.imageOperationProgress).toMatchObject({ status: ImageOperationStatus.Succeeded, error: null });
      const lines = progress.messages.map((m) => m.imageOperationProgress.message ?? '').join('\n');
      expect(progress.messages[0]!.imageOperationProgress.status).toBe(ImageOperationStatus.Running);
      expect(lines).toMatch(/Step 5\/6 : RUN cat/);
      expect(lines).toContain('hello from the API');
      expect(progress.messages.filter((m) => m.imageOperationProgress.done)).toHaveLength(1);
    } finally {
      await client.dispose();
    }
    const { imageOperation } = await server.ok(ImageOperationDocument, { id: started.id }, token);
    expect(imageOperation).toMatchObject({ status: 'SUCCEEDED', errorCode: null });
    expect(imageOperation.imageId).toMatch(/^sha256:/);
    expect(imageOperation.finishedAt).not.toBeNull();

    const built = await imageByTag(tag);
    expect(built).toBeDefined();
    const { image } = await server.ok(ImageDetailsDocument, { id: built!.id }, token);
    expect(image).toMatchObject({ dockerId: imageOperation.imageId, labels: { stage: 'test' }, cmd: ['cat', '/hello.txt'], os: 'linux' });

    const alias = `fleet/alias-${randomUUID().slice(0, 8)}`;
    const { tagImage } = await server.ok(TagImageDocument, { id: built!.id, repository: alias, tag: 'v2' }, token);
    expect(tagImage.repoTags).toEqual(expect.arrayContaining([tag, `${alias}:v2`]));

    const { createContainer } = await server.ok(CreateContainerDocument, { hostId, input: { image: tag, network: 'none' } }, token);
    const refused = await server.request(RemoveImageDocument, { id: built!.id }, token);
    expect(codeOf(refused)).toBe('CONFLICT');
    await server.ok(RemoveContainerDocument, { id: createContainer.id }, token);
    expect((await server.ok(RemoveImageDocument, { id: built!.id, force: true }, token)).removeImage).toBe(built!.id);
    expect(await imageByTag(tag)).toBeUndefined();
    expect(codeOf(await server.request(ImageDetailsDocument, { id: built!.id }, token))).toBe('NOT_FOUND');
  });

  it('reports a failing build as a FAILED operation with the Engine\'s reason, and refuses bad build input by field', async () => {
    const input = { tags: [`fleet/broken-${randomUUID().slice(0, 8)}:v1`], dockerfile: 'FROM fleet/busybox:latest\nRUN exit 7\n' };
    const { buildImage } = await server.ok(BuildImageDocument, { hostId, input, wait: true }, token);
    expect(buildImage).toMatchObject({ status: 'FAILED', errorCode: 'DOCKER_API_ERROR' });
    expect(buildImage.error).toMatch(/returned a non-zero code: 7/);

    const outside = await server.request(BuildImageDocument, { hostId, input: { tags: ['x:1'], dockerfile: 'FROM scratch', files: [{ path: '../etc/passwd', content: 'x' }] } }, token);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files[0].path' });
    // A second Dockerfile among the files would replace the checked one as the Engine unpacks the context.
    for (const path of ['Dockerfile', './Dockerfile', 'x/../dockerfile', 'a//../Dockerfile']) {
      const second = await server.request(BuildImageDocument, { hostId, input: { tags: ['x:1'], dockerfile: 'FROM scratch', files: [{ path, content: 'FROM 127.0.0.1:9/x' }] } }, token);
      expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files[0].path' });
    }
    const noDockerfile = await server.request(BuildImageDocument, { hostId, input: { tags: ['x:1'] } }, token);
    expect(noDockerfile.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dockerfile' });
    const badTag = await server.request(BuildImageDocument, { hostId, input: { tags: ['Not A Tag'], dockerfile: 'FROM scratch' } }, token);
    expect(badTag.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags[0]' });
    expect(codeOf(await server.request(ImageOperationDocument, { id: buildImage.id }, await server.token()))).toBe('NOT_FOUND');
  });
});
