import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The field names a query selects on objects found at `path` below the current field (e.g. ['nodes'] and
 * ['edges', 'node'] of a connection), through fragments and inline fragments. Lets a resolver read only the columns
 * the client asked for.
 */
export function selectedFields(info: GraphQLResolveInfo, paths: string[][]): Set<string> {
  // The same field of every parent in a list shares one list of AST nodes: walk it once. Keyed by the whole list, not
  // its first node: one node can be merged with different others (a fragment spread where the field is also selected
  // with more), and each merge selects its own fields.
  const key = info.fieldNodes;
  const cached = memo.get(key)?.get(paths);
  if (cached) return cached;
  const names = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, path: string[]) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (path.length === 0) names.add(selection.name.value);
        else if (selection.name.value === path[0]) collect(selection.selectionSet, path.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, path);
      } else {
        collect(info.fragments[selection.name.value]?.selectionSet, path);
      }
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) for (const path of paths) collect(node.selectionSet, path);
  memo.set(key, (memo.get(key) ?? new Map()).set(paths, names));
  return names;
}

const memo = new WeakMap<readonly FieldNode[], Map<string[][], Set<string>>>();
