import type { Page, PageArgs } from '../db/pagination';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../db/pagination';
import { RequestError } from './rest.errors';
import { z } from './rest.openapi';

/** Pages as far in as this many rows; further than that, follow `next_cursor`. */
export const MAX_PAGE_DEPTH = 10_000;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).optional().openapi({ description: `Page number from 1 (page × per_page at most ${MAX_PAGE_DEPTH}); or use cursor` }),
  per_page: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().openapi({ description: `Rows per page (default ${DEFAULT_PAGE_SIZE})` }),
  cursor: z.string().max(4096).optional().openapi({ description: "A previous answer's meta.next_cursor" }),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** The list filters of one resource beside the paging parameters; an unknown parameter is refused, named. */
export function withPaging<T extends z.ZodRawShape>(shape: T) {
  return PageQuery.extend(shape).strict();
}

export const PageMeta = z
  .object({
    page: z.number().int().nullable().openapi({ description: 'The page answered (null when asked by cursor)' }),
    per_page: z.number().int(),
    total_count: z.number().int(),
    has_next_page: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .openapi('PageMeta');

export interface PageAnswer<T> {
  page: Page<T>;
  number: number | null;
  perPage: number;
}

/**
 * `page`/`per_page` over the managers' keyset pages: the rows before the page are walked by cursor (in steps of the
 * largest page), so every answer comes from the same list method, filters and ordering the GraphQL connection uses.
 */
export async function pageThrough<T>(query: PageQuery, list: (args: PageArgs) => Promise<Page<T>>): Promise<PageAnswer<T>> {
  const perPage = query.per_page ?? DEFAULT_PAGE_SIZE;
  if (query.page !== undefined && query.cursor !== undefined) throw new RequestError('cursor', 'cannot be given with page: give one of them');
  if (((query.page ?? 1) - 1) * perPage > MAX_PAGE_DEPTH) throw new RequestError('page', `reaches past ${MAX_PAGE_DEPTH} rows: follow meta.next_cursor beyond`);
  if (query.cursor !== undefined) return { page: await list({ first: perPage, after: query.cursor }), number: null, perPage };
  const number = query.page ?? 1;
  let skip = (number - 1) * perPage;
  let after: string | null = null;
  while (skip > 0) {
    const step = await list({ first: Math.min(skip, MAX_PAGE_SIZE), after });
    const last = step.nodes.at(-1);
    if (!last || !step.hasNextPage) {
      // Past the end: an empty page that still counts what there is.
      return { page: { nodes: [], totalCount: step.totalCount, hasNextPage: false, cursorOf: step.cursorOf }, number, perPage };
    }
    after = step.cursorOf(last);
    skip -= step.nodes.length;
  }
  return { page: await list({ first: perPage, after }), number, perPage };
}

export async function pageMeta<T>(answer: PageAnswer<T>): Promise<z.infer<typeof PageMeta>> {
  const { page } = answer;
  const last = page.nodes.at(-1);
  return {
    page: answer.number,
    per_page: answer.perPage,
    total_count: await page.totalCount,
    has_next_page: page.hasNextPage,
    next_cursor: page.hasNextPage && last ? page.cursorOf(last) : null,
  };
}
