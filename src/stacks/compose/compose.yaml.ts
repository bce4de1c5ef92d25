import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type ScalarTag } from 'yaml';
import { ComposeError } from './compose.errors';

export type KeyPath = readonly (string | number)[];

/** `services.web.ports[0].target`: the way problems and warnings name a key. */
export function pathText(path: KeyPath): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

/** The line of each key (and list item) of the file, to point at it in errors. */
export class LineIndex {
  constructor(private readonly lines: ReadonlyMap<string, number>) {}

  /** The line of the path, or of its nearest ancestor the file spells out (a value made by interpolation has none). */
  of(path: KeyPath): number | undefined {
    for (let length = path.length; length > 0; length--) {
      const line = this.lines.get(pathText(path.slice(0, length)));
      if (line !== undefined) return line;
    }
    return undefined;
  }
}

/**
 * Go's yaml.v3 (which the CLI uses) still reads `0440` as octal, the YAML 1.1 way, while YAML 1.2's core schema reads
 * it as 440: a secret's `mode: 0440` must mean r--r-----, as it does for `docker stack deploy`.
 */
const LEGACY_OCTAL: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^[-+]?0[0-7]+$/,
  resolve: (text) => parseInt(text, 8),
};

export interface ParsedYaml {
  data: Record<string, unknown>;
  lines: LineIndex;
}

/** Parses the compose text (one document; merge keys and anchors as yaml.v3 does). Bad YAML throws with its line. */
export function parseComposeYaml(text: string): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, merge: true, uniqueKeys: true, prettyErrors: false, customTags: (tags) => [LEGACY_OCTAL, ...tags] });
  if (doc.errors.length > 0) {
    throw new ComposeError(
      doc.errors.map((error) => ({ path: '', line: counter.linePos(error.pos[0]).line, message: `invalid YAML: ${firstLine(error.message)}` })),
    );
  }
  let data: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"): a compose file has no use for more.
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new ComposeError([{ path: '', message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const lines = indexLines(doc, counter);
  const cycle = cyclePath(data, [], new Set());
  if (cycle) throw new ComposeError([{ path: pathText(cycle), line: lines.of(cycle), message: 'an alias refers to an anchor that contains it' }]);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ComposeError([{ path: '', line: 1, message: 'the top level must be a mapping (services:, networks:, ...)' }]);
  }
  return { data: data as Record<string, unknown>, lines };
}

/** The path of a value that contains itself (`a: &a [*a]`): yaml.v3 refuses such a file, and nothing can walk it. */
function cyclePath(value: unknown, path: (string | number)[], ancestors: Set<unknown>): (string | number)[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (ancestors.has(value)) return path;
  ancestors.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const found = cyclePath(item, [...path, key], ancestors);
    if (found) return found;
  }
  ancestors.delete(value);
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function indexLines(doc: Document, counter: LineCounter): LineIndex {
  const lines = new Map<string, number>();
  const lineOf = (node: unknown) => {
    const range = (node as Node | null)?.range;
    return range ? counter.linePos(range[0]).line : undefined;
  };
  const visit = (node: unknown, path: (string | number)[], depth: number, merged = false): void => {
    if (depth > 64) return;
    if (isAlias(node)) return visit(node.resolve(doc), path, depth + 1, merged);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (key === '<<' || typeof key === 'symbol') {
          // Merged keys point at the anchor they come from; keys spelled out here win, as in the merged value.
          const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
          for (const source of sources) visit(source, path, depth + 1, true);
          continue;
        }
        const child = [...path, String(key)];
        const text = pathText(child);
        const line = lineOf(pair.key);
        if (line !== undefined && !(merged && lines.has(text))) lines.set(text, line);
        visit(pair.value, child, depth + 1, merged);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = [...path, index];
        const line = lineOf(item);
        if (line !== undefined && !(merged && lines.has(pathText(child)))) lines.set(pathText(child), line);
        visit(item, child, depth + 1, merged);
      });
    }
  };
  visit(doc.contents, [], 0);
  return new LineIndex(lines);
}
