import { JsonType, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Rows per statement (one JSON parameter each). */
const CHUNK = 1000;

/**
 * New rows of one entity stored by one insert per 1,000 rows with the rows as a single JSON parameter, in `em`'s
 * transaction. MikroORM's own insertMany (and every query through its connection) writes each value into the SQL text
 * first (formatQuery/quoteValue): for a cold listing of 500 containers that cost ~50 ms, more than listing and diffing
 * them; ~10,000 knex bindings still cost ~30 ms, one JSON parameter ~20 (most of it the table's indexes). Values are
 * converted as MikroORM converts them (custom types by the property's type; json kept as JSON), by the entity's
 * metadata; the objects stay unmanaged. Only scalar properties and many-to-ones mapped to their keys: other relations are not for this.
 */
export async function insertRows(em: EntityManager, entity: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = em.getMetadata().get(entity);
  const platform = em.getPlatform();
  const props = meta.props.filter((p) => p.persist !== false && !p.formula && p.fieldNames?.length === 1);
  // A many-to-one mapped to its key (hostId) holds the key itself; any other relation would need MikroORM's mapping.
  const other = props.find((p) => p.kind !== ReferenceKind.SCALAR && !(p.kind === ReferenceKind.MANY_TO_ONE && p.mapToPk));
  if (other) throw new Error(`insertRows: ${entity}.${other.name} is neither a scalar nor a key-mapped many-to-one`);
  const columns = props.map((p) => `"${p.fieldNames[0]}"`).join(', ');
  // Each row as one JSON object keyed by column, all rows in one parameter: PostgreSQL types them by the table's own
  // columns (json_populate_recordset), so a 500-row insert binds one value instead of ~10,000.
  const fields = props.map((p) => ({ name: p.name as string, column: p.fieldNames[0]!, convert: p.customType && !(p.customType instanceof JsonType) ? p.customType : null }));
  // One object per row keyed by column, built by a plain loop (no per-row entries arrays).
  const record = (row: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const { name, column, convert } of fields) {
      const v = row[name] ?? null;
      out[column] = v === null || !convert ? v : convert.convertToDatabaseValue(v, platform, { mode: 'query' });
    }
    return out;
  };
  const knex = em.getConnection().getKnex();
  const transaction = em.getTransactionContext();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK).map((row) => record(row as Record<string, unknown>)));
    const query = knex.raw(`insert into "${meta.tableName}" (${columns}) select ${columns} from json_populate_recordset(null::"${meta.tableName}", ?::json)`, [json]);
    try {
      await (transaction ? query.transacting(transaction) : query);
    } catch (error) {
      // As MikroORM's own errors: knex wrote the statement with every value into the message, which must never reach
      // a log; the driver's exception keeps the SQLSTATE and the summary the sync reports.
      throw em.getDriver().convertException(Object.assign(new Error((error as Error).message.split(' - ').pop() ?? 'insert failed'), pick(error)));
    }
  }
}

/** The pg error's own facts (SQLSTATE, constraint, table...), without knex's message that holds the statement. */
function pick(error: unknown): Record<string, unknown> {
  const e = error as Record<string, unknown>;
  return Object.fromEntries(['code', 'severity', 'detail', 'constraint', 'table', 'column', 'schema', 'routine'].filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));
}
