/** A variable's value, or the name of the unknown variable it was built from (a base image may define that one). */
export type Vars = Map<string, string | { unknown: string }>;

/** A word whose value cannot be known here: `variable` names the culprit, or the message says what is unsupported. */
export class Unjudgeable extends Error {
  constructor(readonly variable: string | null, message = `depends on $${variable}`) {
    super(message);
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Expands one Dockerfile word as the Engine's shell lexer does: quotes removed ('...' literal, "..." expanding), the
 * escape character, `$name`, `${name}`, `${name:-word}`, `${name-word}`, `${name:+word}`, `${name+word}`. Other
 * modifiers, and variables that are not known (unless `unknownIsEmpty`), throw Unjudgeable.
 */
export function expandWord(word: string, options: { vars: Vars; escape: string; unknownIsEmpty?: boolean }): string {
  const { escape } = options;
  let out = '';
  let i = 0;
  let quote: '"' | "'" | null = null;
  while (i < word.length) {
    const c = word[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
      i++;
    } else if (c === escape) {
      const next = word[i + 1];
      // Inside double quotes only a quote, $ or the escape itself are escaped; elsewhere every character is.
      if (next === undefined) out += c;
      else if (quote === '"' && next !== '"' && next !== '$' && next !== escape) out += c + next;
      else out += next;
      i += 2;
    } else if (c === '"' || (c === "'" && quote === null)) {
      quote = quote === c ? null : quote ?? c;
      i++;
    } else if (c === '$') {
      const { value, length } = variable(word.slice(i), options);
      out += value;
      i += length;
    } else {
      out += c;
      i++;
    }
  }
  if (quote) throw new Unjudgeable(null, 'has an unterminated quote');
  return out;
}

function variable(text: string, options: { vars: Vars; escape: string; unknownIsEmpty?: boolean }): { value: string; length: number } {
  const valueOf = (name: string): string | null => {
    const value = options.vars.get(name);
    if (value === undefined) {
      if (options.unknownIsEmpty) return null;
      throw new Unjudgeable(name);
    }
    if (typeof value !== 'string') throw new Unjudgeable(value.unknown);
    return value;
  };
  if (text[1] !== '{') {
    const name = NAME.exec(text.slice(1))?.[0];
    if (!name) return { value: '$', length: 1 };
    return { value: valueOf(name) ?? '', length: 1 + name.length };
  }
  let depth = 0;
  let end = -1;
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  if (end === -1) throw new Unjudgeable(null, 'has an unterminated ${');
  const inner = text.slice(2, end);
  const name = NAME.exec(inner)?.[0];
  if (!name) throw new Unjudgeable(null, `has an unsupported substitution \${${inner.slice(0, 40)}}`);
  const modifier = /^(:-|-|:\+|\+)?/.exec(inner.slice(name.length))![0];
  const rest = inner.slice(name.length + modifier.length);
  if (!modifier && rest) throw new Unjudgeable(null, `has an unsupported substitution \${${inner.slice(0, 40)}}`);
  const current = valueOf(name);
  const word = () => expandWord(rest, options);
  const set = current !== null;
  const value =
    modifier === ':-' ? (set && current !== '' ? current : word())
    : modifier === '-' ? (set ? current : word())
    : modifier === ':+' ? (set && current !== '' ? word() : '')
    : modifier === '+' ? (set ? word() : '')
    : (current ?? '');
  return { value, length: end + 1 };
}

/**
 * The `name=value` pairs of ARG and ENV, split on unquoted whitespace with each value left raw (expanded later).
 * ENV's legacy form `ENV name value with spaces` is one pair; ARG's `ARG name` has a null value.
 */
export function splitAssignments(rest: string, escape: string, env: boolean): Array<{ name: string; value: string | null }> {
  const words = shellWords(rest.trim(), escape);
  if (env && words.length > 0 && !words[0]!.includes('=')) {
    const name = words[0]!;
    return [{ name, value: rest.trim().slice(name.length).trim() }];
  }
  return words.map((word) => {
    const eq = word.indexOf('=');
    return eq === -1 ? { name: word, value: null } : { name: word.slice(0, eq), value: word.slice(eq + 1) };
  });
}

function shellWords(text: string, escape: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === escape && quote !== "'" && i + 1 < text.length) {
      current += c + text[++i];
    } else if (quote) {
      if (c === quote) quote = null;
      current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (/\s/.test(c)) {
      if (current) words.push(current);
      current = '';
    } else current += c;
  }
  if (current) words.push(current);
  return words;
}
