import type { EntityName } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Rows of a table by the value of one column (a status), over every account: one grouped statement, for the
 * metrics scrape. Table and column names come from the entity's metadata, never from input.
 */
export function stateCounts<T extends object>(orm: MikroORM, entity: EntityName<T>, property = 'status'): () => Promise<Array<{ state: string; count: number }>> {
  return async () => {
    const meta = orm.getMetadata().get(entity);
    const column = (meta.properties as Record<string, { fieldNames: string[] } | undefined>)[property]?.fieldNames[0];
    if (!column) throw new Error(`${meta.className} has no ${property}`);
    const rows: Array<{ state: string; count: number }> = await orm.em.fork().getConnection().execute(`select "${column}"::text as state, count(*)::int as count from "${meta.tableName}" group by 1`);
    return rows;
  };
}
