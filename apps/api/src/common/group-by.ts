/** A group: never empty, so its first row is there to read. */
export type Group<T> = [T, ...T[]];

/** Rows grouped by a key in one pass: joining lists in memory without a search per row. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, Group<T>> {
  const groups = new Map<string, Group<T>>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
