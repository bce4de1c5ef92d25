import { sameValue } from '../../src/inventory/inventory.diff';

describe(sameValue.name, () => {
  it('holds JSON equal in any key order, as jsonb hands it back, and tells real differences', () => {
    expect(sameValue({ b: 1, a: [{ y: 'x', x: null }] }, { a: [{ x: null, y: 'x' }], b: 1 })).toBe(true);
    expect(sameValue({ a: 1, gone: undefined }, { a: 1 })).toBe(true); // JSON drops undefined members
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameValue({ at: new Date(0) }, { at: new Date(1) })).toBe(false);
    expect(sameValue(new Date(5), new Date(5))).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
  });
});
