import { ReferenceKind, Type, wrap, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager, FilterQuery, QBQueryOrderMap } from '@mikro-orm/postgresql';

/**
 * Rows as read-only plain objects (see plainMapper): for comparing and for answers, never for writing. `properties`:
 * only their columns are read (the others stay undefined); all when absent, or when one is not a plain column.
 */
export async function findPlain<T extends object>(em: EntityManager, entityName: string, where: FilterQuery<T>, options: { orderBy?: QBQueryOrderMap<T>; limit?: number; properties?: readonly string[] | null } = {}): Promise<T[]> {
  const meta = em.getMetadata().get(entityName);
  const columns = options.properties ? columnsOf(meta, options.properties) : null;
  const query = em.createQueryBuilder(entityName, 'o').select(columns ? columns.map((c) => `o.${c}`) : '*').where(where as FilterQuery<object>);
  if (options.orderBy) query.orderBy(options.orderBy as QBQueryOrderMap<object>);
  if (options.limit !== undefined) query.limit(options.limit);
  const rows = await query.execute<Array<Record<string, unknown>>>('all', false);
  const toPlain = plainMapper<T>(meta as never, columns);
  return rows.map(toPlain);
}

/** The columns behind the given properties; null (read all) when any is not a plain column. */
export function columnsOf(meta: { properties: Record<string, { fieldNames?: string[]; persist?: boolean }> }, properties: readonly string[]): string[] | null {
  const columns = new Set<string>();
  for (const name of properties) {
    const prop = meta.properties[name];
    if (!prop || prop.persist === false || prop.fieldNames?.length !== 1) return null;
    columns.add(prop.fieldNames[0]!);
  }
  return [...columns];
}

/**
 * Read-only rows as plain objects instead of managed entities: a nested fleet read returns thousands of rows that are
 * only serialised, and MikroORM's per-entity bookkeeping (identity map, change-tracking snapshots of every JSON column)
 * cost ~8x the query itself (measured in `npm run bench`, B1). Getters of the entity class (e.g. Volume.name) are kept,
 * on one prototype shared by every row (defining them on each row cost more than the rest of the mapping). Only the
 * columns read are mapped (`read`, null for all).
 */
export function plainMapper<T>(meta: { properties: Record<string, { name: string; fieldNames?: string[]; runtimeType?: string; persist?: boolean }>; class: { prototype: object } }, read: readonly string[] | null) {
  const wanted = read ? new Set(read) : null;
  const columns = Object.values(meta.properties)
    .filter((p) => p.fieldNames?.length === 1 && p.persist !== false && (!wanted || wanted.has(p.fieldNames[0]!)))
    .map((p) => ({ name: p.name, column: p.fieldNames![0]!, numeric: p.runtimeType === 'number', date: p.runtimeType === 'Date' }));
  const prototype = rowPrototype(meta);
  return (row: Record<string, unknown>): T => {
    const plain: Record<string, unknown> = Object.create(prototype) as Record<string, unknown>;
    for (const { name, column, numeric, date } of columns) {
      const value = row[column];
      // MikroORM has pg hand timestamps over as text ("2026-11-25 08:14:02.702+00", UTC: forceUtcTimezone) and
      // converts them itself; V8 reads that form directly (4x faster than rewriting it to ISO first).
      if (date && typeof value === 'string') plain[name] = new Date(value);
      else plain[name] = numeric && typeof value === 'string' ? Number(value) : value;
    }
    return plain as T;
  };
}

const rowPrototypes = new WeakMap<object, object>();

/**
 * The class's computed fields and methods, its base classes' included (DockerHost's hasTlsCredentials is its scope
 * base's), nearest first. Not the mapped properties: MikroORM puts accessors for those on prototypes.
 */
function rowPrototype(meta: { properties: Record<string, unknown>; class: { prototype: object } }): object {
  let prototype = rowPrototypes.get(meta.class.prototype);
  if (!prototype) {
    const kept: Record<string, PropertyDescriptor> = {};
    for (let at: object | null = meta.class.prototype; at && at !== Object.prototype; at = Object.getPrototypeOf(at) as object | null) {
      for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(at))) {
        if (name === 'constructor' || name in kept || name in meta.properties) continue;
        if (d.get || typeof d.value === 'function') kept[name] = d;
      }
    }
    prototype = Object.defineProperties(Object.create(Object.prototype) as object, kept);
    rowPrototypes.set(meta.class.prototype, prototype);
  }
  return prototype;
}

const snapshotFields = new WeakMap<object, string[] | null>();

/**
 * An entity's persisted fields as a plain object: what MikroORM's toPOJO gives for rows whose relations are mapped to
 * their keys (the same keys, values shared as toPOJO shares them), without its serializer's per-field bookkeeping (a
 * cold sync's 500 messages spent ~6 ms in it). Entities with anything toPOJO treats specially (other relations,
 * getters, serializers, formulas, unpersisted properties, types with their own toJSON) go through toPOJO.
 */
export function plainSnapshot<T extends object>(entity: T): T {
  const meta = (Object.getPrototypeOf(entity) as { __meta?: EntityMetadata }).__meta;
  if (!meta) return wrap(entity).toPOJO() as T;
  let fields = snapshotFields.get(meta);
  if (fields === undefined) {
    // toPOJO hands a value over as is unless its type says otherwise (customType.toJSON: BigIntType, ArrayType).
    const plainValue = (p: EntityMetadata['props'][number]) => !p.customType || p.customType.toJSON === Type.prototype.toJSON;
    const simple = meta.getterProps.length === 0 && meta.props.every((p) => p.persist !== false && !p.formula && !p.serializer && plainValue(p) && (p.kind === ReferenceKind.SCALAR || (p.kind === ReferenceKind.MANY_TO_ONE && p.mapToPk)));
    fields = simple ? meta.props.map((p) => p.name as string) : null;
    snapshotFields.set(meta, fields);
  }
  if (!fields) return wrap(entity).toPOJO() as T;
  const copy: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (entity as Record<string, unknown>)[field];
    if (value !== undefined) copy[field] = value;
  }
  return copy as T;
}
