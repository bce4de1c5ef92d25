import { TestServer, codeOf } from '../support/harness';

/**
 * Work bounded before validation. graphql-js's overlapping-fields rule is quadratic in fields sharing a response name:
 * without the shape check, 2,900 repeated fields (9 kB, no token, under the token cap) kept a core busy for ~1.3 s,
 * and 1,000 copies of a nested selection (29 kB) ~2 s, 3,000 copies ~27 s, stalling /healthz and every other client.
 */
const QUADRATIC = `{ dockerHosts { nodes { ${'id '.repeat(2900)} } } }`;
const NESTED = `{ ${'dockerHosts { nodes { id } } '.repeat(1000)} }`;
/** The worst this test could build that passes every limit: 51 copies of a nested selection (50 duplicates). */
const WORST_ALLOWED = `{ ${'dockerHosts { nodes { id name status lastError dockerVersion containerCount } } '.repeat(51)} }`;

describe('operation limits before validation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
    // One request first, so the timings below are of the checks, not of a cold server's first request (a rehearsal
    // measured 1.6 s for it on a busy machine).
    await server.post({ query: '{ __typename }' });
  });
  afterAll(() => server.close());

  const base = () => server.url.replace('/graphql', '');
  const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
    const started = performance.now();
    const result = await work();
    return { ms: performance.now() - started, result };
  };

  it('refuses thousands of repeated fields from an unauthenticated caller at once, before validating them', async () => {
    const { ms, result } = await timed(() => server.post({ query: QUADRATIC }));
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]).toEqual({ message: 'operation repeats too many fields', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    // Generous for a loaded 2-core machine; the unbounded validation took ~1,300 ms here.
    expect(ms).toBeLessThan(300);
    expect(server.logs.some((l) => l.includes('"graphql request"') && l.includes('GRAPHQL_VALIDATION_FAILED'))).toBe(true);
  });

  it('keeps /healthz fast while four of the worst requests run', async () => {
    const attacks = Array.from({ length: 4 }, () => timed(() => server.post({ query: QUADRATIC })));
    const worst = Array.from({ length: 4 }, () => timed(() => server.post({ query: WORST_ALLOWED })));
    const health = await timed(() => fetch(`${base()}/healthz`).then((r) => r.json()));
    const done = await Promise.all([...attacks, ...worst]);
    expect(health.result).toEqual({ status: 'ok' });
    // Unbounded, each of the four attacks held the core ~1.3 s, queueing /healthz behind them for seconds.
    expect(health.ms).toBeLessThan(1000);
    for (const { result } of done.slice(0, 4)) expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    // The allowed worst case validates and runs (here: UNAUTHENTICATED fields, no data): each costs milliseconds.
    for (const { ms, result } of done.slice(4)) {
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(ms).toBeLessThan(1000);
    }
  });

  it('stops parsing at the token limit', async () => {
    for (const query of [NESTED, `{ ${'__typename '.repeat(4000)} }`]) {
      const { ms, result } = await timed(() => server.post({ query }));
      expect(result.status).toBe(400);
      expect(codeOf(result)).toBe('GRAPHQL_PARSE_FAILED');
      expect(result.errors?.[0]?.message).toMatch(/3000 tokens/); // graphql-js spells it "more that 3000 tokens"
      expect(ms).toBeLessThan(300);
    }
  });

  it('counts fields through fragments where they are spread', async () => {
    const spreads = Array.from({ length: 60 }, () => '...H').join(' ');
    const result = await server.post({ query: `{ dockerHosts { nodes { ${spreads} } } } fragment H on DockerHost { id }` });
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toBe('operation repeats too many fields');
  });

  it('bounds fragment chains that select nothing but double at every link', async () => {
    // F0 spreads F1 twice, F1 spreads F2 twice ... F29 spreads an unknown fragment: 2^30 spreads, no field.
    const links = Array.from({ length: 30 }, (_, i) => `fragment F${i} on DockerHost { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const query = `{ dockerHosts { nodes { ...F0 } } } ${links} fragment F30 on DockerHost { ...Nope }`;
    const { ms, result } = await timed(() => server.post({ query }));
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toBe('operation selects too many fields');
    expect(ms).toBeLessThan(300);
  });

  it('leaves cyclic fragments to validation, without looping', async () => {
    const result = await server.post({ query: '{ dockerHosts { nodes { ...A } } } fragment A on DockerHost { id ...B } fragment B on DockerHost { name ...A }' });
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('counts aliases of __typename like any other alias', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `t${i}: __typename`).join(' ');
    const result = await server.post({ query: `{ ${aliases} }` }, await server.token());
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/too many aliases/);
  });

  // ~27 million when the sizes are written in (250,000 rows): far over the default cost of 1,000,000.
  const NESTED_PAGES = 'query Fleet($hosts: Int, $containers: Int = 500) { dockerHosts(first: $hosts) { nodes { id containers(first: $containers) { nodes { id name } } } } }';

  it('prices page sizes given as variables as it prices written ones', async () => {
    const token = await server.token();
    const written = await server.post({ query: '{ dockerHosts(first: 500) { nodes { id containers(first: 500) { nodes { id name } } } } }' }, token);
    // graphql-armor words its cost refusal as a "Syntax Error".
    expect(written.errors?.[0]).toEqual({ message: 'Syntax Error: operation is too expensive', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const asVariables = await server.post({ query: NESTED_PAGES, variables: { hosts: 500, containers: 500 } }, token);
    expect(asVariables.status).toBe(400);
    expect(asVariables.errors?.[0]).toEqual(written.errors?.[0]);
    // The operation's own default counts when the variable is not sent.
    expect((await server.post({ query: NESTED_PAGES, variables: { hosts: 500 } }, token)).errors?.[0]?.message).toBe('Syntax Error: operation is too expensive');
    // Small pages of the same document run.
    const small = await server.post({ query: NESTED_PAGES, variables: { hosts: 5, containers: 5 } }, token);
    expect(small.errors).toBeUndefined();
    expect(small.data).toEqual({ dockerHosts: { nodes: [] } });
    // In a document of several operations, the one that runs is priced with its own variables.
    const two = `${NESTED_PAGES} query Other($containers: Int) { containers(first: $containers) { nodes { id } } }`;
    expect((await server.post({ query: two, operationName: 'Other', variables: { containers: 500 } }, token)).errors).toBeUndefined();
    expect((await server.post({ query: two, operationName: 'Fleet', variables: { hosts: 500 } }, token)).errors?.[0]?.message).toBe('Syntax Error: operation is too expensive');
  });

  it('takes no persisted-query hashes, which would reach execution without the query text the pricing reads', async () => {
    const hashOnly = await server.post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }, variables: { hosts: 500, containers: 500 } } as never, await server.token());
    expect(codeOf(hashOnly)).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('applies the same limits to WebSocket operations', async () => {
    const client = server.wsClient({ authorization: `Bearer ${await server.token()}` });
    try {
      const run = (query: string) =>
        new Promise<{ message: string; code?: unknown }>((resolve) => {
          client.subscribe({ query }, {
            next: (result) => resolve({ message: result.errors?.[0]?.message ?? 'data', code: result.errors?.[0]?.extensions?.code }),
            error: (errors) => {
              const first = Array.isArray(errors) ? errors[0] : errors;
              resolve({ message: first?.message ?? String(first), code: first?.extensions?.code });
            },
            complete: () => resolve({ message: 'complete' }),
          });
        });
      const { ms, result } = await timed(() => run(QUADRATIC.replace('{', 'subscription {')));
      expect(result).toEqual({ message: 'operation repeats too many fields', code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(ms).toBeLessThan(300);
      expect(await run(`{ ${'__typename '.repeat(4000)} }`)).toEqual({ message: expect.stringMatching(/3000 tokens/), code: 'GRAPHQL_PARSE_FAILED' });
      expect(await run('{ __typename }')).toEqual({ message: 'data' });
      const sized = (containers: number) =>
        new Promise<string>((resolve) => {
          client.subscribe({ query: 'subscription($n: Int) { dockerHostChanged { id containers(first: $n) { nodes { id name } } } }', variables: { n: containers } }, {
            next: () => resolve('data'),
            error: (errors) => resolve((Array.isArray(errors) ? errors[0] : errors)?.message ?? String(errors)),
            complete: () => resolve('complete'),
          });
        });
      expect(await sized(100_000)).toBe('Syntax Error: operation is too expensive');
    } finally {
      await client.dispose();
    }
  });
});
