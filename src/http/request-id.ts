import { randomUUID } from 'node:crypto';

/** The caller's X-Request-Id when it is a sane token (it reaches logs and audit rows), else a new one. */
export function requestIdOf(header: string | undefined): string {
  return header && /^[\w.-]{1,128}$/.test(header) ? header : randomUUID();
}
