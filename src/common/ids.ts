const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else can name no object, so it is answered like a missing id rather than a database error. */
export function isId(value: string): boolean {
  return UUID.test(value);
}

/** Docker's own rule for container, network and volume names (and what may go into an Engine URL as one). */
const OBJECT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

export function isObjectName(value: string): boolean {
  return OBJECT_NAME.test(value);
}
