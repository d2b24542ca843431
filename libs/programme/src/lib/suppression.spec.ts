import { type SuppressionCell, type SuppressionSum, suppressCells } from './suppression';

const count = (value: number): SuppressionCell => ({ value, small: value < 5, floor: 5 });

/** A column: cells for the parts, then their total; the sum that ties them. */
function column(values: number[]): { cells: SuppressionCell[]; sums: SuppressionSum[] } {
  const total = values.reduce((a, b) => a + b, 0);
  const cells = [...values, total].map(count);
  return { cells, sums: [{ total: values.length, parts: values.map((_, i) => i) }] };
}

describe('small-number suppression', () => {
  it('hides nothing when every count is 5 or more', () => {
    const { cells, sums } = column([5, 12, 40]);
    expect(suppressCells(cells, sums)).toEqual([null, null, null, null]);
  });

  it('shows a count under 5 as "fewer than 5", and withholds the next smallest so it cannot be subtracted out', () => {
    const { cells, sums } = column([30, 3, 9, 12]);
    expect(suppressCells(cells, sums)).toEqual([null, 'fewer_than_5', 'withheld', null, null]);
  });

  it('withholds the only other part, leaving the total', () => {
    const { cells, sums } = column([2, 40]);
    expect(suppressCells(cells, sums)).toEqual(['fewer_than_5', 'withheld', null]);
  });

  it('needs nothing more when two parts are already under 5', () => {
    const { cells, sums } = column([30, 3, 1, 12]);
    expect(suppressCells(cells, sums)).toEqual([null, 'fewer_than_5', 'fewer_than_5', null, null]);
  });

  it('hides a total of under 5 with its parts: nothing there to subtract', () => {
    const { cells, sums } = column([1, 2]);
    expect(suppressCells(cells, sums)).toEqual(['fewer_than_5', 'fewer_than_5', 'fewer_than_5']);
  });

  it('withholds more when what a reader knows of the hidden ones pins one down', () => {
    // 0 ("fewer than 5": 0–4) + 5 (withheld: 5 or more) = 30 − 25: only 0 and 5 fit, so 25 goes too.
    const { cells, sums } = column([0, 5, 25]);
    expect(suppressCells(cells, sums)).toEqual(['fewer_than_5', 'withheld', 'withheld', null]);
  });

  it('uses a shown cap: a withheld part cannot exceed the count it is a part of', () => {
    // Cells: total 14; X = 4 (under 5); Y = 10, hidden with the dummy D, capped by C = 10 (shown) → X 4, Y 10.
    const cells: SuppressionCell[] = [
      count(14),
      count(4),
      { value: 10, small: false, floor: 0, cap: 3 },
      count(10),
      count(1),
    ];
    const state = suppressCells(cells, [{ total: 0, parts: [1, 2] }], [{ from: 4, to: 2 }]);
    expect(state[2]).toBe('withheld');
    // Nothing left to withhold in that sum but its total.
    expect(state[0]).toBe('withheld');
  });

  it('follows links: a cell read only with another is hidden with it', () => {
    const cells = [count(3), count(40)];
    expect(suppressCells(cells, [], [{ from: 0, to: 1 }])).toEqual(['fewer_than_5', 'withheld']);
  });

  it('leaves no sum with exactly one hidden cell and no count under 5 shown, over many random tables', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      // Rows of three parts and their total, then a national row; sums along rows and down columns.
      const rows = 1 + random(6);
      const values = Array.from({ length: rows }, () =>
        Array.from({ length: 3 }, () => (random(3) ? random(30) : random(5))),
      );
      const grid = [...values.map((row) => [row.reduce((a, b) => a + b, 0), ...row])];
      grid.push(grid[0]!.map((_, c) => grid.reduce((t, row) => t + row[c]!, 0)));
      const index = (r: number, c: number) => r * 4 + c;
      const cells = grid.flat().map(count);
      const sums: SuppressionSum[] = [
        ...grid.map((_, r) => ({ total: index(r, 0), parts: [1, 2, 3].map((c) => index(r, c)) })),
        ...[0, 1, 2, 3].map((c) => ({ total: index(rows, c), parts: values.map((_, r) => index(r, c)) })),
      ];
      const state = suppressCells(cells, sums);
      cells.forEach((cell, i) => {
        if (cell.value < 5) expect(state[i]).toBe('fewer_than_5');
      });
      for (const sum of sums) {
        const hidden = [sum.total, ...sum.parts].filter((i) => state[i]).length;
        expect(hidden).not.toBe(1);
      }
    }
  });
});
