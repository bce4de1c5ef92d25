import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ComposeProblem } from './compose.errors';
import { pathText, type LineIndex } from './compose.yaml';
import composeSpec from './schema/compose-spec.json';

let validator: ValidateFunction | undefined;

/**
 * The published compose-spec schema, compiled once. `strict: false`: the schema is vendored as published (draft-07
 * with union types and `deprecated`), and strict mode is for schemas one writes, not ones one checks against.
 */
function compiled(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(composeSpec);
  return validator;
}

/** Every place the file breaks the compose-spec schema, each with its key path and line. */
export function validateAgainstSchema(data: unknown, lines: LineIndex): ComposeProblem[] {
  const validate = compiled();
  if (validate(data)) return [];
  const problems = new Map<string, ComposeProblem>();
  for (const error of relevant(validate.errors ?? [])) {
    const path = pointerPath(error.instancePath);
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'additionalProperties') {
      path.push(String(error.params.additionalProperty));
      message = 'is not a compose key here';
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'type') {
      message = `must be ${typeWords(String(error.params.type))}`;
    }
    const problem = { path: pathText(path), line: lines.of(path), message };
    problems.set(`${problem.path}\u0000${message}`, problem);
  }
  return [...problems.values()];
}

const TYPE_WORDS: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', null: 'null' };

/** ajv's `object,array` in the words of a compose file: `a mapping or a list`. */
function typeWords(types: string): string {
  return [...new Set(types.split(','))].map((type) => TYPE_WORDS[type] ?? type).join(' or ');
}

/** `/services/web/ports/0` → ['services', 'web', 'ports', 0]. */
function pointerPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * A failed `oneOf` (string, or list, or mapping...) reports every branch. Keep what the branch of the value's own type
 * says (a mapping with a wrong key: that key); when the value's type fits no branch, one error listing the types.
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const dropped = new Set<ErrorObject>();
  for (const alternative of alternatives) {
    const inside = errors.filter((e) => e !== alternative && e.schemaPath.startsWith(`${alternative.schemaPath}/`) && e.instancePath.startsWith(alternative.instancePath));
    const typeMisses = inside.filter((e) => e.keyword === 'type' && e.instancePath === alternative.instancePath);
    const branches = new Set(inside.map((e) => e.schemaPath.slice(alternative.schemaPath.length + 1).split('/')[0]));
    const missedBranches = new Set(typeMisses.map((e) => e.schemaPath.slice(alternative.schemaPath.length + 1).split('/')[0]));
    if (inside.length > 0 && missedBranches.size === branches.size && inside.every((e) => typeMisses.includes(e) || e.keyword === 'oneOf')) {
      // No branch takes this type: say which types would do.
      for (const e of inside) dropped.add(e);
      alternative.message = `must be ${typeWords(typeMisses.map((e) => String(e.params.type)).join(','))}`;
      continue;
    }
    // Some branch takes the type: its own complaints are the ones that matter.
    for (const e of typeMisses) dropped.add(e);
    if (inside.some((e) => !typeMisses.includes(e))) dropped.add(alternative);
  }
  return errors.filter((e) => !dropped.has(e));
}
