/**
 * A CHECK constraint's expression that a column holds one of a vocabulary's values, written from the vocabulary's
 * one tuple (in libs/programme or libs/contracts), so the database, the DTOs and the SPA's options cannot drift
 * apart. The platform test compares each entity's CHECK definitions with the migrated ones.
 */
export function oneOf(column: string, values: readonly (string | number)[]): string {
  return `${column} IN (${values.map((value) => (typeof value === 'number' ? String(value) : `'${value}'`)).join(', ')})`;
}
