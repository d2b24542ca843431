import { DEFAULT_EVALUATION, DEFAULT_OUTCOME_MEASURES } from './default-template';
import {
  type Expectation,
  PARTICIPANT_ROLES,
  PARTIES,
  type Party,
  type PlanItem,
  type ProgrammeTemplate,
  SESSION_KINDS,
  SESSION_MODES,
  type SessionKind,
  SURVEY_RESPONDENTS,
  TRACKS,
  WIDER_WORKFORCE_ROLES,
} from './template';
import { expectationApplies, planCountWarning, plannedSessionCount } from './expectations';

export interface TemplateError {
  /** Where in the template, e.g. `plan[3].month`. */
  path: string;
  message: string;
}

export type TemplateValidation =
  | { valid: true; template: ProgrammeTemplate; errors: []; warnings: string[] }
  | { valid: false; errors: TemplateError[]; warnings: string[] };

const MAX_MONTHS = 36;

const KIND_LABELS: Record<SessionKind, [string, string]> = {
  individual: ['individual session', 'individual sessions'],
  group: ['group session', 'group sessions'],
  joint: ['joint session', 'joint sessions'],
  tna: ['TNA', 'TNAs'],
  conference: ['conference', 'conferences'],
  handover: ['handover interview', 'handover interviews'],
  teaching: ['group teaching session', 'group teaching sessions'],
};

const PARTY_LABELS: Record<Party, string> = { ccc: 'CCC', pcn: 'PCN', alliance: 'Alliance' };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** Collects every fault rather than stopping at the first, so an administrator can fix a file in one pass. */
class Checker {
  readonly errors: TemplateError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  text(obj: Json, field: string, path: string): void {
    const value = obj[field];
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(`${path}.${field}`.replace(/^\./, ''), 'must be a non-empty text');
  }

  wholeNumber(obj: Json, field: string, path: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
    const value = obj[field];
    const where = `${path}.${field}`.replace(/^\./, '');
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(where, 'must be a whole number');
    else if (value < min) this.fail(where, min === 0 ? 'must not be negative' : `must be at least ${min}`);
    else if (value > max) this.fail(where, `must be at most ${max}`);
  }

  number(obj: Json, field: string, path: string, min: number, max = Number.MAX_VALUE): void {
    const value = obj[field];
    const where = `${path}.${field}`;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(where, 'must be a number');
    else if (value < min) this.fail(where, min === 0 ? 'must not be negative' : `must be at least ${min}`);
    else if (value > max) this.fail(where, `must be at most ${max}`);
  }

  month(obj: Json, path: string, duration: number | null): void {
    const value = obj['month'];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      this.fail(`${path}.month`, 'must be a whole number from 1');
    } else if (duration !== null && value > duration) {
      this.fail(`${path}.month`, `month ${value} is outside the programme's ${duration} months`);
    }
  }

  list<T extends string>(obj: Json, field: string, path: string, allowed: readonly T[]): void {
    const value = obj[field];
    if (!Array.isArray(value) || value.length === 0) this.fail(`${path}.${field}`, 'must be a non-empty list');
    else
      value.forEach((item, i) => {
        if (!oneOf(allowed, item))
          this.fail(`${path}.${field}[${i}]`, `unknown value "${String(item)}"; expected one of ${allowed.join(', ')}`);
      });
  }

  duration(obj: Json, path: string): void {
    const range = obj['durationMinutes'];
    if (!isObject(range)) return this.fail(`${path}.durationMinutes`, 'must be an object with min and max minutes');
    this.wholeNumber(range, 'min', `${path}.durationMinutes`, 1);
    this.wholeNumber(range, 'max', `${path}.durationMinutes`, 1);
    if (typeof range['min'] === 'number' && typeof range['max'] === 'number' && range['min'] > range['max']) {
      this.fail(`${path}.durationMinutes`, 'min must not exceed max');
    }
  }

  mode(obj: Json, path: string): void {
    if (!oneOf(SESSION_MODES, obj['mode'])) this.fail(`${path}.mode`, 'must be virtual or face_to_face');
  }

  uniqueKeys(items: unknown[], field: string, path: string): void {
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      if (!isObject(item)) return;
      if (seen.has(item[field])) this.fail(`${path}[${i}].${field}`, `duplicate ${field} "${String(item[field])}"`);
      seen.add(item[field]);
    });
  }

  array(obj: Json, field: string): unknown[] {
    const value = obj[field];
    if (Array.isArray(value)) return value;
    this.fail(field, 'must be a list');
    return [];
  }
}

function checkPlanItem(c: Checker, item: unknown, path: string, duration: number | null): void {
  if (!isObject(item)) return c.fail(path, 'must be an object');
  c.text(item, 'key', path);
  c.month(item, path, duration);
  if (!oneOf(SESSION_KINDS, item['kind']))
    c.fail(
      `${path}.kind`,
      `unknown session kind "${String(item['kind'])}"; expected one of ${SESSION_KINDS.join(', ')}`,
    );
  c.text(item, 'title', path);
  c.text(item, 'purpose', path);
  c.list(item, 'participants', path, PARTICIPANT_ROLES);
  c.duration(item, path);
  c.mode(item, path);
  c.list(item, 'tracks', path, TRACKS);
  if (typeof item['sharedByCohort'] !== 'boolean') c.fail(`${path}.sharedByCohort`, 'must be true or false');
  if (item['openTo'] !== undefined) {
    c.list(item, 'openTo', path, WIDER_WORKFORCE_ROLES);
    if (item['sharedByCohort'] === false)
      c.fail(`${path}.openTo`, 'only a session shared by the cohort is open to the wider workforce');
  }
}

function checkExpectation(c: Checker, item: unknown, path: string): void {
  if (!isObject(item)) return c.fail(path, 'must be an object');
  c.text(item, 'key', path);
  c.text(item, 'title', path);
  if (!oneOf(PARTIES, item['party']))
    c.fail(`${path}.party`, `unknown party "${String(item['party'])}"; expected one of ${PARTIES.join(', ')}`);
  if (item['tracks'] !== undefined) c.list(item, 'tracks', path, TRACKS);
  const measure = item['measure'];
  const at = `${path}.measure`;
  if (!isObject(measure)) return c.fail(at, 'must be an object with a type');
  switch (measure['type']) {
    case 'session_count':
      c.list(measure, 'kinds', at, SESSION_KINDS);
      c.wholeNumber(measure, 'target', at, 0);
      break;
    case 'attendance':
      c.list(measure, 'kinds', at, SESSION_KINDS);
      break;
    case 'weekly_release':
      c.number(measure, 'minHours', at, 0, 168);
      c.number(measure, 'maxHours', at, 0, 168);
      if (
        typeof measure['minHours'] === 'number' &&
        typeof measure['maxHours'] === 'number' &&
        measure['minHours'] > measure['maxHours']
      ) {
        c.fail(at, 'minHours must not exceed maxHours');
      }
      break;
    case 'total_release':
      c.number(measure, 'maxDays', at, 0);
      c.number(measure, 'hoursPerDay', at, 0.25, 24);
      break;
    case 'competencies':
    case 'training':
    case 'survey':
    case 'attestation':
    case 'duties':
      break;
    default:
      c.fail(`${at}.type`, `unknown measure "${String(measure['type'])}"`);
  }
}

function checkDuty(c: Checker, item: unknown, path: string): void {
  if (!isObject(item)) return c.fail(path, 'must be an object');
  c.text(item, 'key', path);
  c.text(item, 'title', path);
  if (item['party'] !== 'pcn' && item['party'] !== 'alliance')
    c.fail(`${path}.party`, `unknown party "${String(item['party'])}"; expected one of pcn, alliance`);
  const from = item['attestableFrom'];
  if (from === undefined) return;
  const at = `${path}.attestableFrom`;
  if (!isObject(from)) return c.fail(at, 'must be an object with a type');
  switch (from['type']) {
    case 'after_programme_month':
      c.wholeNumber(from, 'month', at, 1, MAX_MONTHS);
      break;
    case 'months_into_employment':
      c.wholeNumber(from, 'months', at, 0, 120);
      break;
    case 'appraisal':
      c.wholeNumber(from, 'monthsIntoEmployment', at, 0, 120);
      break;
    default:
      c.fail(
        `${at}.type`,
        `unknown "${String(from['type'])}"; expected after_programme_month, months_into_employment or appraisal`,
      );
  }
}

/** Ids of statements, questions and measures name columns in exports and answers in stored responses. */
const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_ITEM_TEXT = 500;

function checkItemId(c: Checker, item: Json, path: string): void {
  const id = item['id'];
  if (typeof id !== 'string' || !ITEM_ID.test(id))
    c.fail(`${path}.id`, 'must be lower-case letters, digits and hyphens, starting with a letter or digit');
}

function checkLongText(c: Checker, item: Json, field: string, path: string): void {
  c.text(item, field, path);
  const value = item[field];
  if (typeof value === 'string' && value.length > MAX_ITEM_TEXT)
    c.fail(`${path}.${field}`, `must be at most ${MAX_ITEM_TEXT} characters`);
}

/** The survey and the outcome measures; absent in versions stored before they existed, which is allowed. */
function checkEvaluation(c: Checker, input: Json): void {
  if (input['evaluation'] !== undefined) {
    const evaluation = input['evaluation'];
    if (!isObject(evaluation)) c.fail('evaluation', 'must be an object with statements and questions');
    else
      for (const field of ['statements', 'questions'] as const) {
        const items = evaluation[field];
        if (!Array.isArray(items)) {
          c.fail(`evaluation.${field}`, 'must be a list');
          continue;
        }
        items.forEach((item, i) => {
          const path = `evaluation.${field}[${i}]`;
          if (!isObject(item)) return c.fail(path, 'must be an object');
          checkItemId(c, item, path);
          checkLongText(c, item, 'text', path);
          c.list(item, 'respondents', path, SURVEY_RESPONDENTS);
        });
        c.uniqueKeys(items, 'id', `evaluation.${field}`);
      }
  }
  if (input['outcomeMeasures'] !== undefined) {
    const measures = input['outcomeMeasures'];
    if (!Array.isArray(measures)) return c.fail('outcomeMeasures', 'must be a list');
    measures.forEach((item, i) => {
      const path = `outcomeMeasures[${i}]`;
      if (!isObject(item)) return c.fail(path, 'must be an object');
      checkItemId(c, item, path);
      checkLongText(c, item, 'label', path);
      checkLongText(c, item, 'unit', path);
    });
    c.uniqueKeys(measures, 'id', 'outcomeMeasures');
  }
}

/**
 * A stored template with the parts later versions added filled in: versions saved before the evaluation survey
 * and the outcome measures existed read with the defaults (the stored JSON is never rewritten).
 */
export function withTemplateDefaults<T extends Omit<ProgrammeTemplate, 'evaluation' | 'outcomeMeasures'>>(
  template: T & Partial<Pick<ProgrammeTemplate, 'evaluation' | 'outcomeMeasures'>>,
): T & ProgrammeTemplate {
  // Copies, so that no caller can change the shared defaults; plain JSON data, so a JSON round trip copies it (the
  // library is built without DOM or Node typings, where structuredClone lives).
  const copy = <V>(value: V): V => JSON.parse(JSON.stringify(value)) as V;
  return {
    ...template,
    evaluation: template.evaluation ?? copy(DEFAULT_EVALUATION),
    outcomeMeasures: template.outcomeMeasures ?? copy(DEFAULT_OUTCOME_MEASURES),
  };
}

/**
 * Checks a template received as data (an administrator's upload or a stored version). Errors reject it;
 * warnings are for a person to read and decide, such as a plan that delivers fewer sessions than promised.
 */
export function validateTemplate(input: unknown): TemplateValidation {
  const c = new Checker();
  if (!isObject(input))
    return { valid: false, errors: [{ path: '', message: 'the template must be an object' }], warnings: [] };
  c.text(input, 'key', '');
  c.text(input, 'name', '');
  c.wholeNumber(input, 'version', '', 1);
  c.wholeNumber(input, 'durationMonths', '', 1, MAX_MONTHS);
  c.wholeNumber(input, 'supervisionEligibilityMonths', '', 0, MAX_MONTHS);
  if (input['supervisionEligibilityMonthsAfter'] !== undefined)
    c.wholeNumber(input, 'supervisionEligibilityMonthsAfter', '', 0, MAX_MONTHS);
  if (input['handoverPlanMonths'] !== undefined) c.wholeNumber(input, 'handoverPlanMonths', '', 1, MAX_MONTHS);
  const duration =
    typeof input['durationMonths'] === 'number' && Number.isInteger(input['durationMonths'])
      ? input['durationMonths']
      : null;

  const plan = c.array(input, 'plan');
  plan.forEach((item, i) => checkPlanItem(c, item, `plan[${i}]`, duration));
  c.uniqueKeys(plan, 'key', 'plan');

  const teaching = c.array(input, 'teaching');
  teaching.forEach((item, i) => {
    const path = `teaching[${i}]`;
    if (!isObject(item)) return c.fail(path, 'must be an object');
    c.month(item, path, duration);
    c.text(item, 'topic', path);
    c.duration(item, path);
    c.mode(item, path);
  });
  c.uniqueKeys(teaching, 'month', 'teaching');

  const courses = c.array(input, 'selfDirectedCourses');
  courses.forEach((item, i) => {
    if (!isObject(item)) return c.fail(`selfDirectedCourses[${i}]`, 'must be an object');
    c.text(item, 'key', `selfDirectedCourses[${i}]`);
    c.text(item, 'title', `selfDirectedCourses[${i}]`);
  });
  c.uniqueKeys(courses, 'key', 'selfDirectedCourses');

  const expectations = c.array(input, 'expectations');
  expectations.forEach((item, i) => checkExpectation(c, item, `expectations[${i}]`));
  c.uniqueKeys(expectations, 'key', 'expectations');
  if (input['duties'] !== undefined) {
    const duties = c.array(input, 'duties');
    duties.forEach((item, i) => checkDuty(c, item, `duties[${i}]`));
    c.uniqueKeys(duties, 'key', 'duties');
    // Attested duties and expectations share one store of attestations, keyed by key.
    const expectationKeys = new Set(expectations.map((e) => (isObject(e) ? e['key'] : undefined)));
    duties.forEach((d, i) => {
      if (isObject(d) && expectationKeys.has(d['key']))
        c.fail(`duties[${i}].key`, 'must differ from every expectation\u2019s key');
    });
  }
  checkEvaluation(c, input);

  if (c.errors.length > 0) return { valid: false, errors: c.errors, warnings: [] };
  const template = withTemplateDefaults(input as unknown as ProgrammeTemplate);
  return { valid: true, template, errors: [], warnings: templateWarnings(template) };
}

/**
 * How many plan items of these kinds one supervision-track CCC has (the fuller of the two tracks).
 * Group teaching is not in `plan` but in `template.teaching`; templateWarnings counts both.
 */
export function plannedCount(plan: PlanItem[], kinds: SessionKind[]): number {
  return plan.filter((item) => kinds.includes(item.kind) && item.tracks.includes('supervision')).length;
}

function kindsLabel(kinds: SessionKind[], count: number): string {
  return kinds.map((kind) => KIND_LABELS[kind][count === 1 ? 0 : 1]).join(' or ');
}

function countWarning(expectation: Expectation, planned: number, target: number, kinds: SessionKind[]): string {
  // Below the target: the same words the expectation shows with its "target not in the plan" state.
  if (planned < target) return planCountWarning(expectation, planned, target);
  const party = PARTY_LABELS[expectation.party];
  return `The plan holds ${planned} ${kindsLabel(kinds, planned)} but the ${party} expects ${target} (\u201c${expectation.title}\u201d).`;
}

export function templateWarnings(template: ProgrammeTemplate): string[] {
  const warnings: string[] = [];
  for (const expectation of template.expectations) {
    const { measure } = expectation;
    if (measure.type !== 'session_count') continue;
    // Everything a CCC of each track it applies to is planned to have, group teaching included; one warning for
    // each different count (the fuller supervision track first).
    const counts = new Set(
      TRACKS.filter((track) => expectationApplies(template, track, expectation)).map((track) =>
        plannedSessionCount(template, track, measure.kinds),
      ),
    );
    for (const planned of counts)
      if (planned !== measure.target) warnings.push(countWarning(expectation, planned, measure.target, measure.kinds));
  }
  for (let month = 1; month <= template.durationMonths; month++) {
    const hasItems =
      template.plan.some((item) => item.month === month) || template.teaching.some((t) => t.month === month);
    if (!hasItems) warnings.push(`Month ${month} has no sessions and no teaching.`);
  }
  const evaluation = template.evaluation ?? DEFAULT_EVALUATION;
  for (const [respondent, label] of [
    ['ccc', 'CCCs'],
    ['pcn_supervisor', 'PCN supervisors'],
  ] as const) {
    const asks = [...evaluation.statements, ...evaluation.questions].some((item) =>
      item.respondents.includes(respondent),
    );
    if (!asks) warnings.push(`The evaluation survey asks ${label} nothing.`);
  }
  if ((template.outcomeMeasures ?? DEFAULT_OUTCOME_MEASURES).length === 0)
    warnings.push('The template has no outcome measures: CCCs will have no monthly counts to record.');
  return warnings;
}
