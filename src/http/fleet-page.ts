import express from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The live fleet page at / — the Vite build of web/ (`npm run build` writes it to dist/web). Only its own files run:
 * no inline script or style, no CDN, connections to this server only (its /graphql WebSocket). The token never
 * travels in a URL the server sees: the page keeps it in the tab's sessionStorage and sends it in graphql-ws's
 * connectionParams.
 */
export const FLEET_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** dist/web: beside dist/src when compiled, and the same folder when this file runs from src/ (ts-jest). */
export const FLEET_PAGE_DIR = path.resolve(__dirname, path.basename(path.resolve(__dirname, '../..')) === 'dist' ? '../../web' : '../../dist/web');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fleet control</title></head><body>
<h1>The fleet page is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it). The GraphQL API
is at <a href="/graphql">/graphql</a>.</p></body></html>`;

/** The headers every file of our pages goes out with (the fleet page, the GraphQL explorer). */
export function pageHeaders(res: express.Response, csp: string): void {
  res.setHeader('content-security-policy', csp);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
}

const secure = (res: express.Response) => pageHeaders(res, FLEET_PAGE_CSP);

/**
 * A built page's index.html, read per request (a rebuild shows without a restart; it is a few hundred bytes), after
 * `edit`; until `npm run build` wrote it, 503 with `notBuilt`.
 */
export async function sendBuiltPage(res: express.Response, file: string, notBuilt: string, edit: (html: string) => string = (html) => html): Promise<void> {
  const html = await readFile(file, 'utf8').catch(() => null);
  res.status(html ? 200 : 503).type('html').send(html ? edit(html) : notBuilt);
}

/** GET / for a browser (Accept: text/html), its hashed assets and its icon; every other request goes on unchanged. */
export function fleetPage(dir: string = FLEET_PAGE_DIR): express.Router {
  const router = express.Router();
  // Vite names assets by content hash: a file's name changes with its bytes, so it may be cached for good.
  router.use('/assets', express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d', setHeaders: secure }));
  router.get('/favicon.svg', (_req, res, next) => {
    secure(res);
    res.sendFile(path.join(dir, 'favicon.svg'), (error) => error && next());
  });
  router.get('/', async (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    secure(res);
    res.setHeader('cache-control', 'no-cache');
    await sendBuiltPage(res, path.join(dir, 'index.html'), NOT_BUILT);
  });
  return router;
}
