import { ActivitiesDocument, ActivityOutcome, DockerHostEnvironment, DockerHostsDocument, RegisterDockerHostDocument, UpdateDockerHostDocument, type RegisterDockerHostInput } from '../generated/graphql';
import { TestServer, codeOf, type GraphQLResponse } from '../support/harness';

const base: RegisterDockerHostInput = { name: 'h', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development };

describe('host input rules', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.close());

  const expectInputError = (result: GraphQLResponse<unknown>, field: string) => {
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.errors?.[0]?.message).toContain(field);
  };

  it.each([
    [{ syncIntervalSeconds: 10 }, 'syncIntervalSeconds'],
    [{ syncIntervalSeconds: 4000 }, 'syncIntervalSeconds'],
    [{ apiEndpoint: 'ftp://10.0.0.1:21' }, 'apiEndpoint'],
    [{ apiEndpoint: 'not a url' }, 'apiEndpoint'],
    [{ apiEndpoint: 'unix://relative.sock' }, 'apiEndpoint'],
    [{ apiEndpoint: 'tcp://user:pw@127.0.0.1:2375' }, 'apiEndpoint'],
    [{ environment: DockerHostEnvironment.Production, apiEndpoint: 'https://127.0.0.1:2376', tlsVerify: false }, 'tlsVerify'],
    [{ environment: DockerHostEnvironment.Production, apiEndpoint: 'tcp://127.0.0.1:2375' }, 'apiEndpoint'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(129) }, 'name'],
    [{ tlsCredentials: { ca: 'not a pem' }, apiEndpoint: 'https://127.0.0.1:2376' }, 'tlsCredentials.ca'],
    [{ tlsCredentials: { cert: 'x' }, apiEndpoint: 'https://127.0.0.1:2376' }, 'tlsCredentials.key'],
    [{ tlsCredentials: { ca: 'x' } }, 'tlsCredentials'],
    [{ apiEndpoint: `tcp://${'a'.repeat(600)}:2375` }, 'apiEndpoint'],
  ])('refuses %j naming %s, and stores nothing', async (override, field) => {
    const token = await server.token();
    expectInputError(await server.request(RegisterDockerHostDocument, { input: { ...base, ...override } }, token), field);
    expect((await server.ok(DockerHostsDocument, {}, token)).dockerHosts.totalCount).toBe(0);
    const { activities } = await server.ok(ActivitiesDocument, {}, token);
    expect(activities.nodes[0]).toMatchObject({ action: 'registerDockerHost', outcome: ActivityOutcome.Failure, errorCode: 'BAD_USER_INPUT' });
  });

  it('answers CONFLICT for a duplicate name in the account, and for a rename onto a taken name', async () => {
    const token = await server.token();
    await server.ok(RegisterDockerHostDocument, { input: { ...base, name: 'one' } }, token);
    const { registerDockerHost: two } = await server.ok(RegisterDockerHostDocument, { input: { ...base, name: 'two' } }, token);
    const duplicate = await server.request(RegisterDockerHostDocument, { input: { ...base, name: 'one' } }, token);
    expect(codeOf(duplicate)).toBe('CONFLICT');
    expect(duplicate.errors?.[0]?.extensions?.field).toBe('name');
    expect(codeOf(await server.request(UpdateDockerHostDocument, { id: two.id, input: { name: 'one' } }, token))).toBe('CONFLICT');
    expect((await server.ok(DockerHostsDocument, {}, token)).dockerHosts.totalCount).toBe(2);
  });

  it('checks an update against the resulting host, and leaves the row unchanged when refused', async () => {
    const token = await server.token();
    const { registerDockerHost: host } = await server.ok(
      RegisterDockerHostDocument,
      { input: { ...base, name: 'staging', apiEndpoint: 'https://127.0.0.1:1', environment: DockerHostEnvironment.Staging, tlsVerify: false } },
      token,
    );
    // Only the environment is sent; the stored tlsVerify:false makes a PRODUCTION host invalid.
    const refused = await server.request(UpdateDockerHostDocument, { id: host.id, input: { environment: DockerHostEnvironment.Production } }, token);
    expectInputError(refused, 'tlsVerify');
    const { dockerHosts } = await server.ok(DockerHostsDocument, {}, token);
    expect(dockerHosts.nodes[0]).toMatchObject({ environment: 'STAGING' });
    const interval = await server.request(UpdateDockerHostDocument, { id: host.id, input: { syncIntervalSeconds: 3601 } }, token);
    expectInputError(interval, 'syncIntervalSeconds');
  });

  it('rejects an unknown enum value at the GraphQL layer, naming the variable', async () => {
    const token = await server.token();
    const result = await server.post({ query: 'mutation($i: RegisterDockerHostInput!) { registerDockerHost(input: $i) { id } }', variables: { i: { ...base, environment: 'MOON' } } }, token);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/environment/);
  });
});
