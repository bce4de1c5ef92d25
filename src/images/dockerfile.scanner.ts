import { expandWord, splitAssignments, Unjudgeable, type Vars } from './dockerfile.words';

/** Something a build makes the daemon fetch: an image (FROM, COPY --from, RUN --mount from=, # syntax) or a URL (ADD). */
export interface BuildSource {
  line: number;
  instruction: string;
  kind: 'image' | 'url';
  value: string;
}

export class DockerfileProblem extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const GIT_SSH = /^[\w.-]+@[\w.-]+:/; // git@host:repo, which BuildKit's ADD clones

/**
 * Reads a Dockerfile the way the Engine does, far enough to list what it makes the daemon fetch: parser directives
 * (`# escape=`, `# syntax=`), line continuations (with comment lines inside them), case-insensitive instructions,
 * JSON and shell forms, flags, ONBUILD, stages (FROM <stage> and COPY --from=<stage> fetch nothing), and variable
 * substitution from ARG (with `buildArgs`) and ENV. A value that depends on what cannot be known here — a variable a
 * base image might define — is a DockerfileProblem: refused rather than guessed.
 */
export function scanDockerfile(text: string, given: Readonly<Record<string, unknown>> = {}): BuildSource[] {
  // Own keys only (an ARG named "constructor" is not Object's), as the strings the Engine will read.
  const buildArgs: Record<string, string> = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const sources: BuildSource[] = [];
  const { escape, lines, syntax } = logicalLines(text);
  if (syntax) sources.push({ line: syntax.line, instruction: '# syntax', kind: 'image', value: syntax.value });
  const globals: Vars = new Map();
  const stages = new Map<string, Vars>(); // stage name (and index) -> its ENV, inherited by FROM <stage>
  let vars: Vars | null = null; // null before the first FROM
  let stageCount = 0;

  const scan = (line: number, instruction: string, rest: string): void => {
    const expand = (word: string, what: string, scope: Vars | null, unknownIsEmpty = false) => {
      try {
        return expandWord(word, { vars: scope ?? new Map(), escape, unknownIsEmpty });
      } catch (error) {
        if (!(error instanceof Unjudgeable)) throw error;
        throw new DockerfileProblem(line, error.variable
          ? `${instruction} ${what} uses $${error.variable}, which is not known before the build (a base image may set it): write the value out or pass it in buildArgs`
          : `${instruction} ${what}: ${error.message}`);
      }
    };
    // ARG and ENV values are kept even when they depend on an unknown: only a use that matters is refused.
    const assigned = (word: string, scope: Vars, unknownIsEmpty: boolean): string | { unknown: string } => {
      try {
        return expandWord(word, { vars: scope, escape, unknownIsEmpty });
      } catch (error) {
        if (error instanceof Unjudgeable) return { unknown: error.variable ?? word };
        throw error;
      }
    };
    switch (instruction) {
      case 'ONBUILD': {
        // Triggers run in the builds of images FROM this one, on whatever daemon builds them: judged now all the same.
        const [, inner = '', innerRest = ''] = /^\s*(\S+)\s*([\s\S]*)$/.exec(rest) ?? [];
        scan(line, inner.toUpperCase(), innerRest);
        return;
      }
      case 'ARG':
        for (const { name, value } of splitAssignments(rest, escape, false)) {
          const scope = vars ?? globals;
          const inherited = vars ? globals.get(name) : undefined;
          const fallback = value === null ? (inherited ?? '') : assigned(value, scope, vars === null);
          scope.set(name, Object.hasOwn(buildArgs, name) ? buildArgs[name]! : fallback);
        }
        return;
      case 'ENV':
        if (!vars) return;
        for (const { name, value } of splitAssignments(rest, escape, true)) vars.set(name, assigned(value ?? '', vars, false));
        return;
      case 'FROM': {
        const { words } = flagsAndWords(rest);
        // FROM sees the global ARGs; an undeclared one is empty there (the Engine warns and goes on). A build argument
        // for an undeclared name is taken all the same: judging one image too many is the safe side.
        const fromScope: Vars = new Map([...Object.entries(buildArgs), ...globals]);
        const image = expand(words[0] ?? '', 'image', fromScope, true);
        const name = words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined;
        const base = stages.get(image.toLowerCase());
        vars = new Map(base ?? []);
        if (!base && image.toLowerCase() !== 'scratch') sources.push({ line, instruction, kind: 'image', value: image });
        stages.set(String(stageCount++), vars);
        if (name) stages.set(name, vars);
        return;
      }
      case 'ADD':
      case 'COPY': {
        const { flags, words } = jsonOrWords(rest);
        for (const flag of flags) {
          const from = /^--from=(.*)$/i.exec(flag)?.[1];
          if (from !== undefined) fromImage(expand(from, '--from', vars));
        }
        if (instruction === 'COPY') return;
        for (const word of words.slice(0, -1)) {
          const source = expand(word, 'source', vars);
          if (URL_LIKE.test(source) || GIT_SSH.test(source)) sources.push({ line, instruction, kind: 'url', value: source });
        }
        return;
      }
      case 'RUN': {
        for (const flag of flagsAndWords(rest).flags) {
          const mount = /^--mount=(.*)$/i.exec(flag)?.[1];
          const from = mount?.split(',').map((kv) => /^from=(.*)$/i.exec(kv.trim())?.[1]).find((v) => v !== undefined);
          if (from !== undefined) fromImage(expand(from, '--mount from', vars));
        }
        return;
      }
      default:
        return;
    }

    function fromImage(value: string): void {
      if (!stages.has(value.toLowerCase())) sources.push({ line, instruction, kind: 'image', value });
    }
  };

  for (const { line, text: logical } of lines) {
    const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(logical);
    if (match) scan(line, match[1]!.toUpperCase(), match[2]!);
  }
  return sources;
}

/** Directives at the top, then instructions joined across continuations; comment and empty lines dropped. */
function logicalLines(text: string): { escape: string; syntax: { line: number; value: string } | null; lines: Array<{ line: number; text: string }> } {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let escape = '\\';
  let syntax: { line: number; value: string } | null = null;
  let i = 0;
  const seen = new Set<string>();
  for (; i < physical.length; i++) {
    const directive = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/.exec(physical[i]!);
    if (!directive) break;
    const name = directive[1]!.toLowerCase();
    if (seen.has(name)) break; // a repeated directive is a comment
    seen.add(name);
    if (name === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
    if (name === 'syntax') syntax = { line: i + 1, value: directive[2]! };
  }
  const lines: Array<{ line: number; text: string }> = [];
  let current: { line: number; text: string } | null = null;
  for (; i < physical.length; i++) {
    const raw = physical[i]!;
    if (/^\s*#/.test(raw) || (current && raw.trim() === '')) continue;
    const trimmed = raw.replace(/\s+$/, '');
    const continues = trimmed.endsWith(escape);
    const part = continues ? trimmed.slice(0, -1) : raw;
    if (current) current.text += part;
    else current = { line: i + 1, text: part };
    if (!continues) {
      if (current.text.trim()) lines.push(current);
      current = null;
    }
  }
  if (current?.text.trim()) lines.push(current);
  return { escape, syntax, lines };
}

/** Leading `--flag[=value]` words, then the rest, split on whitespace as the Engine does for these instructions. */
function flagsAndWords(rest: string): { flags: string[]; words: string[] } {
  const all = rest.trim().split(/\s+/).filter(Boolean);
  const firstWord = all.findIndex((w) => !w.startsWith('--'));
  const cut = firstWord === -1 ? all.length : firstWord;
  return { flags: all.slice(0, cut), words: all.slice(cut) };
}

/** ADD/COPY: flags, then either a JSON array (exec form) or whitespace-separated words. */
function jsonOrWords(rest: string): { flags: string[]; words: string[] } {
  const { flags, words } = flagsAndWords(rest);
  const tail = rest.trim().replace(/^(--\S+\s+)+/, '');
  if (tail.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(tail);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return { flags, words: parsed as string[] };
    } catch {
      // not JSON: the Engine reads it as the shell form
    }
  }
  return { flags, words };
}
