import type { InsertResult } from 'typeorm';

/**
 * The value a map holds for a key it was built to hold (an index of the very rows being walked, templates fetched
 * for these cohorts): none is a programming error (500), never a caller's mistake, checked here instead of
 * asserted with `!` at each reader.
 */
export function lookup<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Nothing was indexed under ${String(key)}`);
  return value;
}

/** The id of the one row an `insert` wrote (a database default, a uuid). */
export function insertedId(inserted: Pick<InsertResult, 'identifiers'>): string {
  const id = inserted.identifiers[0]?.['id'] as unknown;
  if (id === undefined || id === null) throw new Error('The insert answered with no id');
  return String(id);
}

/** The item at `index` of a list built to be as long as another it is read beside (a column per heading). */
export function itemAt<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`No item at ${index} of a list of ${list.length}`);
  return item;
}
