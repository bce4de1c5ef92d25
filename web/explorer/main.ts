/**
 * GET /graphql in a browser: GraphiQL (schema docs, completion, history, subscriptions over graphql-ws) built from
 * our own files — no CDN, no telemetry. The token is the fleet page's (../src/token.ts), sent as a bearer header on
 * HTTP and in graphql-ws's connectionParams — never in a URL the server sees, never in GraphiQL's stored headers.
 */
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import { GraphiQL } from 'graphiql';
import { createClient } from 'graphql-ws';
import { createElement as h, useEffect, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { setNonce } from 'get-nonce';
import 'graphiql/style.css';
import { initialToken, TOKEN_KEY } from '../src/token';
import './explorer.css';

const STARTER = `# Ctrl+Enter runs the query; Ctrl+Space completes; the book icon opens the schema's docs.
query Hosts {
  dockerHosts(first: 20) {
    totalCount
    nodes { id name status lastSyncedAt }
  }
}
`;

function isSubscription(query: string, operationName: string | null | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false; // the server names the syntax error
  }
}

function Explorer() {
  const [token, setToken] = useState(() => initialToken() ?? '');
  const [draft, setDraft] = useState(token);
  const { fetcher, wsClient } = useMemo(() => {
    const authorization = token ? `Bearer ${token}` : undefined;
    const wsClient = createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      connectionParams: authorization ? { authorization } : {},
      lazy: true,
    });
    const http = createGraphiQLFetcher({ url: '/graphql', headers: authorization ? { authorization } : {} });
    // Subscriptions over the WebSocket, told by the operation that runs (GraphiQL's own test misses anonymous ones).
    const fetcher: Fetcher = (params, options) =>
      // Run before its editor has loaded (or with nothing typed), GraphiQL sends an empty document: say so here.
      params.query.trim() === ''
        ? Promise.resolve({ errors: [new GraphQLError('Nothing to run: the query editor is empty (or still loading)')] })
        : isSubscription(params.query, params.operationName)
        ? // What arrives is the wire's (formatted) result, which is what GraphiQL shows; its type says GraphQLError.
          (wsClient.iterate({ query: params.query, variables: params.variables ?? undefined, operationName: params.operationName ?? undefined }) as unknown as ReturnType<Fetcher>)
        : http(params, options);
    return { fetcher, wsClient };
  }, [token]);
  // Another token: the old socket (and any subscription on it, with the old token's rights) is closed.
  useEffect(() => () => void wsClient.dispose(), [wsClient]);

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
    setToken(value);
  };

  return h(
    'div',
    { className: 'fleet-explorer' },
    h(
      'form',
      { className: 'fleet-explorer-bar', onSubmit: signIn, 'aria-label': 'Sign in' },
      h('a', { href: '/' }, 'Fleet page'),
      h('label', { htmlFor: 'fleet-token' }, 'Bearer token'),
      h('input', { id: 'fleet-token', type: 'password', autoComplete: 'off', value: draft, onChange: (e: { target: HTMLInputElement }) => setDraft(e.target.value), placeholder: 'paste a JWT (npm start prints a development one)' }),
      h('button', { type: 'submit' }, token ? 'Use this token' : 'Sign in'),
      h('span', { role: 'status', className: 'fleet-explorer-state' }, token ? 'signed in (this tab)' : 'not signed in: only errors will answer'),
    ),
    // A new fetcher (new token) makes GraphiQL fetch its schema again with the new rights; it is not remounted: a
    // remount restored its tabs from storage and, when the editor's text was not stored yet, opened an empty tab.
    h(GraphiQL, { fetcher, defaultQuery: STARTER, shouldPersistHeaders: false, isHeadersEditorEnabled: true }),
  );
}

// The styles GraphiQL's dialogs insert (a scroll lock) carry this page's nonce, the only inline style its CSP allows.
setNonce(document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '');
createRoot(document.getElementById('explorer')!).render(h(Explorer));
