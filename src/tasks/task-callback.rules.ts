import { createHmac } from 'node:crypto';

/** Retries wait base · 2^(n−1) (1 s, 2 s, 4 s … with the default base), never more than this. */
export const MAX_BACKOFF_MS = 5 * 60_000;
/** Jitter takes up to this share off a wait, so callbacks failed together do not all come back in the same second. */
const JITTER = 0.2;
/** lastError is stored this long at most (the column's length). */
export const MAX_ERROR_LENGTH = 500;

/** The wait after the `attempt`-th failed attempt (1-based): exponential, capped, with jitter taken off (never above the cap). */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(exponential * (1 - JITTER * random()));
}

/** What one attempt came to, as the sender tells it. */
export type AttemptResult = { kind: 'answered'; statusCode: number; location?: string | null } | { kind: 'unreachable'; error: string } | { kind: 'refused'; reason: string };

export type AttemptOutcome =
  | { status: 'DELIVERED'; statusCode: number }
  | { status: 'PENDING'; statusCode: number | null; error: string; retryInMs: number }
  | { status: 'FAILED'; statusCode: number | null; error: string };

/**
 * The rules for one attempt: 2xx is delivered; a destination no longer allowed fails at once (retrying would not
 * make it allowed); anything else (an error status, a redirect, no answer) is retried with backoff until
 * `maxAttempts` sends were made, then FAILED with the last reason.
 */
export function judgeAttempt(result: AttemptResult, options: { attempts: number; maxAttempts: number; backoffBaseMs: number; random?: () => number }): AttemptOutcome {
  if (result.kind === 'answered' && result.statusCode >= 200 && result.statusCode < 300) return { status: 'DELIVERED', statusCode: result.statusCode };
  if (result.kind === 'refused') return { status: 'FAILED', statusCode: null, error: truncate(`refused: ${result.reason}`) };
  const statusCode = result.kind === 'answered' ? result.statusCode : null;
  let error: string;
  if (result.kind === 'unreachable') error = result.error;
  else if (result.statusCode >= 300 && result.statusCode < 400) error = `answered ${result.statusCode} (a redirect${result.location ? ` to ${result.location}` : ''}): redirects are not followed`;
  else error = `answered ${result.statusCode}`;
  if (options.attempts >= options.maxAttempts) return { status: 'FAILED', statusCode, error: truncate(`gave up after ${options.attempts} attempts; last: ${error}`) };
  return { status: 'PENDING', statusCode, error: truncate(error), retryInMs: backoffMs(options.attempts, options.backoffBaseMs, options.random) };
}

/** `sha256=<hex>`: HMAC-SHA256 with the account's secret over the exact body bytes sent. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function truncate(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
