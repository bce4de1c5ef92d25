import type { ComposeProblem } from './compose.errors';
import { pathText, type KeyPath, type LineIndex } from './compose.yaml';
import type { ComposeWarning } from './stack-plan.types';

/**
 * docker/cli's cli/compose/template pattern: `$$` escapes, `$NAME` and `${NAME}` with the modifiers `:-` `-` `:?` `?`.
 * As there, the unbraced form takes modifiers too (`$A-b` is `${A-b}`) and a default is not interpolated again; a `$`
 * followed by anything else is an error ("you may need to escape any $ with another $").
 */
const PATTERN = /\$(?:(\$)|([_a-z][_a-z0-9]*(?::?[-?][^}]*)?)|\{([_a-z][_a-z0-9]*(?::?[-?][^}]*)?)\}|())/gi;

type Cast = (text: string) => unknown;

const toInt: Cast = (text) => (/^[-+]?\d+$/.test(text) ? Number(text) : new CastFailure(`"${text}" is not an integer`));
const toFloat: Cast = (text) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : new CastFailure(`"${text}" is not a number`));
const toBoolean: Cast = (text) => {
  const word = text.toLowerCase();
  if (['y', 'yes', 'true', 'on'].includes(word)) return true;
  if (['n', 'no', 'false', 'off'].includes(word)) return false;
  return new CastFailure(`"${text}" is not a boolean`);
};
class CastFailure {
  constructor(readonly message: string) {}
}

/**
 * Where an interpolated string becomes a number or a boolean (the CLI's interpolateTypeCastMapping): `*` is any key,
 * `[]` any list item. Elsewhere a substituted value stays a string.
 */
const CASTS: [string[], Cast][] = [
  [['services', '*', 'configs', '[]', 'mode'], toInt],
  [['services', '*', 'secrets', '[]', 'mode'], toInt],
  [['services', '*', 'healthcheck', 'retries'], toInt],
  [['services', '*', 'healthcheck', 'disable'], toBoolean],
  [['services', '*', 'deploy', 'replicas'], toInt],
  [['services', '*', 'deploy', 'update_config', 'parallelism'], toInt],
  [['services', '*', 'deploy', 'update_config', 'max_failure_ratio'], toFloat],
  [['services', '*', 'deploy', 'rollback_config', 'parallelism'], toInt],
  [['services', '*', 'deploy', 'rollback_config', 'max_failure_ratio'], toFloat],
  [['services', '*', 'deploy', 'restart_policy', 'max_attempts'], toInt],
  [['services', '*', 'deploy', 'placement', 'max_replicas_per_node'], toInt],
  [['services', '*', 'ports', '[]', 'target'], toInt],
  [['services', '*', 'ports', '[]', 'published'], toInt],
  [['services', '*', 'ulimits', '*'], toInt],
  [['services', '*', 'ulimits', '*', 'hard'], toInt],
  [['services', '*', 'ulimits', '*', 'soft'], toInt],
  [['services', '*', 'privileged'], toBoolean],
  [['services', '*', 'oom_score_adj'], toInt],
  [['services', '*', 'read_only'], toBoolean],
  [['services', '*', 'stdin_open'], toBoolean],
  [['services', '*', 'tty'], toBoolean],
  [['services', '*', 'init'], toBoolean],
  [['services', '*', 'volumes', '[]', 'read_only'], toBoolean],
  [['services', '*', 'volumes', '[]', 'volume', 'nocopy'], toBoolean],
  [['networks', '*', 'external'], toBoolean],
  [['networks', '*', 'internal'], toBoolean],
  [['networks', '*', 'attachable'], toBoolean],
  [['volumes', '*', 'external'], toBoolean],
  [['secrets', '*', 'external'], toBoolean],
  [['configs', '*', 'external'], toBoolean],
];

function castFor(path: KeyPath): Cast | undefined {
  const parts = path.map((part) => (typeof part === 'number' ? '[]' : part));
  return CASTS.find(([pattern]) => pattern.length === parts.length && pattern.every((p, i) => p === '*' || p === parts[i]))?.[1];
}

export interface Interpolated {
  data: Record<string, unknown>;
  problems: ComposeProblem[];
  warnings: ComposeWarning[];
}

/**
 * Substitutes variables in every string value (never in keys) from `variables` only: the server's own environment is
 * never read. An unset variable without a default becomes '' with a warning; `${X:?why}` unset is an error naming X.
 */
export function interpolate(data: Record<string, unknown>, variables: Readonly<Record<string, string>>, lines: LineIndex): Interpolated {
  const problems: ComposeProblem[] = [];
  const warnings: ComposeWarning[] = [];
  const lookup = (name: string): string | undefined => (Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined);

  const substitute = (template: string, path: KeyPath): string | undefined => {
    let failed = false;
    const fail = (message: string) => {
      problems.push({ path: pathText(path), line: lines.of(path), message });
      failed = true;
      return '';
    };
    const result = template.replace(PATTERN, (_match, escaped?: string, named?: string, braced?: string) => {
      if (escaped) return escaped;
      const expression = named ?? braced;
      if (!expression) return fail(`invalid interpolation format: "${template}"; you may need to escape any $ with another $`);
      const modifier = /^([_a-z][_a-z0-9]*)(:-|-|:\?|\?)?([\s\S]*)$/i.exec(expression)!;
      const [, name, operator, argument] = modifier as unknown as [string, string, string | undefined, string];
      const value = lookup(name);
      switch (operator) {
        case ':-':
          return value === undefined || value === '' ? argument : value;
        case '-':
          return value === undefined ? argument : value;
        case ':?':
        case '?':
          if (value === undefined || (operator === ':?' && value === '')) return fail(`required variable ${name} is missing a value${argument ? `: ${argument}` : ''}`);
          return value;
        default:
          if (value === undefined) {
            warnings.push({ path: pathText(path), line: lines.of(path), message: `variable ${name} is not set: an empty string is used` });
            return '';
          }
          return value;
      }
    });
    return failed ? undefined : result;
  };

  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') {
      const substituted = substitute(value, path);
      if (substituted === undefined || substituted === value) return value;
      const cast = castFor(path);
      if (!cast) return substituted;
      const typed = cast(substituted);
      if (typed instanceof CastFailure) {
        problems.push({ path: pathText(path), line: lines.of(path), message: `after interpolation ${typed.message}` });
        return value;
      }
      return typed;
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]));
    }
    return value;
  };

  return { data: walk(data, []) as Record<string, unknown>, problems, warnings };
}
