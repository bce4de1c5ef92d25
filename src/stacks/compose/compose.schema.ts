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
 * Branch errors are the ones ajv emitted just before the oneOf error, at its path or under it (schema paths cannot
 * tell, as a branch that is a `$ref` reports the referenced definition's path).
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  errors.forEach((alternative, index) => {
    if (alternative.keyword !== 'oneOf' && alternative.keyword !== 'anyOf') return;
    const at = alternative.instancePath;
    const inside: ErrorObject[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const e = errors[i]!;
      if (e.instancePath !== at && !e.instancePath.startsWith(`${at}/`)) break;
      inside.unshift(e);
    }
    const typeMisses = inside.filter((e) => e.keyword === 'type' && e.instancePath === at);
    for (const e of typeMisses) dropped.add(e);
    if (inside.some((e) => !typeMisses.includes(e))) {
      // Some branch takes the value's type: its own complaints are the ones that matter.
      dropped.add(alternative);
    } else if (typeMisses.length > 0) {
      alternative.message = `must be ${typeWords(typeMisses.map((e) => String(e.params.type)).join(','))}`;
    }
  });
  return errors.filter((e) => !dropped.has(e));
}
