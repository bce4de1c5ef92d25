import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSchema, Kind, parse, validate, visit, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../src/config/config';
import { EXPLORER_DIR } from '../../src/http/explorer';
import { FLEET_PAGE_DIR } from '../../src/http/fleet-page';
import { operationLimits, pageSizeCostErrors } from '../../src/graphql/limits';
import { PAGE } from '../../web/src/page-sizes';

/** The fleet page's size budget (README, "The live fleet page"), on the files `npm run build` wrote to dist/web. */
const BUDGET = { jsGzipBytes: 30 * 1024, cssGzipBytes: 6 * 1024 };
/** GraphiQL at GET /graphql (README): React, CodeMirror 5 and its fonts, loaded only by who opens the explorer. */
const EXPLORER_BUDGET = { jsGzipBytes: 450 * 1024, cssGzipBytes: 300 * 1024 };

describe('the built GraphQL explorer', () => {
  it(`keeps its JavaScript within ${EXPLORER_BUDGET.jsGzipBytes / 1024} KB and its CSS within ${EXPLORER_BUDGET.cssGzipBytes / 1024} KB gzipped, with no source maps`, () => {
    const names = readdirSync(path.join(EXPLORER_DIR, 'assets'));
    const gzipped = (ext: string) => names.filter((n) => n.endsWith(ext)).reduce((sum, n) => sum + gzipSync(readFileSync(path.join(EXPLORER_DIR, 'assets', n)), { level: 9 }).length, 0);
    const [js, css] = [gzipped('.js'), gzipped('.css')];
    process.stdout.write(`explorer: ${(js / 1024).toFixed(1)} KB JS gz (budget ${EXPLORER_BUDGET.jsGzipBytes / 1024}), ${(css / 1024).toFixed(1)} KB CSS gz (budget ${EXPLORER_BUDGET.cssGzipBytes / 1024})\n`);
    expect(js).toBeGreaterThan(0);
    expect(js).toBeLessThanOrEqual(EXPLORER_BUDGET.jsGzipBytes);
    expect(css).toBeLessThanOrEqual(EXPLORER_BUDGET.cssGzipBytes);
    expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
  });
});

describe('the built fleet page', () => {
  const files = () => {
    let names: string[];
    try {
      names = readdirSync(path.join(FLEET_PAGE_DIR, 'assets'));
    } catch {
      throw new Error(`${FLEET_PAGE_DIR}/assets is missing: run \`npm run build\` first (npm test does)`);
    }
    return names.map((name) => ({ name, bytes: readFileSync(path.join(FLEET_PAGE_DIR, 'assets', name)) }));
  };
  const gzipped = (ext: string) => files().filter((f) => f.name.endsWith(ext)).reduce((sum, f) => sum + gzipSync(f.bytes, { level: 9 }).length, 0);

  it(`keeps its JavaScript within ${BUDGET.jsGzipBytes / 1024} KB and its CSS within ${BUDGET.cssGzipBytes / 1024} KB gzipped`, () => {
    const js = gzipped('.js');
    const css = gzipped('.css');
    process.stdout.write(`fleet page: ${(js / 1024).toFixed(1)} KB JS gz (budget ${BUDGET.jsGzipBytes / 1024}), ${(css / 1024).toFixed(1)} KB CSS gz (budget ${BUDGET.cssGzipBytes / 1024})\n`);
    expect(js).toBeGreaterThan(0);
    expect(js).toBeLessThanOrEqual(BUDGET.jsGzipBytes);
    expect(css).toBeLessThanOrEqual(BUDGET.cssGzipBytes);
  });

  it('loads nothing from elsewhere: no inline script or style, no external address, no source map', () => {
    const html = readFileSync(path.join(FLEET_PAGE_DIR, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc="\/assets\/)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const file of files()) {
      expect(file.name).not.toMatch(/\.map$/);
      // Only XML namespace names (Preact's SVG/MathML support) look like addresses; nothing is fetched from one.
      const addresses = file.bytes.toString('utf8').match(/https?:\/\/[^\s"'`)]+/g) ?? [];
      expect(addresses.filter((a) => !a.startsWith('http://www.w3.org/'))).toEqual([]);
    }
  });

  it('asks for each list at a size the server accepts: every page query within the default depth, alias and cost limits', () => {
    const config = loadConfig({});
    const limits = { maxDepth: config.GRAPHQL_MAX_DEPTH, maxAliases: config.GRAPHQL_MAX_ALIASES, maxCost: config.GRAPHQL_MAX_COST };
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const sizes = Object.assign({}, ...Object.values(PAGE)) as Record<string, number>;
    const documents = readdirSync('web/operations').map((name) => parse(readFileSync(path.join('web/operations', name), 'utf8')));
    const fragments = documents.flatMap((d) => d.definitions.filter((x): x is FragmentDefinitionNode => x.kind === Kind.FRAGMENT_DEFINITION));
    const queries = documents.flatMap((d) => d.definitions.filter((x): x is OperationDefinitionNode => x.kind === Kind.OPERATION_DEFINITION && x.operation === 'query'));
    expect(queries.length).toBeGreaterThan(4);
    for (const query of queries) {
      // The query as the page sends it: with the fragments it spreads, and only those.
      const used = new Set<string>();
      const spreadIn = (node: unknown) => visit(node as DocumentNode, { FragmentSpread: (spread) => void (!used.has(spread.name.value) && (used.add(spread.name.value), spreadIn(fragments.find((f) => f.name.value === spread.name.value)))) });
      spreadIn(query);
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [query, ...fragments.filter((f) => used.has(f.name.value))] };
      const refused = [...validate(schema, document, operationLimits(limits)), ...pageSizeCostErrors(schema, document, sizes, limits)].map((e) => `${query.name?.value}: ${e.message}`);
      expect(refused).toEqual([]);
    }
  });
});
