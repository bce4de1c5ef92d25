import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  Kind,
  parse,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  validate,
  visit,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Lexer tokens of one document: parsing stops there, so every later step works on a bounded document. */
  maxTokens: number;
  /** Fields of one document with fragments expanded where they are spread (what validation walks). */
  maxFields: number;
  /** Fields that repeat a sibling's response name: graphql-js compares them pairwise, so they cost quadratic time. */
  maxDuplicateFields: number;
}

/** Report through the validation context (a normal GRAPHQL_VALIDATION_FAILED) instead of throwing out of validate(). */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  exposeLimits: false,
};

/**
 * Depth, alias and cost limits for every operation, HTTP and WebSocket alike (Apollo sets none by default: 50 aliases
 * returned 6.6 MB in 279 ms). The limits themselves are not echoed, so probing them teaches little. Aliases of
 * `__typename` count like any other (graphql-armor lets them through by default: a free way to multiply work).
 */
export function operationLimits(options: Pick<OperationLimits, 'maxDepth' | 'maxAliases' | 'maxCost'>): ValidationRule[] {
  return [
    maxDepthRule({ ...asValidationError, n: options.maxDepth, flattenFragments: true, errorMessage: 'operation is nested too deeply' }),
    maxAliasesRule({ ...asValidationError, n: options.maxAliases, allowList: [], errorMessage: 'operation uses too many aliases' }),
    costRule(options.maxCost),
  ] as ValidationRule[];
}

/**
 * graphql-armor's cost: scalars 1, objects 2, each level deeper ×1.5, a list ×its first/last. Fragments are priced as
 * the fields they spread (flattened, as the depth rule counts them): unflattened, a spread costs one level more than
 * the same fields written inline, so a dashboard's fragment-built list of 200 containers was refused at a size its
 * inline twin passed.
 */
function costRule(maxCost: number): ValidationRule {
  return costLimitRule({ ...asValidationError, maxCost, flattenFragments: true, errorMessage: 'operation is too expensive' }) as ValidationRule;
}

const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

/**
 * The cost rule prices a list by its `first`/`last` only when the number is written into the document; validation
 * never sees variables (Apollo validates a query text once for every set of variables), so `first: $n` was priced as
 * one row and `dockerHosts(first: $h) { containers(first: $c) }` passed at any size. With the request's variables (or
 * the operation's defaults) written into a copy of the document, the cost rule runs once more on what will really
 * execute. Documents without such a variable are not walked twice.
 */
export function pageSizeCostErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  limits: Pick<OperationLimits, 'maxCost'>,
  operationName?: string | null,
): readonly GraphQLError[] {
  // The operation that will run (the variables are its own), with the fragments; an unknown name is execution's to refuse.
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const selected = operationName ? operations.filter((o) => o.name?.value === operationName) : operations.length === 1 ? operations : [];
  if (selected.length !== 1) return [];
  const operation = selected[0]!;
  const defaults = new Map<string, ValueNode>();
  for (const variable of operation.variableDefinitions ?? []) if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
  let bound = false;
  const single: DocumentNode = { ...document, definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION) };
  const withSizes = visit(single, {
    Argument(node: ArgumentNode): ArgumentNode | undefined {
      if (!PAGE_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const name = node.value.name.value;
      const given = variables?.[name];
      const value: ValueNode | undefined = Number.isSafeInteger(given) ? { kind: Kind.INT, value: String(given) } : given === undefined ? defaults.get(name) : undefined;
      if (!value) return undefined; // null, or not an integer: coercion answers it
      bound = true;
      return { ...node, value };
    },
  });
  if (!bound) return [];
  return validate(schema, withSizes, [costRule(limits.maxCost)]);
}

/** graphql-js's own token cap: a longer document fails to parse (GRAPHQL_PARSE_FAILED) without being read to the end. */
export function parseOptions(limits: Pick<OperationLimits, 'maxTokens'>): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/**
 * The shape check that runs BEFORE validation. Validation is where the time goes: graphql-js's
 * OverlappingFieldsCanBeMerged rule compares fields of the same response name pairwise, recursively, so 1,000 copies
 * of `dockerHosts { nodes { id } }` (29 kB, under the body cap) kept a core busy for 2 s, 3,000 for 27 s, before any
 * token was looked at; the depth/alias/cost rules run inside that same validation pass and cannot stop it. This walk is
 * linear and gives up at the first limit passed.
 */
export function operationShapeError(document: DocumentNode, limits: Pick<OperationLimits, 'maxFields' | 'maxDuplicateFields'>): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  let fields = 0;
  let visits = 0;
  let duplicates = 0;
  let refusal: string | null = null;

  // One selection set: its fields, with inline fragments and spread fragments flattened in (as validation sees them).
  const walkSet = (set: SelectionSetNode, spreading: ReadonlySet<string>): void => {
    const names = new Map<string, number>();
    const level = (current: SelectionSetNode, stack: ReadonlySet<string>): void => {
      for (const selection of current.selections) {
        if (refusal) return;
        // Every selection visited counts, spreads and inline fragments too: a chain of fragments each spreading the
        // next twice and ending in an unknown one selects no field, yet is 2^n visits (22 links: 16 s).
        if (++visits > limits.maxFields * 2) refusal = 'operation selects too many fields';
        if (selection.kind === Kind.FIELD) {
          if (++fields > limits.maxFields) refusal = 'operation selects too many fields';
          const name = selection.alias?.value ?? selection.name.value;
          const seen = (names.get(name) ?? 0) + 1;
          names.set(name, seen);
          if (seen > 1 && ++duplicates > limits.maxDuplicateFields) refusal = 'operation repeats too many fields';
          if (selection.selectionSet) walkSet(selection.selectionSet, stack);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          level(selection.selectionSet, stack);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // Unknown and cyclic spreads are validation's to report; here they just add nothing.
          if (fragment && !stack.has(name)) level(fragment.selectionSet, new Set([...stack, name]));
        }
      }
    };
    level(set, spreading);
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walkSet(definition.selectionSet, new Set());
    if (refusal) break;
  }
  // Fragments never spread are still validated (and may be the heavy part).
  for (const fragment of fragments.values()) {
    if (refusal) break;
    walkSet(fragment.selectionSet, new Set([fragment.name.value]));
  }
  return refusal ? new GraphQLError(refusal, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }) : null;
}

/** Parse with the token cap, then the shape check: what both transports run before validating. Errors come back, never thrown. */
export function parseBounded(source: string, limits: OperationLimits): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(source, parseOptions(limits));
  } catch (error) {
    const syntax = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    return { errors: [new GraphQLError(syntax.message, { nodes: syntax.nodes, source: syntax.source, positions: syntax.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
  }
  const shape = operationShapeError(document, limits);
  return shape ? { errors: [shape] } : { document };
}
