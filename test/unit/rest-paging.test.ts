import type { Page, PageArgs } from '../../src/db/pagination';
import { MAX_PAGE_DEPTH, pageMeta, pageThrough } from '../../src/rest/rest.pagination';
import { RequestError } from '../../src/rest/rest.errors';

/** A manager's keyset list over rows in memory (cursor = the last row's name), recording every call it gets. */
function fakeList(rows: string[]) {
  const calls: PageArgs[] = [];
  const list = async (args: PageArgs): Promise<Page<{ name: string }>> => {
    calls.push(args);
    const start = args.after ? rows.indexOf(args.after) + 1 : 0;
    const first = args.first ?? 50;
    const nodes = rows.slice(start, start + first).map((name) => ({ name }));
    return { nodes, totalCount: rows.length, hasNextPage: start + first < rows.length, cursorOf: (node) => node.name };
  };
  return { list, calls };
}

const letters = Array.from({ length: 7 }, (_, i) => String.fromCharCode(97 + i));

describe(pageThrough.name, () => {
  it('answers page n by walking the rows before it by cursor, in steps of at most the largest page', async () => {
    const { list, calls } = fakeList(letters);
    const answer = await pageThrough({ page: 3, per_page: 2 }, list);
    expect(answer.page.nodes.map((n) => n.name)).toEqual(['e', 'f']);
    expect(calls).toEqual([{ first: 4, after: null }, { first: 2, after: 'd' }]);
    expect(await pageMeta(answer)).toEqual({ page: 3, per_page: 2, total_count: 7, has_next_page: true, next_cursor: 'f' });
  });

  it('answers an empty last page past the end, still counting the rows', async () => {
    const { list } = fakeList(letters);
    const answer = await pageThrough({ page: 9, per_page: 2 }, list);
    expect(await pageMeta(answer)).toEqual({ page: 9, per_page: 2, total_count: 7, has_next_page: false, next_cursor: null });
  });

  it('follows a cursor as is, answering no page number', async () => {
    const { list, calls } = fakeList(letters);
    const answer = await pageThrough({ cursor: 'b', per_page: 3 }, list);
    expect(answer.page.nodes.map((n) => n.name)).toEqual(['c', 'd', 'e']);
    expect(calls).toEqual([{ first: 3, after: 'b' }]);
    expect((await pageMeta(answer)).page).toBeNull();
  });

  it('refuses a page together with a cursor, and pages deeper than the walk allows, naming the parameter', async () => {
    const { list, calls } = fakeList(letters);
    await expect(pageThrough({ page: 2, cursor: 'b' }, list)).rejects.toEqual(expect.objectContaining({ field: 'cursor' }));
    await expect(pageThrough({ page: MAX_PAGE_DEPTH, per_page: 500 }, list)).rejects.toBeInstanceOf(RequestError);
    expect(calls).toEqual([]);
  });
});
