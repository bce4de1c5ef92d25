import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, print, specifiedRules, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import * as generated from '../../src/client/generated';
import { loadConfig } from '../../src/config/config';
import { operationLimits, parseBounded } from '../../src/graphql/limits';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
// The operations' documents (each carries the fragments it spreads); the fragments' own documents are left out.
const documents = Object.entries(generated).filter((entry): entry is [string, DocumentNode] => (entry[1] as DocumentNode)?.kind === Kind.DOCUMENT && !entry[0].endsWith('FragmentDoc'));
const operations = documents.flatMap(([, doc]) => doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((op) => ({ op, doc })));

describe('the typed client (src/client)', () => {
  it('has a named operation for every query, mutation and subscription of the schema', () => {
    const covered = new Set(operations.flatMap(({ op }) => op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? `${op.operation}.${s.name.value}` : ''))));
    const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()]] as const;
    const missing = roots.flatMap(([kind, type]) => Object.keys(type?.getFields() ?? {}).map((field) => `${kind}.${field}`)).filter((field) => !covered.has(field));
    // A new root field needs its document in src/client/operations/*.graphql, then `npm run codegen`.
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(140);
    expect(operations.every(({ op }) => op.name?.value)).toBe(true);
  });

  it('sends only operations the server accepts: valid against the schema and within its default depth, cost and size limits', () => {
    const config = loadConfig({});
    const limits = { maxDepth: config.GRAPHQL_MAX_DEPTH, maxAliases: config.GRAPHQL_MAX_ALIASES, maxCost: config.GRAPHQL_MAX_COST, maxTokens: config.GRAPHQL_MAX_TOKENS, maxFields: config.GRAPHQL_MAX_FIELDS, maxDuplicateFields: config.GRAPHQL_MAX_DUPLICATE_FIELDS };
    const refused = documents.flatMap(([name, doc]) => {
      const parsed = parseBounded(print(doc), limits);
      const errors = 'errors' in parsed ? parsed.errors : validate(schema, parsed.document, [...specifiedRules, ...operationLimits(limits)]);
      return errors.map((e) => `${name}: ${e.message}`);
    });
    expect(refused).toEqual([]);
  });
});
