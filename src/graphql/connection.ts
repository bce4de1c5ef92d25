import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Page } from '../db/pagination';
import { selectedFields } from './selection';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Relay-style connection for any node type: `totalCount`, `nodes`, `edges { cursor node }`, `pageInfo`. */
export function Connection<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  // Named but never referenced itself: type-graphql 2 emits only the concrete subclass.
  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType {
    @Field(() => Int)
    totalCount!: number;

    @Field(() => [Node])
    nodes!: T[];

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Edges and cursors are built only when a client asks for them: a nested read of nodes never pays for them. */
export function toConnection<T>(page: Page<T>) {
  let edges: Array<{ cursor: string; node: T }> | undefined;
  const edgesOf = () => (edges ??= page.nodes.map((node) => ({ cursor: page.cursorOf(node), node })));
  return {
    get totalCount() {
      return page.totalCount;
    },
    nodes: page.nodes,
    get edges() {
      return edgesOf();
    },
    pageInfo: {
      hasNextPage: page.hasNextPage,
      get endCursor() {
        const last = page.nodes.at(-1);
        return last === undefined ? null : page.cursorOf(last);
      },
    },
  };
}

const CONNECTION_FIELDS = [[]] as string[][];

/** Whether the query reads the connection's totalCount: the page can then count beside its own query (PageArgs.counted). */
export function readsTotalCount(info: GraphQLResolveInfo): boolean {
  return selectedFields(info, CONNECTION_FIELDS).has('totalCount');
}
