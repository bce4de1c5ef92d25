import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from '../db/db-errors';

export type { Logger };

/**
 * Structured JSON logs. Anything that could carry a secret is redacted by path as a second line of defence;
 * the first is that no code logs request variables, tokens or TLS material at all. Database errors are logged without
 * their SQL (which carries the values).
 */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
      redact: {
        paths: ['authorization', '*.authorization', 'headers.authorization', 'tlsCredentials', '*.tlsCredentials', 'token', '*.token', 'variables'],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
