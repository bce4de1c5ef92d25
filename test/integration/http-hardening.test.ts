import { DockerHostsDocument } from '../generated/graphql';
import { TestServer, codeOf } from '../support/harness';

describe('HTTP surface', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await TestServer.start();
    token = await server.token();
  });
  afterAll(() => server.close());

  const base = () => server.url.replace('/graphql', '');

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('shows a browser GraphiQL from our own files at GET /graphql: no CDN, a CSP of its own scripts and styles, and queries still answered', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200); // npm test builds it first (dist/explorer)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<div id="explorer">');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//); // nothing loaded from elsewhere (Apollo's Sandbox was)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc="\/graphql\/assets\/)[^>]*>|<style|\sstyle=/); // no inline script or style
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self';");
    // Inline styles only with this page load's nonce (GraphiQL's dialogs insert some), a new one each time.
    const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)';/.exec(csp)![1];
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toContain('CSP_NONCE_PLACEHOLDER');
    const again = (await fetch(server.url, { headers: { accept: 'text/html' } })).headers.get('content-security-policy')!;
    expect(again).not.toContain(nonce);
    expect(csp).toContain("connect-src 'self'");
    const script = /<script[^>]*src="([^"]+)"/.exec(html)![1];
    const asset = await fetch(new URL(script, server.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('content-security-policy')).toBe(csp.replace(` 'nonce-${nonce}'`, ''));
    expect((await fetch(new URL('/graphql/assets/missing.js', server.url))).status).toBe(404);
    // A client asking for JSON still gets GraphQL, a GET query still answers (with the CSRF header), POST as ever.
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const json = await fetch(server.url, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).not.toMatch(/text\/html/);
    const result = await server.post({ query: '{ __typename }' }, token);
    expect(result.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a subscription sent over HTTP by name (it is graphql-ws\'s), where it ran as a query and answered a masked 500-like error', async () => {
    const result = await server.post({ query: 'subscription Hosts { dockerHostChanged { id } }' }, token);
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('BAD_REQUEST');
    expect(result.errors![0].message).toMatch(/over WebSocket \(the graphql-ws protocol\)/);
    // A document holding a query and a subscription: the one that runs is what counts.
    const both = await server.post({ query: 'query Q { __typename } subscription S { dockerHostChanged { id } }', operationName: 'Q' }, token);
    expect(both.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a body over the limit with a GraphQL-shaped 413', async () => {
    const result = await server.post({ query: `{ __typename }`, variables: { pad: 'x'.repeat(200_000) } }, token);
    expect(result.status).toBe(413);
    expect(codeOf(result)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses queries deeper than the limit', async () => {
    const shallow = await TestServer.start({ GRAPHQL_MAX_DEPTH: '3' });
    try {
      const result = await shallow.post({ query: '{ activities { nodes { dockerHost { id } } } }' }, await shallow.token());
      expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors?.[0]?.message).toMatch(/nested too deeply/);
      expect(result.data).toBeUndefined();
    } finally {
      await shallow.close();
    }
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: dockerHosts { totalCount }`).join(' ');
    const result = await server.post({ query: `{ ${aliases} }` }, token);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/too many aliases/);
  });

  it('blocks a simple cross-site GET (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('echoes a request id and logs the operation under it, never the variables', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'trace-abc-123' },
      body: JSON.stringify({ query: 'query Named { dockerHosts { totalCount } }', variables: { secretish: 'do-not-log-me' } }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    const line = server.logs.find((l) => l.includes('trace-abc-123'));
    expect(JSON.parse(line!)).toMatchObject({ requestId: 'trace-abc-123', operationName: 'Named', msg: 'graphql request' });
    expect(server.logs.join('')).not.toContain('do-not-log-me');
  });
});

describe('HTTP surface in production mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ NODE_ENV: 'production' });
  });
  afterAll(() => server.close());

  it('turns introspection off', async () => {
    const result = await server.post({ query: '{ __schema { queryType { name } } }' }, await server.token());
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not suggest field names', async () => {
    const result = await server.post({ query: '{ dockerHost(id: "x") { nam } }' }, await server.token());
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses unix:// endpoints: they would hand any account the API server\'s own Docker', async () => {
    const result = await server.post(
      { query: 'mutation { registerDockerHost(input: {name: "mine", apiEndpoint: "unix:///var/run/docker.sock", environment: DEVELOPMENT}) { id } }' },
      await server.token(),
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/unix:\/\/ socket/);
  });

  it('still serves a normal query', async () => {
    const result = await server.request(DockerHostsDocument, {}, await server.token());
    expect(result.data?.dockerHosts.totalCount).toBe(0);
  });
});
