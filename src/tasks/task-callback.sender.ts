import type { AttemptResult } from './task-callback.rules';

export interface SignedPost {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export type CallbackSender = (post: SignedPost) => Promise<AttemptResult>;

/**
 * The HTTP edge: one POST with Node's fetch (undici). Redirects are not followed (`redirect: 'manual'`): a public
 * callback answering 302 to an internal address must not become a request to it, so a redirect is a failed attempt.
 * The answer's body is never read into the row (it is the receiver's, and may hold anything); only its status.
 */
export function httpSender(options: { timeoutMs: number }): CallbackSender {
  return async ({ url, body, headers }) => {
    try {
      const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs) });
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'answered', statusCode: response.status, location: withoutQuery(response.headers.get('location')) };
    } catch (error) {
      return { kind: 'unreachable', error: describe(error, options.timeoutMs) };
    }
  };
}

/** A redirect target as stored: scheme, host and path only (a query string may carry a token). */
function withoutQuery(location: string | null): string | null {
  if (!location) return null;
  try {
    const url = new URL(location, 'http://relative.invalid');
    return url.host === 'relative.invalid' ? url.pathname : `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return null;
  }
}

function describe(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = err?.cause;
  if (cause?.code) return `${err.message}: ${cause.code}`;
  return err?.message ?? String(error);
}
