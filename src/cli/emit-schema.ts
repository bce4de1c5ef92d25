import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppSchema } from '../graphql/schema';
import { createLocalPubSub } from '../pubsub/pubsub';

/**
 * Writes schema.graphql from the code (sorted, so the diff only shows real changes).
 * With --check, exits 1 when the committed file differs: the test command runs this, so drift fails CI.
 */
async function main(): Promise<void> {
  const file = path.join(projectRoot(__dirname), 'schema.graphql');
  const sdl = `${printSchema(lexicographicSortSchema(await buildAppSchema(createLocalPubSub())))}\n`;
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // missing counts as drift
    }
    if (committed !== sdl) {
      process.stderr.write('schema.graphql is out of date with the code: run `npm run schema` and commit it\n');
      process.exit(1);
    }
    process.stdout.write('schema.graphql is up to date\n');
    return;
  }
  writeFileSync(file, sdl);
  process.stdout.write(`wrote ${file}\n`);
}

/** The folder holding package.json, whether this runs from src/ (ts-jest) or dist/src/ (compiled). */
function projectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error('package.json not found above ' + from);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
