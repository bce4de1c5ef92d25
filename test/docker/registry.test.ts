import { randomUUID } from 'node:crypto';
import {
  ActivitiesDocument,
  DeleteRegistryCredentialDocument,
  DockerHostEnvironment,
  ImageOperationProgressDocument,
  ImagesDocument,
  PullImageDocument,
  PushImageDocument,
  RegisterDockerHostDocument,
  RegistryCredentialsDocument,
  RemoveImageDocument,
  SetRegistryCredentialDocument,
  TagImageDocument,
  type ImageOperationProgressSubscription,
} from '../generated/graphql';
import { loadFleet, type Fleet } from '../support/fleet';
import { TestServer, codeOf, registerFleetHost } from '../support/harness';
import { subscribe } from '../support/subscriptions';
import { Collector } from '../support/wait';

/**
 * Push and pull against the test fleet's real registries (Debian docker-registry on 127.0.0.1: an open one, and one
 * that wants basic auth), through the main daemon, which reaches them on its loopback.
 */
describe('images through a real registry', () => {
  let fleet: Fleet;
  let server: TestServer;
  let token: string;
  let hostId: string;
  beforeAll(async () => {
    fleet = loadFleet();
    server = await TestServer.syncing();
    token = await server.token();
    hostId = await registerFleetHost(server, token, 'socket', 'registry-client');
  });
  afterAll(async () => {
    await server?.close();
  });

  const images = async () => (await server.ok(ImagesDocument, { filter: { hostId }, first: 500 }, token)).images.nodes;
  const byTag = async (tag: string) => (await images()).find((i) => i.repoTags.includes(tag));
  const baseImage = async () => (await byTag(fleet.image))!;

  it('tags, pushes with progress, removes locally and pulls back from the open registry', async () => {
    const repository = `${fleet.registry}/fleet/roundtrip-${randomUUID().slice(0, 8)}`;
    const reference = `${repository}:1`;
    await server.ok(TagImageDocument, { id: (await baseImage()).id, repository, tag: '1' }, token);

    const { pushImage } = await server.ok(PushImageDocument, { hostId, reference }, token);
    const client = server.wsClient({ authorization: `Bearer ${token}` });
    try {
      const progress = new Collector<ImageOperationProgressSubscription>(subscribe(client, ImageOperationProgressDocument, { operationId: pushImage.id }));
      const done = await progress.waitFor((m) => m.imageOperationProgress.done, { what: 'the push to end', timeoutMs: 60_000 });
      expect(done.imageOperationProgress).toMatchObject({ status: 'SUCCEEDED', errorCode: null });
    } finally {
      await client.dispose();
    }

    const tagged = await byTag(reference);
    const refused = await server.request(RemoveImageDocument, { id: tagged!.id }, token);
    expect(codeOf(refused)).toBe('CONFLICT'); // by id: the image has other tags (it is fleet/busybox too)
    expect((await server.ok(RemoveImageDocument, { id: tagged!.id, reference }, token)).removeImage).toBe(tagged!.id);
    expect(await byTag(reference)).toBeUndefined();
    expect(await byTag(fleet.image)).toBeDefined();

    const { pullImage } = await server.ok(PullImageDocument, { hostId, reference, wait: true }, token);
    expect(pullImage).toMatchObject({ kind: 'PULL', status: 'SUCCEEDED', reference });
    expect(await byTag(reference)).toBeDefined();
    await server.ok(RemoveImageDocument, { id: (await byTag(reference))!.id, reference }, token);
  });

  it('names the image when a pull finds nothing, and defaults a missing tag to latest', async () => {
    const missing = `${fleet.registry}/fleet/nothing-here-${randomUUID().slice(0, 8)}`;
    const { pullImage } = await server.ok(PullImageDocument, { hostId, reference: missing, wait: true }, token);
    expect(pullImage).toMatchObject({ status: 'FAILED', reference: `${missing}:latest`, errorCode: 'NOT_FOUND' });
    expect(pullImage.error).toContain(missing);
  });

  it('needs credentials for the private registry: refused without, works with, and never shows the password', async () => {
    const { authRegistry } = fleet;
    const repository = `${authRegistry.address}/fleet/private-${randomUUID().slice(0, 8)}`;
    const reference = `${repository}:1`;
    await server.ok(TagImageDocument, { id: (await baseImage()).id, repository, tag: '1' }, token);

    const refused = (await server.ok(PushImageDocument, { hostId, reference, wait: true }, token)).pushImage;
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'REGISTRY_AUTH_FAILED' });

    const wrong = await server.ok(SetRegistryCredentialDocument, { input: { registry: authRegistry.address, username: authRegistry.username, password: 'not-the-password' } }, token);
    expect((await server.ok(PushImageDocument, { hostId, reference, wait: true }, token)).pushImage).toMatchObject({ status: 'FAILED', errorCode: 'REGISTRY_AUTH_FAILED' });

    const { setRegistryCredential } = await server.ok(SetRegistryCredentialDocument, { input: { registry: authRegistry.address, username: authRegistry.username, password: authRegistry.password } }, token);
    expect(setRegistryCredential.id).toBe(wrong.setRegistryCredential.id); // one credential per registry, replaced
    expect((await server.ok(PushImageDocument, { hostId, reference, wait: true }, token)).pushImage).toMatchObject({ status: 'SUCCEEDED' });

    await server.ok(RemoveImageDocument, { id: (await byTag(reference))!.id, reference }, token);
    expect((await server.ok(PullImageDocument, { hostId, reference, wait: true }, token)).pullImage).toMatchObject({ status: 'SUCCEEDED' });
    await server.ok(RemoveImageDocument, { id: (await byTag(reference))!.id, reference }, token);

    // Another account has no credentials of its own: its pull of the private image is refused.
    const stranger = await server.token();
    const strangerHost = (await server.ok(RegisterDockerHostDocument, { input: { name: 'stranger', apiEndpoint: fleet.socketEndpoint, environment: DockerHostEnvironment.Development } }, stranger)).registerDockerHost.id;
    expect((await server.ok(PullImageDocument, { hostId: strangerHost, reference, wait: true }, stranger)).pullImage).toMatchObject({ status: 'FAILED', errorCode: 'REGISTRY_AUTH_FAILED' });
    expect((await server.ok(RegistryCredentialsDocument, {}, stranger)).registryCredentials).toEqual([]);

    const listed = await server.request(RegistryCredentialsDocument, {}, token);
    expect(listed.data?.registryCredentials).toEqual([{ id: setRegistryCredential.id, registry: authRegistry.address, username: authRegistry.username }]);
    const { activities } = await server.ok(ActivitiesDocument, { first: 100 }, token);
    expect(JSON.stringify([listed, activities])).not.toContain(authRegistry.password);
    expect(activities.nodes.find((a) => a.action === 'setRegistryCredential')?.parameters).toMatchObject({ input: { password: '[redacted]' } });
    expect(codeOf(await server.request(DeleteRegistryCredentialDocument, { id: setRegistryCredential.id }, stranger))).toBe('NOT_FOUND');
    await server.ok(DeleteRegistryCredentialDocument, { id: setRegistryCredential.id }, token);
  });
});
