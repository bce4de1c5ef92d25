import { JsonType, ReferenceKind, type Configuration, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows per statement of the JSON path (one parameter each). */
const CHUNK = 1000;

/**
 * ORMs whose database takes `COPY ... FROM STDIN` (a PostgreSQL server; PGlite's socket server, the embedded default,
 * loses the connection on it). Marked by openDatabase; any other ORM writes through the JSON path.
 */
const copyCapable = new WeakSet<Configuration>();

export function allowCopy(config: Configuration): void {
  copyCapable.add(config);
}

/**
 * New rows of one entity stored natively, in `em`'s transaction, as MikroORM would store them (custom types converted
 * by the property's type, json as JSON), by the entity's metadata; the objects stay unmanaged. MikroORM's own
 * insertMany writes each value into the SQL text first (formatQuery/quoteValue): for a cold listing of 500 containers
 * that cost ~50 ms, more than listing and diffing them. Here, on PostgreSQL, one `COPY ... FROM STDIN` on the
 * transaction's own connection (500 containers: ~12 ms in the server); elsewhere (the embedded default), one insert per
 * 1,000 rows with the rows as a single JSON parameter typed by the table's columns (~17 ms). Only scalar properties and
 * many-to-ones mapped to their keys: other relations are not for this.
 */
export async function insertRows(em: EntityManager, entity: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = em.getMetadata().get(entity);
  const platform = em.getPlatform();
  const props = meta.props.filter((p) => p.persist !== false && !p.formula && p.fieldNames?.length === 1);
  // A many-to-one mapped to its key (hostId) holds the key itself; any other relation would need MikroORM's mapping.
  const other = props.find((p) => p.kind !== ReferenceKind.SCALAR && !(p.kind === ReferenceKind.MANY_TO_ONE && p.mapToPk));
  if (other) throw new Error(`insertRows: ${entity}.${other.name} is neither a scalar nor a key-mapped many-to-one`);
  const fields = props.map((p) => ({ name: p.name as string, column: p.fieldNames[0]!, json: p.customType instanceof JsonType, convert: convertOf(p, platform) }));
  const columns = fields.map((f) => `"${f.column}"`).join(', ');
  const transaction = em.getTransactionContext();
  const viaCopy = transaction !== undefined && copyCapable.has(em.config);
  try {
    if (viaCopy) {
      // The transaction's own connection (knex's transaction client hands out no other), while it is still open.
      if (transaction.isCompleted()) throw new Error('insertRows: the transaction has already ended');
      const connection: ClientBase = await transaction.client.acquireConnection();
      await copyIn(connection, `copy "${meta.tableName}" (${columns}) from stdin`, copyText(rows as Array<Record<string, unknown>>, fields));
      return;
    }
    const knex = em.getConnection().getKnex();
    // One object per row keyed by column, built by a plain loop (no per-row entries arrays).
    const record = (row: Record<string, unknown>) => {
      const out: Record<string, unknown> = {};
      for (const { name, column, convert } of fields) {
        const v = row[name] ?? null;
        out[column] = v === null || !convert ? v : convert(v);
      }
      return out;
    };
    for (let i = 0; i < rows.length; i += CHUNK) {
      const json = JSON.stringify(rows.slice(i, i + CHUNK).map((row) => record(row as Record<string, unknown>)));
      const query = knex.raw(`insert into "${meta.tableName}" (${columns}) select ${columns} from json_populate_recordset(null::"${meta.tableName}", ?::json)`, [json]);
      await (transaction ? query.transacting(transaction) : query);
    }
  } catch (error) {
    // As MikroORM's own errors: knex wrote the statement with every value into the message, which must never reach
    // a log (COPY's errors carry none); the driver's exception keeps the SQLSTATE and the summary the sync reports.
    const message = (error as Error).message;
    throw em.getDriver().convertException(Object.assign(new Error(viaCopy ? message : (message.split(' - ').pop() ?? 'insert failed')), pick(error)));
  }
}

type Field = { name: string; json: boolean; convert: ((value: unknown) => unknown) | null };

/** Custom types other than json are converted as MikroORM converts them for a query. */
function convertOf(p: EntityProperty, platform: Platform): Field['convert'] {
  const type = p.customType;
  return type && !(type instanceof JsonType) ? (v) => type.convertToDatabaseValue(v, platform, { mode: 'query' }) : null;
}

/**
 * COPY's text format: one line per row, tab between columns, \N for null, and backslash, newline, carriage return and
 * tab escaped. Values read as the JSON path's: json columns and objects as JSON, dates as ISO, a number that JSON
 * would write as null (NaN, Infinity) as null.
 */
function copyText(rows: ReadonlyArray<Record<string, unknown>>, fields: readonly Field[]): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < fields.length; i++) {
      const { name, json, convert } = fields[i]!;
      let v: unknown = row[name] ?? null;
      if (v !== null && convert) v = convert(v);
      if (i > 0) line += '\t';
      if (v === null) line += '\\N';
      else if (json || (typeof v === 'object' && !(v instanceof Date))) line += escape(JSON.stringify(v));
      else if (v instanceof Date) line += v.toISOString();
      else if (typeof v === 'number') line += Number.isFinite(v) ? String(v) : '\\N';
      else line += escape(String(v));
    }
    text += line + '\n';
  }
  return text;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;

function escape(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
}

/** Runs one COPY FROM STDIN on `connection` with `text` as its data. */
function copyIn(connection: ClientBase, sql: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = connection.query(copyFrom(sql));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(text);
  });
}

/** The pg error's own facts (SQLSTATE, constraint, table...), without knex's message that holds the statement. */
function pick(error: unknown): Record<string, unknown> {
  const e = error as Record<string, unknown>;
  return Object.fromEntries(['code', 'severity', 'detail', 'constraint', 'table', 'column', 'schema', 'routine'].filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));
}
