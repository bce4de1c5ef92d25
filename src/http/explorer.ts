import express from 'express';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { FLEET_PAGE_DIR, pageHeaders, sendBuiltPage } from './fleet-page';

/**
 * What GET /graphql shows a browser: GraphiQL (schema docs, completion, history, subscriptions), the Vite build of
 * web/explorer that `npm run build` writes to dist/explorer — no CDN, no telemetry, works offline. Apollo's default
 * landing page (Sandbox, loaded from Apollo's CDN) is disabled. The token stays in the tab's sessionStorage.
 *
 * Its CSP: only its own scripts and styles, and the inline styles GraphiQL's dialogs insert at run time (a scroll
 * lock) by a nonce new on every page load (Vite writes a placeholder into the page, replaced here). Connections to
 * this server only.
 */
export const explorerCsp = (nonce?: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
const NONCE_PLACEHOLDER = /CSP_NONCE_PLACEHOLDER/g;

/** dist/explorer, beside dist/web. */
export const EXPLORER_DIR = path.resolve(FLEET_PAGE_DIR, '../explorer');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fleet-control GraphQL</title></head><body>
<h1>The GraphQL explorer is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it).
POST queries to this address with <code>authorization: Bearer &lt;token&gt;</code>; the schema is <code>schema.graphql</code>.</p></body></html>`;

const secure = (res: express.Response, nonce?: string) => pageHeaders(res, explorerCsp(nonce));

/** Mounted at /graphql: GET with Accept: text/html and no query is the page, /assets its hashed files; the rest goes on to the GraphQL endpoint. */
export function explorerPage(dir: string = EXPLORER_DIR): express.Router {
  const router = express.Router();
  router.use('/assets', express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false, setHeaders: (res) => secure(res) }));
  router.get('/', async (req, res, next) => {
    if (req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    const nonce = randomBytes(16).toString('base64');
    secure(res, nonce);
    res.setHeader('cache-control', 'no-store');
    await sendBuiltPage(res, path.join(dir, 'index.html'), NOT_BUILT, (html) => html.replace(NONCE_PLACEHOLDER, nonce));
  });
  return router;
}
