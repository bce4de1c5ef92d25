import { DockerHostEnvironment, DockerHostsDocument, RegisterDockerHostDocument } from '../generated/graphql';
import { TestServer, codeOf } from '../support/harness';

describe('dockerHosts listing', () => {
  let server: TestServer;
  let token: string;
  const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

  beforeAll(async () => {
    server = await TestServer.start();
    token = await server.token();
    for (const [i, name] of names.entries()) {
      const environment = i % 2 === 0 ? DockerHostEnvironment.Staging : DockerHostEnvironment.Development;
      await server.ok(RegisterDockerHostDocument, { input: { name, apiEndpoint: `tcp://127.0.0.1:${i + 1}`, environment } }, token);
    }
  });
  afterAll(() => server.close());

  it('pages through every host exactly once, in name order, with a total count', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { dockerHosts }: { dockerHosts: { totalCount: number; nodes: Array<{ name: string }>; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } } =
        await server.ok(DockerHostsDocument, { first: 2, after }, token);
      expect(dockerHosts.totalCount).toBe(5);
      seen.push(...dockerHosts.nodes.map((n) => n.name));
      if (!dockerHosts.pageInfo.hasNextPage) break;
      after = dockerHosts.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(names);
  });

  it('filters by environment, status and search', async () => {
    const staging = await server.ok(DockerHostsDocument, { filter: { environment: DockerHostEnvironment.Staging } }, token);
    expect(staging.dockerHosts.nodes.map((n) => n.name)).toEqual(['alpha', 'charlie', 'echo']);
    const search = await server.ok(DockerHostsDocument, { filter: { search: 'HAR' } }, token);
    expect(search.dockerHosts.nodes.map((n) => n.name)).toEqual(['charlie']);
    const byEndpoint = await server.ok(DockerHostsDocument, { filter: { search: '127.0.0.1:4' } }, token);
    expect(byEndpoint.dockerHosts.nodes.map((n) => n.name)).toEqual(['delta']);
    const pending = await server.ok(DockerHostsDocument, { filter: { status: 'PENDING' } }, token);
    expect(pending.dockerHosts.totalCount).toBe(5);
    const connected = await server.ok(DockerHostsDocument, { filter: { status: 'CONNECTED' } }, token);
    expect(connected.dockerHosts.totalCount).toBe(0);
  });

  it('treats LIKE wildcards in search as plain text', async () => {
    const result = await server.ok(DockerHostsDocument, { filter: { search: '%' } }, token);
    expect(result.dockerHosts.totalCount).toBe(0);
  });

  it('refuses a forged cursor and an oversized page', async () => {
    const cursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const forged = [
      'bm90LWEtY3Vyc29y',
      cursor(['s', 'x', 'not-a-uuid']),
      cursor(['d', '2026-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000']), // a date cursor on a name sort
      cursor(['s', 'x']),
    ];
    for (const after of forged) expect(codeOf(await server.request(DockerHostsDocument, { after }, token))).toBe('BAD_USER_INPUT');
    const big = await server.request(DockerHostsDocument, { first: 501 }, token);
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toMatch(/^first /);
  });
});
