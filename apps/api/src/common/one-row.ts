/**
 * The one row a query always answers with (`count(*)`, `max()`, `EXISTS`, an upsert's `RETURNING`): none is a
 * programming error (500), never a caller's mistake, so it is checked here once instead of asserted at each reader.
 */
export function oneRow<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('The query answered with no row, where it always answers with one');
  return row;
}
