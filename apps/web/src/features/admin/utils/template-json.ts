/** The template editor's pure parts: the JSON text of a definition, and reading it back with a clear error. */
import type { ProgrammeTemplate } from '@ccc/programme';

/** Two-space JSON, as people read and edit it. */
export function definitionText(definition: ProgrammeTemplate): string {
  return JSON.stringify(definition, null, 2);
}

export type ParsedDefinition = { ok: true; definition: ProgrammeTemplate } | { ok: false; message: string };

/** The textarea's text as a definition object, or why it is not one (with the line, when JSON says where). */
export function parseDefinition(text: string): ParsedDefinition {
  if (!text.trim()) return { ok: false, message: 'Enter the template definition as JSON' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    const position = /position (\d+)/.exec(detail);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : null;
    return {
      ok: false,
      message: line ? `The definition is not valid JSON (near line ${line})` : 'The definition is not valid JSON',
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The definition must be a JSON object: { … }' };
  }
  return { ok: true, definition: value as ProgrammeTemplate };
}

/** "plan[3].month" -> "plan[3].month"; an empty path is the whole template. */
export function describePath(path: string): string {
  return path ? path : 'the whole template';
}
