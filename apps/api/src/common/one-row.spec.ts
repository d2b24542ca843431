import { oneRow } from './one-row';

describe('oneRow', () => {
  it('is the first row', () => {
    expect(oneRow([{ n: 3 }])).toEqual({ n: 3 });
  });

  it('refuses an empty answer as a programming error', () => {
    expect(() => oneRow([])).toThrow('no row');
  });
});
