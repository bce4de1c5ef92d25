import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { collectPageErrors, launchChromium, screenshot } from '../support/browser';
import { UpdateDockerHostDocument } from '../generated/graphql';
import { newAccountId, registerFleetHost, TestServer } from '../support/harness';

/**
 * GET /graphql in Debian's headless Chromium: GraphiQL from our own files (no request leaves this server), signed in
 * with a pasted token, a query run, the schema's docs and completion from introspection, a subscription live over
 * graphql-ws with the token in its connectionParams — and no console error (CSP included).
 */
describe('the GraphQL explorer in Chromium', () => {
  const run = randomUUID().slice(0, 8);
  let server: TestServer;
  let token: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let errors: string[];
  const elsewhere: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await TestServer.start({}, { logLevel: 'warn' });
    token = await server.token({ accountId: newAccountId() });
    page = await browser.context.newPage();
    errors = collectPageErrors(page);
    const origin = new URL(server.url).origin;
    page.on('request', (request) => !request.url().startsWith(origin) && !request.url().startsWith('data:') && elsewhere.push(request.url()));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The query editor's text replaced by typing it (select all, then the keyboard), as a user does. */
  const typeQuery = async (text: string) => {
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(text);
  };
  const response = () => page.locator('.graphiql-response .CodeMirror-code');

  it('signs in with a pasted token and runs a query', async () => {
    const answer = await page.goto(server.url);
    expect(answer!.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    await page.getByLabel('Bearer token').fill(token);
    await page.getByLabel('Bearer token').press('Enter');
    await page.getByRole('status').getByText('signed in (this tab)').waitFor();
    // GraphiQL's editor loads after its toolbar: run once the query is on screen, as a user would.
    await page.locator('.graphiql-query-editor .CodeMirror-code').getByText('dockerHosts').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"totalCount"').waitFor();
    expect(await response().textContent()).toMatch(/"dockerHosts":\s*\{\s*"totalCount":\s*0/);
    // The token is not in the address bar, nor in what GraphiQL stores.
    expect(page.url()).not.toContain(token);
    expect(await page.evaluate<string>('JSON.stringify(localStorage)')).not.toContain(token);
  });

  it('shows the schema in its docs and completes fields from it', async () => {
    await page.getByRole('button', { name: /show documentation explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).click();
    await docs.getByText('dockerHosts', { exact: true }).waitFor();
    await typeQuery('{ dockerHo');
    await page.locator('.CodeMirror-hints').getByText('dockerHosts', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    // Its dialogs (a scroll lock that inserts styles) open under the CSP too.
    await page.getByRole('button', { name: /open settings dialog/i }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('follows a subscription live over graphql-ws', async () => {
    const hostId = await registerFleetHost(server, token, 'socket', `explorer-host-${run}`);
    await typeQuery('subscription { dockerHostChanged { name status } }');
    await page.keyboard.press('Escape'); // the completion list, if the last brace left one open
    await page.locator('.graphiql-execute-button').click();
    // The subscription opens over the socket after the click: rename until a change reaches the response pane.
    let seen = false;
    for (let attempt = 0; !seen && attempt < 20; attempt++) {
      const name = `explorer-host-${run}-${attempt}`;
      await server.ok(UpdateDockerHostDocument, { id: hostId, input: { name } }, token);
      seen = await page.locator('.graphiql-response').getByText(name).first().waitFor({ timeout: 1000 }).then(() => true, () => false);
    }
    await screenshot(page, 'explorer');
    expect(seen).toBe(true);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  });
});
