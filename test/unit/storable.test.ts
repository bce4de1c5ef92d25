import { findUnstorable, isStorable, isStorableDate, refuseUnstorable, storable, storableText } from '../../src/common/storable';
import { InputError } from '../../src/common/errors';
import { fitted, rowProblem } from '../../src/db/row-check';
import type { EntityMetadata } from '@mikro-orm/core';

describe('storable text', () => {
  it('replaces NUL and unpaired surrogates with U+FFFD and keeps paired ones', () => {
    expect(storableText('a\u0000b')).toBe('a\ufffdb');
    expect(storableText('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
    expect(storableText('\u{1F600} ok')).toBe('\u{1F600} ok');
  });

  it('makes keys and nested values storable, keeps Dates, and returns clean data as the same object', () => {
    const at = new Date(0);
    const dirty = { labels: { 'k\u0000': 'v\u0000' }, command: ['echo', 'a\u0000b'], at };
    expect(storable(dirty)).toEqual({ labels: { 'k\ufffd': 'v\ufffd' }, command: ['echo', 'a\ufffdb'], at });
    expect(storable(dirty).at).toBe(at);
    const clean = { labels: { k: 'v' }, list: [1, 'a'] };
    expect(storable(clean)).toBe(clean);
  });
});

describe(isStorable.name, () => {
  it('gives findUnstorable\'s verdict: strings, keys, nested arrays and dates', () => {
    const cases: unknown[] = [
      { input: { name: 'ok', labels: { foo: 'a\u0000' } } },
      { input: { command: ['sh', '\ud83d'] } },
      { input: { labels: { 'k\u0000': 'v' } } },
      { filter: { since: new Date('0000-06-01T00:00:00Z') } },
      { input: { name: 'fine \u{1F600}', labels: { a: 'b' }, at: new Date(), list: [[1, null, true, 'x']] } },
      'lone \udc00', 'fine', null, 7, [],
    ];
    for (const value of cases) expect(isStorable(value)).toBe(findUnstorable(value) === null);
  });
});

describe(findUnstorable.name, () => {
  it('names the path of the first value PostgreSQL cannot hold', () => {
    expect(findUnstorable({ input: { name: 'ok', labels: { foo: 'a\u0000' } } })).toMatchObject({ field: 'input.labels.foo' });
    expect(findUnstorable({ input: { command: ['sh', '\ud83d'] } })).toMatchObject({ field: 'input.command[1]' });
    expect(findUnstorable({ input: { labels: { 'k\u0000': 'v' } } })).toMatchObject({ field: 'input.labels.k\ufffd', problem: expect.stringContaining('key') });
    expect(findUnstorable({ filter: { since: new Date('0000-06-01T00:00:00Z') } })).toMatchObject({ field: 'filter.since' });
    expect(findUnstorable({ input: { name: 'fine \u{1F600}', labels: { a: 'b' }, at: new Date() } })).toBeNull();
  });

  it('is thrown as BAD_USER_INPUT with the path as field', () => {
    expect(() => refuseUnstorable({ input: { name: 'a\u0000' } })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'input.name' } }) as InputError);
  });

  it('takes dates from year 1 to 9999, the range ISO text reaches PostgreSQL in', () => {
    expect(isStorableDate(new Date('0001-01-01T00:00:00.000Z'))).toBe(true);
    expect(isStorableDate(new Date('9999-12-31T23:59:59.999Z'))).toBe(true);
    expect(isStorableDate(new Date('0000-12-31T23:59:59.999Z'))).toBe(false);
    expect(isStorableDate(new Date('+010000-01-01T00:00:00.000Z'))).toBe(false);
    expect(isStorableDate(new Date(Number.NaN))).toBe(false);
  });
});

describe(rowProblem.name, () => {
  // A hand-written slice of MikroORM metadata: what rowProblem reads.
  const meta = {
    props: [
      { name: 'name', kind: 'scalar', type: 'string', length: 8, columnTypes: ['varchar(8)'] },
      { name: 'exitCode', kind: 'scalar', type: 'integer', columnTypes: ['int'] },
      { name: 'sizeBytes', kind: 'scalar', type: 'bigint', columnTypes: ['bigint'] },
      { name: 'createdAt', kind: 'scalar', type: 'datetime', columnTypes: ['timestamptz'] },
      { name: 'labels', kind: 'scalar', type: 'json', columnTypes: ['jsonb'] },
      { name: 'os', kind: 'scalar', type: 'string', length: 4, columnTypes: ['varchar(4)'], nullable: true },
      { name: 'cpuCount', kind: 'scalar', type: 'integer', columnTypes: ['int'], nullable: true },
    ],
  } as unknown as EntityMetadata;
  const fine = { name: 'web', exitCode: 0, sizeBytes: 2 ** 40, createdAt: new Date(), labels: { a: 'b' } };

  it('accepts a row that fits its columns, counting characters, not UTF-16 units', () => {
    expect(rowProblem(meta, fine)).toBeNull();
    expect(rowProblem(meta, { ...fine, name: '\u{1F600}'.repeat(8) })).toBeNull();
  });

  it.each([
    [{ name: 'x'.repeat(9) }, 'name is longer than 8 characters'],
    [{ name: 'a\u0000' }, 'name holds characters'],
    [{ exitCode: 2 ** 31 }, 'exitCode'],
    [{ sizeBytes: Number.NaN }, 'sizeBytes'],
    [{ createdAt: new Date(Number.NaN) }, 'createdAt'],
    [{ labels: { 'k\u0000': 'v' } }, 'labels holds characters'],
  ])('names what the table would refuse in %j', (override, problem) => {
    expect(rowProblem(meta, { ...fine, ...override })).toContain(problem);
  });

  it('makes a daemon\'s description of itself fit: text cut by characters, an impossible number unknown', () => {
    expect(fitted(meta, { os: 'Linux\u0000 with a long name', cpuCount: Number.NaN, exitCode: 3 })).toEqual({ os: 'Linu', cpuCount: null, exitCode: 3 });
    expect(fitted(meta, { os: '\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}', cpuCount: 2 })).toEqual({ os: '\u{1F600}'.repeat(4), cpuCount: 2 });
  });
});
