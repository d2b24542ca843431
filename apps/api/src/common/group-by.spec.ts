import { groupBy } from './group-by';

describe('groupBy', () => {
  it('keeps every row, in order, under its key', () => {
    const rows = [
      { ccc: 'a', n: 1 },
      { ccc: 'b', n: 2 },
      { ccc: 'a', n: 3 },
    ];
    const groups = groupBy(rows, (r) => r.ccc);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')?.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('c')).toBeUndefined();
  });
});
