import { randomUUID } from 'node:crypto';
import {
  ActivitiesDocument,
  ActivityOutcome,
  ContainersDocument,
  CreateContainerDocument,
  DockerEventsDocument,
  DockerHostEnvironment,
  DockerHostsDocument,
  ErrorEventsSinceDocument,
  PullImageDocument,
  RegisterDockerHostDocument,
  SetRegistryCredentialDocument,
} from '../generated/graphql';
import { TestServer, codeOf, type GraphQLResponse } from '../support/harness';

/**
 * Input PostgreSQL cannot hold (a NUL, an unpaired surrogate, a date outside its range, text longer than a column, a
 * cursor this server never wrote) is BAD_USER_INPUT naming the field, on every argument, and never reaches SQL: no
 * INTERNAL_SERVER_ERROR, and no statement with values in the log. The request log records the code the client got.
 */
describe('input PostgreSQL cannot store', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.close());

  const expectRefused = (result: GraphQLResponse<unknown>, field: string) => {
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  };
  /** The request's own log line (by the request id the server answered with), parsed. */
  const logLineOf = (requestId: string) => server.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === requestId && l.msg === 'graphql request');
  const post = async (body: unknown, token: string) => {
    const requestId = randomUUID();
    return { result: await server.post(body, token, { 'x-request-id': requestId }), requestId };
  };

  it.each([
    ['filter.name', ContainersDocument, { filter: { name: 'web\u0000' } }],
    ['filter.label', ContainersDocument, { filter: { label: 'tier=\u0000' } }],
    ['filter.image', ContainersDocument, { filter: { image: 'busybox\ud800' } }],
    ['filter.search', DockerHostsDocument, { filter: { search: '\u0000' } }],
    ['filter.type', DockerEventsDocument, { filter: { type: 'container\u0000' } }],
    ['filter.action', DockerEventsDocument, { filter: { action: '\udc00die' } }],
    ['filter.action', ActivitiesDocument, { filter: { action: 'register\u0000' } }],
    ['filter.targetId', ActivitiesDocument, { filter: { targetId: '\u0000' } }],
  ] as const)('refuses a text filter holding bytes PostgreSQL cannot hold, naming %s', async (field, document, variables) => {
    const token = await server.token();
    expectRefused(await server.request(document as typeof ContainersDocument, variables as never, token), field);
  });

  it('refuses such bytes in mutation input, keys of JSON labels included, and still records the attempt', async () => {
    const token = await server.token();
    const input = { name: 'h\u0000', apiEndpoint: 'tcp://127.0.0.1:1', environment: DockerHostEnvironment.Development };
    expectRefused(await server.request(RegisterDockerHostDocument, { input }, token), 'input.name');
    expect((await server.ok(DockerHostsDocument, {}, token)).dockerHosts.totalCount).toBe(0);
    // Before Docker is asked: a label Docker would take makes a container no inventory can store.
    const hostId = randomUUID();
    expectRefused(await server.request(CreateContainerDocument, { hostId, input: { image: 'busybox', labels: { foo: 'a\u0000b' } } }, token), 'input.labels.foo');
    expectRefused(await server.request(CreateContainerDocument, { hostId, input: { image: 'busybox', labels: { 'k\u0000': 'v' } } }, token), 'input.labels.k\ufffd');
    expectRefused(await server.request(CreateContainerDocument, { hostId, input: { image: 'busybox', command: ['echo', 'a\u0000'] } }, token), 'input.command[1]');
    expectRefused(await server.request(SetRegistryCredentialDocument, { input: { registry: 'r.example', username: 'u\u0000', password: 'p' } }, token), 'input.username');
    const { activities } = await server.ok(ActivitiesDocument, {}, token);
    expect(activities.nodes.map((a) => [a.action, a.outcome, a.errorCode])).toEqual([
      ['setRegistryCredential', ActivityOutcome.Failure, 'BAD_USER_INPUT'],
      ['createContainer', ActivityOutcome.Failure, 'BAD_USER_INPUT'],
      ['createContainer', ActivityOutcome.Failure, 'BAD_USER_INPUT'],
      ['createContainer', ActivityOutcome.Failure, 'BAD_USER_INPUT'],
      ['registerDockerHost', ActivityOutcome.Failure, 'BAD_USER_INPUT'],
    ]);
    expect(activities.nodes.at(-1)?.parameters).toMatchObject({ input: { name: 'h\ufffd' } });
  });

  it('refuses text longer than its column: registry user names, registries, image references', async () => {
    const token = await server.token();
    expectRefused(await server.request(SetRegistryCredentialDocument, { input: { registry: 'r.example', username: 'u'.repeat(257), password: 'p' } }, token), 'username');
    expectRefused(await server.request(SetRegistryCredentialDocument, { input: { registry: `${'r'.repeat(257)}.example`, username: 'u', password: 'p' } }, token), 'registry');
    expectRefused(await server.request(PullImageDocument, { hostId: randomUUID(), reference: `registry.local/${'a'.repeat(600)}:1` }, token), 'reference');
    expect((await server.ok(SetRegistryCredentialDocument, { input: { registry: 'r.example', username: 'u'.repeat(256), password: 'p' } }, token)).setRegistryCredential.username).toHaveLength(256);
  });

  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['garbage', '!!not-a-cursor'],
    ['a sort value of the wrong type', cursor(['s', 'web', randomUUID()])],
    ['a date PostgreSQL cannot store', cursor(['d', '0000-06-01T00:00:00.000Z', randomUUID()])],
    ['a date past year 9999', cursor(['d', '+300000-01-01T00:00:00.000Z', randomUUID()])],
    ['not an array', cursor(42)],
    ['huge garbage', 'A'.repeat(8000)],
  ])('refuses a cursor that is %s', async (_what, after) => {
    const token = await server.token();
    expectRefused(await server.request(DockerEventsDocument, { after }, token), 'after');
  });

  it('refuses a NUL in a text cursor of a name-sorted list, and one far larger than any this server writes', async () => {
    const token = await server.token();
    expectRefused(await server.request(ContainersDocument, { after: cursor(['s', 'web\u0000', randomUUID()]) }, token), 'after');
    expectRefused(await server.request(ContainersDocument, { after: cursor(['s', 'w'.repeat(6000), randomUUID()]) }, token), 'after');
    const { containers } = await server.ok(ContainersDocument, { after: cursor(['s', 'w'.repeat(256), randomUUID()]) }, token);
    expect(containers.nodes).toEqual([]);
  });

  it('refuses dates outside what PostgreSQL stores, as literals and as variables, naming the field', async () => {
    const token = await server.token();
    // Four-digit years pass the scalar; year 0 and an offset past 9999-12-31 do not pass PostgreSQL.
    expectRefused((await post({ query: '{ dockerEvents(filter: { since: "0000-01-01T00:00:00Z" }) { totalCount } }' }, token)).result, 'filter.since');
    expectRefused(await server.request(DockerEventsDocument, { filter: { until: '9999-12-31T23:59:59-23:59' } }, token), 'filter.until');
    expectRefused(await server.request(ErrorEventsSinceDocument, { since: '0000-06-01T00:00:00Z' }, token), 'filter.since');
    // What the scalar itself refuses (past four-digit years): in a literal, the argument path; in a variable, its path.
    const literal = (since: string) => post({ query: `{ dockerEvents(filter: { hostId: null, since: "${since}" }) { totalCount } }` }, token);
    for (const since of ['+300000-01-01T00:00:00Z', '-005000-01-01T00:00:00Z']) {
      const { result, requestId } = await literal(since);
      expectRefused(result, 'filter.since');
      expect(logLineOf(requestId)).toMatchObject({ errors: ['BAD_USER_INPUT'] });
    }
    expectRefused((await post({ query: '{ containerLogs(id: "x", since: "300000-01-01T00:00:00Z") { stdout } }' }, token)).result, 'since');
    expectRefused(await server.request(DockerEventsDocument, { filter: { since: '+300000-01-01T00:00:00Z' } }, token), 'filter.since');
    expectRefused(await server.request(DockerEventsDocument, { filter: { until: '-005000-01-01T00:00:00Z' } }, token), 'filter.until');
    expectRefused(await server.request(ActivitiesDocument, { filter: { since: '300000-01-01T00:00:00Z' } }, token), 'filter.since');
  });

  it('logs the code each request answered, and never a statement with its values', async () => {
    const token = await server.token();
    const refused = await post({ query: 'query($f: ContainerFilterInput) { containers(filter: $f) { totalCount } }', variables: { f: { name: 'secret-\u0000-value' } } }, token);
    expect(codeOf(refused.result)).toBe('BAD_USER_INPUT');
    expect(logLineOf(refused.requestId)).toMatchObject({ errors: ['BAD_USER_INPUT'] });

    const invalid = await post({ query: '{ containers { nodes { nmae } } }' }, token);
    expect(codeOf(invalid.result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(logLineOf(invalid.requestId)).toMatchObject({ errors: ['GRAPHQL_VALIDATION_FAILED'] });

    const unparsable = await post({ query: '{ containers { ' }, token);
    expect(logLineOf(unparsable.requestId)).toMatchObject({ errors: [codeOf(unparsable.result)] });
    expect(codeOf(unparsable.result)).toBe('GRAPHQL_PARSE_FAILED');

    const coercion = await post({ query: 'query($f: ContainerFilterInput, $n: Int) { containers(filter: $f, first: $n) { totalCount } }', variables: { f: { state: 'NAPPING' }, n: 1 } }, token);
    expect(coercion.result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'f.state' });
    expect(logLineOf(coercion.requestId)).toMatchObject({ errors: ['BAD_USER_INPUT'] });
    const whole = await post({ query: 'query($n: Int) { containers(first: $n) { totalCount } }', variables: { n: 'ten' } }, token);
    expect(whole.result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'n' });

    const everything = server.logs.join('');
    expect(everything).not.toMatch(/select "|insert into "|secret-/);
    expect(everything).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
