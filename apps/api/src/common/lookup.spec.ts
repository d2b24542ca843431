import type { InsertResult } from 'typeorm';
import { insertedId, itemAt, lookup } from './lookup';

describe('lookup', () => {
  it('is the value under the key', () => {
    expect(lookup(new Map([['a', 1]]), 'a')).toBe(1);
  });

  it('refuses a key nothing was indexed under as a programming error', () => {
    expect(() => lookup(new Map([['a', 1]]), 'b')).toThrow('Nothing was indexed under b');
  });
});

describe('itemAt', () => {
  it('is the item at the index', () => {
    expect(itemAt(['a', 'b'], 1)).toBe('b');
  });

  it('refuses an index past the end as a programming error', () => {
    expect(() => itemAt(['a'], 1)).toThrow('No item at 1 of a list of 1');
  });
});

describe('insertedId', () => {
  const result = (identifiers: InsertResult['identifiers']) => ({ identifiers, generatedMaps: [], raw: [] });

  it('is the id of the row written', () => {
    expect(insertedId(result([{ id: '6f1c' }]))).toBe('6f1c');
  });

  it('refuses an insert that answered with no id', () => {
    expect(() => insertedId(result([]))).toThrow('no id');
  });
});
