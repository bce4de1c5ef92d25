import type { MigrationObject } from '@mikro-orm/core';

/** Every migration in order. New ones are appended here (`npm run migration:create` prints the class to add). */
export const migrations: MigrationObject[] = [];
