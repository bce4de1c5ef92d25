import {
  ConnectDockerHostDocument,
  DeleteDockerHostDocument,
  DisconnectDockerHostDocument,
  DockerHostDocument,
  DockerHostEnvironment,
  DockerHostsDocument,
  RecoverDockerHostDocument,
  RegisterDockerHostDocument,
  SetDockerHostMaintenanceDocument,
  UpdateDockerHostDocument,
} from '../generated/graphql';
import { TestServer, codeOf } from '../support/harness';

describe('account isolation', () => {
  let server: TestServer;
  let tokenA: string;
  let tokenB: string;
  let hostId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    tokenA = await server.token();
    tokenB = await server.token();
    const { registerDockerHost } = await server.ok(
      RegisterDockerHostDocument,
      { input: { name: 'shared-name', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development } },
      tokenA,
    );
    hostId = registerDockerHost.id;
  });
  afterAll(() => server.close());

  it("answers another account's host id exactly like a missing id", async () => {
    const foreign = await server.request(DockerHostDocument, { id: hostId }, tokenB);
    const missing = await server.request(DockerHostDocument, { id: '00000000-0000-4000-8000-000000000000' }, tokenB);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message.replace(hostId, 'ID')).toBe(missing.errors?.[0]?.message.replace('00000000-0000-4000-8000-000000000000', 'ID'));
  });

  it("cannot change, connect, disconnect, recover, put in maintenance or delete another account's host", async () => {
    const id = hostId;
    const attempts = await Promise.all([
      server.request(UpdateDockerHostDocument, { id, input: { name: 'stolen' } }, tokenB),
      server.request(ConnectDockerHostDocument, { id }, tokenB),
      server.request(DisconnectDockerHostDocument, { id }, tokenB),
      server.request(RecoverDockerHostDocument, { id }, tokenB),
      server.request(SetDockerHostMaintenanceDocument, { id, enabled: true }, tokenB),
      server.request(DeleteDockerHostDocument, { id }, tokenB),
    ]);
    expect(attempts.map(codeOf)).toEqual(Array(6).fill('NOT_FOUND'));
    const { dockerHost } = await server.ok(DockerHostDocument, { id }, tokenA);
    expect(dockerHost).toMatchObject({ name: 'shared-name', status: 'PENDING' });
  });

  it("never lists another account's hosts, and allows the same name in another account", async () => {
    expect((await server.ok(DockerHostsDocument, {}, tokenB)).dockerHosts.totalCount).toBe(0);
    const input = { name: 'shared-name', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development };
    expect(codeOf(await server.request(RegisterDockerHostDocument, { input }, tokenB))).toBeUndefined();
    expect((await server.ok(DockerHostsDocument, {}, tokenA)).dockerHosts.totalCount).toBe(1);
  });

  it('answers a malformed id like a missing one, without a database error', async () => {
    const result = await server.request(DockerHostDocument, { id: "1' or '1'='1" }, tokenA);
    expect(codeOf(result)).toBe('NOT_FOUND');
  });
});
