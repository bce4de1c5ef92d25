import type { ComposeProblem } from './compose.errors';
import { parseBytes, parseDuration } from './compose.units';
import { pathText, type KeyPath, type LineIndex } from './compose.yaml';
import type { ComposeWarning } from './stack-plan.types';

/** What one conversion collects: problems (the deploy is refused) and warnings (it goes on). */
export class ConvertContext {
  readonly problems: ComposeProblem[] = [];
  readonly warnings: ComposeWarning[] = [];

  constructor(
    readonly stack: string,
    readonly lines: LineIndex,
    readonly variables: Readonly<Record<string, string>>,
  ) {}

  problem(path: KeyPath, message: string): undefined {
    this.problems.push({ path: pathText(path), line: this.lines.of(path), message });
    return undefined;
  }

  warn(path: KeyPath, message: string): void {
    this.warnings.push({ path: pathText(path), line: this.lines.of(path), message });
  }

  /** `<stack>_<name>`, convert.Namespace.Scope. */
  scope(name: string): string {
    return `${this.stack}_${name}`;
  }
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads one mapping of the file with the types the converters need. Each read marks its key; `finish()` then warns
 * about every key nobody read, so nothing the file says is dropped without a word. Reads past the schema's own checks
 * (a string where a number is needed) are problems naming the key and its line.
 */
export class Fields {
  private readonly read = new Set<string>();

  constructor(
    readonly ctx: ConvertContext,
    readonly path: KeyPath,
    readonly value: Record<string, unknown>,
  ) {}

  static of(ctx: ConvertContext, path: KeyPath, value: unknown): Fields {
    return new Fields(ctx, path, isMapping(value) ? value : {});
  }

  at(key: string): KeyPath {
    return [...this.path, key];
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  raw(key: string): unknown {
    this.read.add(key);
    return this.value[key] ?? undefined;
  }

  /** Marks keys as handled elsewhere (or deliberately ignored with their own warning). */
  skip(...keys: string[]): void {
    for (const key of keys) this.read.add(key);
  }

  string(key: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.ctx.problem(this.at(key), 'must be a string');
  }

  bool(key: string): boolean | undefined {
    const value = this.raw(key);
    if (value === undefined || typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.ctx.problem(this.at(key), 'must be a boolean');
  }

  int(key: string, { min = 0 }: { min?: number } = {}): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const number = typeof value === 'string' && /^[-+]?\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) return this.ctx.problem(this.at(key), 'must be an integer');
    if (number < min) return this.ctx.problem(this.at(key), `must be at least ${min}`);
    return number;
  }

  number(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) return this.ctx.problem(this.at(key), 'must be a number');
    return number;
  }

  /** A Go duration (`1m30s`, `500ms`) in nanoseconds. */
  duration(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const nanos = typeof value === 'string' ? parseDuration(value) : undefined;
    if (nanos === undefined) return this.ctx.problem(this.at(key), 'must be a duration such as 10s, 1m30s or 500ms');
    return nanos;
  }

  /** A size in bytes: an integer, or `512m`, `1.5g` (docker's binary units). */
  bytes(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const bytes = typeof value === 'number' && Number.isSafeInteger(value) ? value : typeof value === 'string' ? parseBytes(value) : undefined;
    if (bytes === undefined) return this.ctx.problem(this.at(key), 'must be a size such as 512m or 1g');
    return bytes;
  }

  /** A string or a list of strings (StringList). */
  strings(key: string): string[] | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list)) return this.ctx.problem(this.at(key), 'must be a string or a list of strings');
    return list.map((item) => (item === null || typeof item === 'object' ? (this.ctx.problem(this.at(key), 'must hold strings'), '') : String(item)));
  }

  /**
   * A mapping or a list of `key<sep>value` (the CLI's Mapping / MappingWithEquals). With allowNil, `KEY` alone (or a
   * null value) stays without a value; otherwise it is ''.
   */
  mapping(key: string, { sep = '=', allowNil = false }: { sep?: string; allowNil?: boolean } = {}): Record<string, string | null> | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const result: Record<string, string | null> = {};
    if (Array.isArray(value)) {
      for (const entry of value) {
        const text = String(entry);
        const at = text.indexOf(sep);
        if (at >= 0) result[text.slice(0, at)] = text.slice(at + sep.length);
        else result[text] = allowNil ? null : '';
      }
      return result;
    }
    if (!isMapping(value)) return this.ctx.problem(this.at(key), 'must be a mapping or a list');
    for (const [name, item] of Object.entries(value)) {
      if (item !== null && typeof item === 'object') this.ctx.problem([...this.at(key), name], 'must be a string, a number or a boolean');
      result[name] = item === null || item === undefined ? (allowNil ? null : '') : String(item);
    }
    return result;
  }

  /** A mapping of strings (labels, driver options): never null values. */
  labels(key: string): Record<string, string> | undefined {
    const mapping = this.mapping(key);
    return mapping ? Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v ?? ''])) : undefined;
  }

  /** A nested mapping, as its own Fields (undefined when absent). */
  object(key: string): Fields | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!isMapping(value)) return this.ctx.problem(this.at(key), 'must be a mapping');
    return new Fields(this.ctx, this.at(key), value);
  }

  /** A list's items with their paths. */
  list(key: string): { value: unknown; path: KeyPath }[] {
    const value = this.raw(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) return this.ctx.problem(this.at(key), 'must be a list') ?? [];
    return value.map((item, index) => ({ value: item, path: [...this.at(key), index] }));
  }

  /** Warns about every key no converter read (extension keys `x-*` are the file's own business). */
  finish(reason = 'swarm does not apply it; ignored'): void {
    for (const key of Object.keys(this.value)) {
      if (!this.read.has(key) && !key.startsWith('x-')) this.ctx.warn(this.at(key), reason);
    }
  }
}
