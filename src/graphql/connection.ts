import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../db/pagination';

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

export function toConnection<T>(page: Page<T>) {
  const edges = page.nodes.map((node) => ({ cursor: page.cursorOf(node), node }));
  return {
    totalCount: page.totalCount,
    nodes: page.nodes,
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
