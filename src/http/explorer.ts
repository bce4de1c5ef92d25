import { createHash } from 'node:crypto';
import type express from 'express';

/**
 * What GET /graphql shows a browser: a small query runner served from this file — no CDN, no telemetry, works
 * offline. Apollo's default landing page (Sandbox, loaded from Apollo's CDN) is disabled. The token is kept in the
 * tab's sessionStorage only; queries go to this server's /graphql with it as a bearer token.
 */
const SCRIPT = `
const $ = (id) => document.getElementById(id);
$('token').value = sessionStorage.getItem('fleet-token') || '';
$('run').addEventListener('click', async () => {
  const token = $('token').value.trim();
  sessionStorage.setItem('fleet-token', token);
  let variables = {};
  try { variables = $('variables').value.trim() ? JSON.parse($('variables').value) : {}; }
  catch (e) { $('result').textContent = 'variables: not JSON (' + e.message + ')'; return; }
  $('result').textContent = '…';
  try {
    const response = await fetch(location.pathname, { method: 'POST', headers: Object.assign({ 'content-type': 'application/json' }, token ? { authorization: 'Bearer ' + token } : {}), body: JSON.stringify({ query: $('query').value, variables }) });
    $('result').textContent = JSON.stringify(await response.json(), null, 2);
  } catch (e) { $('result').textContent = String(e); }
});
document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') $('run').click(); });
`;

const STYLE = `
body { font: 14px system-ui, sans-serif; margin: 1rem; max-width: 80rem; }
label { display: block; margin-top: .75rem; font-weight: 600; }
textarea, input { width: 100%; box-sizing: border-box; font: 13px ui-monospace, monospace; }
button { margin-top: .75rem; padding: .4rem 1rem; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
pre { background: #f4f4f4; padding: .75rem; overflow: auto; }
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** Only this page's own script and style run; it talks to this server only. */
export const EXPLORER_CSP = `default-src 'none'; script-src ${hash(SCRIPT)}; style-src ${hash(STYLE)}; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export const EXPLORER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>fleet-control GraphQL</title><style>${STYLE}</style></head>
<body><main>
<h1>fleet-control GraphQL</h1>
<p><a href="/">The live fleet page</a></p>
<p>Paste a bearer token (the server prints a development token at start when JWT_SECRET is unset). The schema is
<code>schema.graphql</code> in the repository; Ctrl+Enter runs the query.</p>
<label for="token">Bearer token</label><input id="token" type="password" autocomplete="off">
<label for="query">Query</label><textarea id="query" rows="12">{ dockerHosts(first: 20) { totalCount nodes { id name status } } }</textarea>
<label for="variables">Variables (JSON)</label><textarea id="variables" rows="3"></textarea>
<button id="run" type="button">Run</button>
<label for="result">Result</label><pre id="result" tabindex="0" aria-live="polite"></pre>
</main><script>${SCRIPT}</script></body></html>`;

/** GET with Accept: text/html and no query: the page; anything else goes on to the GraphQL endpoint. */
export function explorerPage(): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' || req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.setHeader('content-security-policy', EXPLORER_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.type('html').send(EXPLORER_HTML);
  };
}
