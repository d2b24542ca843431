/** The template form's pure parts: field ids from validation paths, numbers as typed, errors placed by path. */
import type { ExpectationMeasure, ProgrammeTemplate, TemplateError } from '@ccc/programme';

/** `expectations[3].measure.target` → `tpl-expectations-3-measure-target`: the id of the field that path edits. */
export function fieldIdOf(path: string): string {
  return `tpl-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

/**
 * What a number box holds: the number when the text is one, otherwise the text itself, so that the template's
 * rules (and the API) name the field ("must be a whole number") rather than the form guessing a value.
 */
export function numberFrom(text: string): number {
  const trimmed = text.trim();
  return (trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed) as number;
}

/** The box's text for a value that may be a number or what was typed. */
export function numberText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** "target" + "must not be negative" → "Target must not be negative". */
export function errorText(path: string, message: string): string {
  const field = /([A-Za-z]+)(\[\d+\])?$/.exec(path)?.[1] ?? '';
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  const text = message.startsWith(field) || !words ? message : `${words} ${message}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Errors by the field that shows them: an error whose path is a rendered field goes beside it; one on a part of a
 * field (`plan[0].tracks[1]`) beside that field; any other (a whole item, `minHours must not exceed maxHours` on a
 * measure) beside the item's first field that starts its path, else with the item.
 */
export function placeErrors(errors: readonly TemplateError[], fields: readonly string[]): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  const add = (path: string, text: string) => placed.set(path, [...(placed.get(path) ?? []), text]);
  for (const error of errors) {
    const text = errorText(error.path, error.message);
    const own = fields.find((f) => f === error.path || error.path.startsWith(`${f}[`));
    const inside = own ?? fields.find((f) => f.startsWith(`${error.path}.`));
    add(inside ?? error.path, text);
  }
  return placed;
}

/** A new measure of this type with the seed's values, for an expectation whose type the administrator changes. */
export function measureOfType(type: ExpectationMeasure['type']): ExpectationMeasure {
  switch (type) {
    case 'session_count':
      return { type, kinds: ['individual'], target: 6 };
    case 'attendance':
      return { type, kinds: ['individual', 'group'] };
    case 'weekly_release':
      return { type, minHours: 1, maxHours: 2 };
    case 'total_release':
      return { type, maxDays: 5, hoursPerDay: 7.5 };
    default:
      return { type };
  }
}

/** Every path the form shows a field for, in the page's order: where each error goes. */
export function templateFieldPaths(template: ProgrammeTemplate): string[] {
  const paths = ['name', 'durationMonths', 'supervisionEligibilityMonths', 'supervisionEligibilityMonthsAfter'];
  (template.plan ?? []).forEach((_, i) => {
    const at = `plan[${i}]`;
    paths.push(
      ...['month', 'kind', 'key', 'title', 'purpose', 'participants', 'durationMinutes.min', 'durationMinutes.max'].map(
        (f) => `${at}.${f}`,
      ),
      ...['mode', 'tracks', 'sharedByCohort'].map((f) => `${at}.${f}`),
    );
  });
  (template.teaching ?? []).forEach((_, i) =>
    paths.push(
      ...['month', 'topic', 'durationMinutes.min', 'durationMinutes.max', 'mode'].map((f) => `teaching[${i}].${f}`),
    ),
  );
  (template.selfDirectedCourses ?? []).forEach((_, i) =>
    paths.push(`selfDirectedCourses[${i}].key`, `selfDirectedCourses[${i}].title`),
  );
  (template.expectations ?? []).forEach((e, i) => {
    const at = `expectations[${i}]`;
    paths.push(`${at}.key`, `${at}.title`, `${at}.party`, `${at}.tracks`, `${at}.measure.type`);
    for (const f of MEASURE_FIELDS[e.measure?.type] ?? []) paths.push(`${at}.measure.${f}`);
  });
  return paths;
}

/** The fields of each kind of measure, as the form shows them. */
export const MEASURE_FIELDS: Record<ExpectationMeasure['type'], string[]> = {
  session_count: ['kinds', 'target'],
  attendance: ['kinds'],
  weekly_release: ['minHours', 'maxHours'],
  total_release: ['maxDays', 'hoursPerDay'],
  competencies: [],
  training: [],
  survey: [],
  attestation: [],
  duties: [],
};
