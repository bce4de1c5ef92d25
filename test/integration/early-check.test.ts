import { DockerHostDocument, DockerHostEnvironment, DockerHostStatus, RegisterDockerHostDocument } from '../generated/graphql';
import { TestServer } from '../support/harness';

/** A check brought forward because a host answered a ping does not count toward ERROR when it fails. */
describe('an early check', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server?.close());

  it('records its failure but leaves the failure count where the counted checks put it', async () => {
    const token = await server.token();
    const input = { name: 'closed', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development };
    const { registerDockerHost: host } = await server.ok(RegisterDockerHostDocument, { input }, token);
    expect(host).toMatchObject({ status: DockerHostStatus.Pending, consecutiveFailures: 1 });
    const read = async () => (await server.ok(DockerHostDocument, { id: host.id }, token)).dockerHost;

    for (let i = 0; i < 6; i++) expect((await server.app.sync.fullSync(host.id, { early: true })).ok).toBe(false);
    expect(await read()).toMatchObject({ status: DockerHostStatus.Pending, consecutiveFailures: 1, lastErrorCode: 'HOST_UNREACHABLE' });
    for (let i = 0; i < 4; i++) await server.app.sync.fullSync(host.id);
    expect(await read()).toMatchObject({ status: DockerHostStatus.Error, consecutiveFailures: 5 });
  });
});
