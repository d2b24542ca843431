import { type ProgrammeTemplate, withTemplateDefaults } from '@ccc/programme';
import type { DataSource } from 'typeorm';

/**
 * Programme template versions as the reads use them. A version is never edited (programme-template.entity.ts), so
 * its definition (13 KB of JSON for the default programme) is fetched, parsed and given its defaults once per
 * process: a statement sends the ids it already knows, and the database leaves out their definitions. The same
 * statements run whether the cache is warm or cold, so the statement counts stay fixed.
 */
export interface TemplateVersionRow {
  id: string;
  name: string;
  version: number;
  definition: ProgrammeTemplate;
}

const known = new Map<string, ProgrammeTemplate>();
/** Far more versions than a deployment has: past it, further ones are fetched each time rather than kept. */
const KNOWN_MAX = 500;

/** Shared by every request from now on: frozen, so that a caller changing it fails at once instead of corrupting it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The ids of the versions whose definitions this process holds: the parameter of `definitionSql`. */
export function knownTemplateIds(among?: readonly string[]): string[] {
  return among ? among.filter((id) => known.has(id)) : [...known.keys()];
}

/** The definition column of template alias `t`, null where the id is in the array parameter `knownParam`. */
export function definitionSql(alias: string, knownParam: string): string {
  return `CASE WHEN ${alias}.id = ANY(${knownParam}::uuid[]) THEN NULL ELSE ${alias}.definition END`;
}

/** A template's definition from a row of a statement that used definitionSql (null: this process has it). */
export function definitionOf(id: string, stored: ProgrammeTemplate | null): ProgrammeTemplate {
  const cached = known.get(id);
  if (cached) return cached;
  if (!stored) throw new Error(`Programme template ${id} was left out but is not known`);
  const definition = withTemplateDefaults(stored);
  if (known.size < KNOWN_MAX) known.set(id, deepFreeze(definition));
  return definition;
}

/** These template versions by id: one statement. */
export async function templateVersions(
  db: DataSource,
  ids: readonly string[],
): Promise<Map<string, TemplateVersionRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; name: string; version: number; definition: ProgrammeTemplate | null }[] = await db.query(
    `SELECT t.id, t.name, t.version, ${definitionSql('t', '$2')} AS definition
       FROM programme_template t WHERE t.id = ANY($1::uuid[])`,
    [wanted, knownTemplateIds(wanted)],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, name: row.name, version: row.version, definition: definitionOf(row.id, row.definition) },
    ]),
  );
}

/** These template versions' definitions by id (the reads that need no name or version): one statement. */
export async function templateDefinitions(
  db: DataSource,
  ids: readonly string[],
): Promise<Map<string, ProgrammeTemplate>> {
  return new Map([...(await templateVersions(db, ids)).values()].map((row) => [row.id, row.definition]));
}
