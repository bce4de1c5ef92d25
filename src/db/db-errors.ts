import { DriverException } from '@mikro-orm/core';
import { stdSerializers } from 'pino';

type PgFields = { code?: string; routine?: string; table?: string; column?: string; constraint?: string };

/**
 * A database error as it may be logged or shown: what PostgreSQL objected to (SQLSTATE, routine, table, column,
 * constraint), never the statement. MikroORM puts the whole SQL with its values inlined into the message (labels,
 * filter text, user names), and PostgreSQL's own detail often repeats a value, so neither leaves the process.
 */
export function databaseErrorSummary(error: unknown): { type: string; message: string } & PgFields | null {
  if (!(error instanceof DriverException)) return null;
  const { code, routine, table, column, constraint } = error as DriverException & PgFields;
  const where = [table && `table ${table}`, column && `column ${column}`, constraint && `constraint ${constraint}`].filter(Boolean).join(', ');
  const message = `the database refused a statement (SQLSTATE ${code ?? 'unknown'}${where ? `, ${where}` : ''})`;
  return { type: error.name, message, code, routine, table, column, constraint };
}

/** pino's `err` serializer, with database errors summarised (the last line of defence: every log line passes here). */
export function serializeError(error: unknown): unknown {
  return databaseErrorSummary(error) ?? (error instanceof Error ? stdSerializers.err(error) : error);
}
