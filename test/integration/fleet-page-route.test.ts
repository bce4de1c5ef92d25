import { FLEET_PAGE_CSP } from '../../src/http/fleet-page';
import { TestServer } from '../support/harness';

/** What / answers: the fleet page to a browser, under its CSP; JSON clients and /graphql unchanged. */
describe('GET / (the fleet page)', () => {
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    server = await TestServer.start({}, { logLevel: 'silent' });
    base = new URL('/', server.url).href;
  });
  afterAll(() => server?.close());

  it('serves the built page to a browser with a CSP of its own files only, and its hashed assets for good', async () => {
    const response = await fetch(base, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(FLEET_PAGE_CSP);
    expect(FLEET_PAGE_CSP).toMatch(/default-src 'none'; script-src 'self'; style-src 'self';/);
    const html = await response.text();
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script!, base));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('leaves JSON clients, unknown assets and the GraphQL explorer as they were', async () => {
    expect((await fetch(base, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(new URL('/assets/nope.js', base))).status).toBe(404);
    const explorer = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(await explorer.text()).toContain('fleet-control GraphQL explorer');
    expect(explorer.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
  });
});
