import { describe, expect, it } from '@jest/globals';
import { matchesSearch, pageOf } from './paging';

describe('pageOf', () => {
  const items = Array.from({ length: 53 }, (_, i) => i + 1);
  it('gives the page asked for, and the figures to say what is shown', () => {
    expect(pageOf(items, 2, 25)).toMatchObject({ page: 2, pages: 3, total: 53, from: 26, to: 50 });
    expect(pageOf(items, 3, 25).items).toEqual([51, 52, 53]);
  });
  it('keeps a page number from the address within the pages there are', () => {
    expect(pageOf(items, 9, 25).page).toBe(3);
    expect(pageOf(items, 0, 25).page).toBe(1);
    expect(pageOf(items, Number.NaN, 25).page).toBe(1);
    expect(pageOf([], 1, 25)).toMatchObject({ page: 1, pages: 1, total: 0, from: 0, to: 0 });
  });
});

describe('matchesSearch', () => {
  it('finds every word in any of the texts, in any case', () => {
    expect(matchesSearch('sam north', ['Sam Taylor', 'North Downs PCN'])).toBe(true);
    expect(matchesSearch('SAM', ['sam@example.org'])).toBe(true);
    expect(matchesSearch('sam south', ['Sam Taylor', 'North Downs PCN'])).toBe(false);
    expect(matchesSearch('  ', ['anything'])).toBe(true);
  });
});
