import type { SessionKind } from './template';

/**
 * A competency framework is data, like the programme template: an Alliance loads its own (ACCEND or another)
 * without a code change. Progress, evidence, sign-offs, TNA ratings and training plan items refer to a
 * competency by its `code`, which is what keeps them attached when a new version of the framework is loaded.
 */

export interface ProficiencyLevel {
  /** 1, 2, 3, ... in order: a rating is one of these values. */
  value: number;
  label: string;
  description: string;
}

export interface Competency {
  /** Stable across versions of the framework, e.g. `SN-02`. */
  code: string;
  title: string;
  description: string;
  /** What good evidence for this competency looks like, shown to the CCC and the reviewer. */
  evidenceGuidance: string;
}

export interface CompetencyDomain {
  key: string;
  title: string;
  description: string;
  competencies: Competency[];
}

export interface CompetencyFramework {
  key: string;
  name: string;
  version: number;
  scale: ProficiencyLevel[];
  domains: CompetencyDomain[];
}

export interface FrameworkProblem {
  /** Where in the framework, e.g. `domains[2].competencies[0].code`. */
  path: string;
  reason: string;
}

export type FrameworkValidation =
  { valid: true; framework: CompetencyFramework; problems: [] } | { valid: false; problems: FrameworkProblem[] };

export const FRAMEWORK_KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const COMPETENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const DOMAIN_KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const MAX_TITLE = 200;
export const MAX_TEXT = 4000;
export const MAX_COMPETENCIES = 500;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a framework as it arrives from a file or a request, collecting every fault (not only the first), and
 * returns it trimmed and typed. Codes are unique across the whole framework, not only within a domain.
 */
export function validateFramework(input: unknown): FrameworkValidation {
  const problems: FrameworkProblem[] = [];
  const fail = (path: string, reason: string) => problems.push({ path, reason });
  const text = (obj: Json, field: string, path: string, max: number, required = true): string => {
    const value = obj[field];
    if (value === undefined && !required) return '';
    if (typeof value !== 'string' || (required && value.trim() === '')) {
      fail(path, 'must be a non-empty text');
      return '';
    }
    if (value.trim().length > max) fail(path, `must be at most ${max} characters`);
    return value.trim();
  };
  if (!isObject(input)) return { valid: false, problems: [{ path: '', reason: 'must be an object' }] };

  const key = text(input, 'key', 'key', 63);
  if (key && !FRAMEWORK_KEY.test(key)) fail('key', 'must be lower-case letters, digits and hyphens');
  const name = text(input, 'name', 'name', MAX_TITLE);
  const version = input['version'];
  if (!Number.isInteger(version) || (version as number) < 1) fail('version', 'must be a whole number from 1');

  const scale: ProficiencyLevel[] = [];
  if (!Array.isArray(input['scale']) || input['scale'].length < 2 || input['scale'].length > 10) {
    fail('scale', 'must list between 2 and 10 proficiency levels');
  } else {
    input['scale'].forEach((level: unknown, i) => {
      const path = `scale[${i}]`;
      if (!isObject(level)) return fail(path, 'must be an object');
      if (level['value'] !== i + 1)
        fail(`${path}.value`, `must be ${i + 1}: levels are numbered 1, 2, 3, ... in order`);
      const label = text(level, 'label', `${path}.label`, 60);
      const description = text(level, 'description', `${path}.description`, MAX_TEXT, false);
      // The CSV form writes the scale in one cell as `label: description | label: description`.
      if (/[:|]/.test(label)) fail(`${path}.label`, 'must not contain ":" or "|"');
      if (description.includes('|')) fail(`${path}.description`, 'must not contain "|"');
      scale.push({ value: i + 1, label, description });
    });
    const labels = scale.map((l) => l.label.toLowerCase()).filter(Boolean);
    if (new Set(labels).size !== labels.length) fail('scale', 'level labels must differ');
  }

  const domains: CompetencyDomain[] = [];
  const domainKeys = new Set<string>();
  const codes = new Map<string, string>();
  let count = 0;
  if (!Array.isArray(input['domains']) || input['domains'].length === 0) {
    fail('domains', 'must list at least one domain');
  } else {
    input['domains'].forEach((domain: unknown, d) => {
      const path = `domains[${d}]`;
      if (!isObject(domain)) return fail(path, 'must be an object');
      const domainKey = text(domain, 'key', `${path}.key`, 63);
      if (domainKey && !DOMAIN_KEY.test(domainKey))
        fail(`${path}.key`, 'must be lower-case letters, digits and hyphens');
      if (domainKey && domainKeys.has(domainKey)) fail(`${path}.key`, `${domainKey} is used by another domain`);
      domainKeys.add(domainKey);
      const competencies: Competency[] = [];
      if (!Array.isArray(domain['competencies']) || domain['competencies'].length === 0) {
        fail(`${path}.competencies`, 'must list at least one competency');
      } else {
        domain['competencies'].forEach((competency: unknown, c) => {
          const cpath = `${path}.competencies[${c}]`;
          if (!isObject(competency)) return fail(cpath, 'must be an object');
          count++;
          const code = text(competency, 'code', `${cpath}.code`, 32);
          if (code && !COMPETENCY_CODE.test(code))
            fail(
              `${cpath}.code`,
              'must be letters, digits, dots, hyphens or underscores, starting with a letter or digit',
            );
          const clash = codes.get(code.toUpperCase());
          if (code && clash) fail(`${cpath}.code`, `${code} is used twice (also at ${clash})`);
          codes.set(code.toUpperCase(), `${cpath}.code`);
          competencies.push({
            code,
            title: text(competency, 'title', `${cpath}.title`, MAX_TITLE),
            description: text(competency, 'description', `${cpath}.description`, MAX_TEXT),
            evidenceGuidance: text(competency, 'evidenceGuidance', `${cpath}.evidenceGuidance`, MAX_TEXT),
          });
        });
      }
      domains.push({
        key: domainKey,
        title: text(domain, 'title', `${path}.title`, MAX_TITLE),
        description: text(domain, 'description', `${path}.description`, MAX_TEXT, false),
        competencies,
      });
    });
  }
  if (count > MAX_COMPETENCIES) fail('domains', `must hold at most ${MAX_COMPETENCIES} competencies`);
  if (problems.length > 0) return { valid: false, problems };
  return { valid: true, framework: { key, name, version: version as number, scale, domains }, problems: [] };
}

/** Every competency of a framework with its domain, in the framework's order. */
export function competenciesOf(framework: CompetencyFramework): (Competency & { domainKey: string })[] {
  return framework.domains.flatMap((d) => d.competencies.map((c) => ({ ...c, domainKey: d.key })));
}

export function findCompetency(
  framework: CompetencyFramework,
  code: string,
): { competency: Competency; domain: CompetencyDomain } | null {
  for (const domain of framework.domains) {
    const competency = domain.competencies.find((c) => c.code === code);
    if (competency) return { competency, domain };
  }
  return null;
}

export function isRatingOnScale(framework: CompetencyFramework, rating: unknown): rating is number {
  return typeof rating === 'number' && framework.scale.some((level) => level.value === rating);
}

/** Two frameworks say the same thing (the version number aside): importing one over the other changes nothing. */
export function sameFramework(a: CompetencyFramework, b: CompetencyFramework): boolean {
  return canonicalText(a) === canonicalText(b);
}

/** The framework's content in a fixed key order (a jsonb column hands keys back in its own order). */
function canonicalText(f: CompetencyFramework): string {
  return JSON.stringify([
    f.key,
    f.name,
    f.scale.map((l) => [l.value, l.label, l.description]),
    f.domains.map((d) => [
      d.key,
      d.title,
      d.description,
      d.competencies.map((c) => [c.code, c.title, c.description, c.evidenceGuidance]),
    ]),
  ]);
}

/** Codes of `before` that `after` no longer has: what an import would orphan. */
export function droppedCodes(before: CompetencyFramework, after: CompetencyFramework): string[] {
  const kept = new Set(competenciesOf(after).map((c) => c.code));
  return competenciesOf(before)
    .map((c) => c.code)
    .filter((code) => !kept.has(code));
}

/*
 * A competency's progress for one CCC:
 *
 *   not_started ──start──▶ working_towards ──submit_evidence──▶ evidence_submitted ──sign_off──▶ signed_off
 *        └──────────submit_evidence───────────────▲    │  ▲ (more evidence)              │
 *                       ▲                              │  └─┘                            │
 *                       └────return (with a comment)───┘                                 │
 *                       └────withdraw_sign_off (with a reason)───────────────────────────┘
 *
 * The CCC starts and submits; only their Alliance supervisor signs off, returns or withdraws.
 */
export const COMPETENCY_STATES = ['not_started', 'working_towards', 'evidence_submitted', 'signed_off'] as const;
export type CompetencyState = (typeof COMPETENCY_STATES)[number];

export const COMPETENCY_EVENTS = ['start', 'submit_evidence', 'sign_off', 'return', 'withdraw_sign_off'] as const;
export type CompetencyEvent = (typeof COMPETENCY_EVENTS)[number];

export type CompetencyActor = 'ccc' | 'supervisor';

export const COMPETENCY_EVENT_ACTOR: Record<CompetencyEvent, CompetencyActor> = {
  start: 'ccc',
  submit_evidence: 'ccc',
  sign_off: 'supervisor',
  return: 'supervisor',
  withdraw_sign_off: 'supervisor',
};

const TRANSITIONS: Record<CompetencyEvent, { from: readonly CompetencyState[]; to: CompetencyState }> = {
  start: { from: ['not_started'], to: 'working_towards' },
  submit_evidence: { from: ['not_started', 'working_towards', 'evidence_submitted'], to: 'evidence_submitted' },
  sign_off: { from: ['evidence_submitted'], to: 'signed_off' },
  return: { from: ['evidence_submitted'], to: 'working_towards' },
  withdraw_sign_off: { from: ['signed_off'], to: 'working_towards' },
};

const EVENT_LABELS: Record<CompetencyEvent, string> = {
  start: 'started',
  submit_evidence: 'given evidence',
  sign_off: 'signed off',
  return: 'returned',
  withdraw_sign_off: 'have its sign-off withdrawn',
};

const STATE_LABELS: Record<CompetencyState, string> = {
  not_started: 'not started',
  working_towards: 'being worked towards',
  evidence_submitted: 'waiting for review',
  signed_off: 'signed off',
};

export interface CompetencyTransitionInput {
  /** The reviewer's comment: required to return. */
  comment?: string | null;
  /** Why a sign-off is withdrawn: required. */
  reason?: string | null;
}

export type CompetencyTransition =
  { ok: true; to: CompetencyState } | { ok: false; reason: string; field?: 'comment' | 'reason' };

/** Whether `event` may happen to a competency in state `from`, and the state it leads to. */
export function competencyTransition(
  from: CompetencyState,
  event: CompetencyEvent,
  input: CompetencyTransitionInput = {},
): CompetencyTransition {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(from))
    return { ok: false, reason: `A competency ${STATE_LABELS[from]} cannot be ${EVENT_LABELS[event]}` };
  if (event === 'return' && !input.comment?.trim())
    return { ok: false, reason: 'Say what more is needed: a comment is required to return evidence', field: 'comment' };
  if (event === 'withdraw_sign_off' && !input.reason?.trim())
    return { ok: false, reason: 'A sign-off is withdrawn only with a reason', field: 'reason' };
  return { ok: true, to: rule.to };
}

/** What `actor` can do next with a competency in `state`. */
export function competencyActions(state: CompetencyState, actor: CompetencyActor | null): CompetencyEvent[] {
  if (!actor) return [];
  return COMPETENCY_EVENTS.filter(
    (event) => COMPETENCY_EVENT_ACTOR[event] === actor && TRANSITIONS[event].from.includes(state),
  );
}

/*
 * The training needs analysis: the CCC rates themself against each competency, the Alliance supervisor agrees a
 * rating and the needs, and both sign. A change after a signature clears the signatures (the other side has to
 * read it again); once both have signed the round is closed. Round 2 (the template's second TNA) reviews round 1.
 */
export const TNA_ROUNDS = [1, 2] as const;
export type TnaRound = (typeof TNA_ROUNDS)[number];

export interface TnaRatingFacts {
  code: string;
  selfRating: number | null;
  agreedRating: number | null;
}

export interface TnaFacts {
  round: number;
  cccSignedAt: string | null;
  supervisorSignedAt: string | null;
  ratings: TnaRatingFacts[];
}

export type TnaSide = 'ccc' | 'supervisor';

export function tnaSignedByBoth(tna: Pick<TnaFacts, 'cccSignedAt' | 'supervisorSignedAt'>): boolean {
  return !!tna.cccSignedAt && !!tna.supervisorSignedAt;
}

/** Why a side may not sign yet, or null: every competency needs the CCC's own rating and an agreed one. */
export function tnaSignBlocker(framework: CompetencyFramework, tna: TnaFacts, side: TnaSide): string | null {
  if (tnaSignedByBoth(tna)) return 'This TNA is already signed by both';
  if (side === 'ccc' ? tna.cccSignedAt : tna.supervisorSignedAt) return 'You have already signed this TNA';
  const byCode = new Map(tna.ratings.map((r) => [r.code, r]));
  const missingSelf = competenciesOf(framework).filter((c) => byCode.get(c.code)?.selfRating == null);
  const missingAgreed = competenciesOf(framework).filter((c) => byCode.get(c.code)?.agreedRating == null);
  const list = (cs: { code: string }[]) =>
    cs
      .slice(0, 5)
      .map((c) => c.code)
      .join(', ') + (cs.length > 5 ? ` and ${cs.length - 5} more` : '');
  if (missingSelf.length > 0) return `The CCC has not rated themself yet on ${list(missingSelf)}`;
  if (missingAgreed.length > 0) return `No rating is agreed yet for ${list(missingAgreed)}`;
  return null;
}

/** A round can be opened when it is the first, or when the one before it is signed by both. */
export function tnaRoundOpen(round: number, previous: TnaFacts | null): boolean {
  if (round === 1) return true;
  return previous !== null && tnaSignedByBoth(previous);
}

/*
 * The training plan: items drawn from the self-directed courses, the monthly group teaching and free items
 * (shadowing a practice nurse, say), each with a target month and the competencies it serves.
 */
export const TRAINING_ITEM_KINDS = ['course', 'group_teaching', 'free'] as const;
export type TrainingItemKind = (typeof TRAINING_ITEM_KINDS)[number];

/**
 * The training plan item that attending a session of this kind completes (for the month it is planned): the monthly
 * group teaching session completes the plan's group teaching item; no other session completes an item.
 */
export function trainingItemCompletedBy(kind: SessionKind): TrainingItemKind | null {
  return kind === 'teaching' ? 'group_teaching' : null;
}

export interface TrainingItemInput {
  kind: TrainingItemKind;
  title?: string | null;
  courseKey?: string | null;
  targetMonth: number;
  competencyCodes: string[];
}

export interface TrainingItemContext {
  durationMonths: number;
  courses: { key: string; title: string }[];
  teaching: { month: number; topic: string }[];
  framework: CompetencyFramework;
}

/**
 * Checks a plan item against the template and the framework, and fills the title a course or a month's teaching
 * already has. Returns the problems by field, or the item to store.
 */
export function checkTrainingItem(
  input: TrainingItemInput,
  context: TrainingItemContext,
):
  | {
      ok: true;
      item: {
        kind: TrainingItemKind;
        title: string;
        courseKey: string | null;
        targetMonth: number;
        competencyCodes: string[];
      };
    }
  | { ok: false; problems: { field: string; reason: string }[] } {
  const problems: { field: string; reason: string }[] = [];
  const month = input.targetMonth;
  if (!Number.isInteger(month) || month < 1 || month > context.durationMonths)
    problems.push({
      field: 'targetMonth',
      reason: `targetMonth must be a month of the programme, 1 to ${context.durationMonths}`,
    });
  let title = input.title?.trim() ?? '';
  let courseKey: string | null = null;
  if (input.kind === 'course') {
    const course = context.courses.find((c) => c.key === input.courseKey);
    if (!course)
      problems.push({
        field: 'courseKey',
        reason: `courseKey must be one of the programme's courses: ${context.courses.map((c) => c.key).join(', ')}`,
      });
    else {
      courseKey = course.key;
      title ||= course.title;
    }
  } else if (input.kind === 'group_teaching') {
    const topic = context.teaching.find((t) => t.month === month);
    if (!topic && problems.length === 0)
      problems.push({ field: 'targetMonth', reason: `the programme has no group teaching in month ${month}` });
    title ||= topic ? `Group teaching: ${topic.topic}` : '';
  } else if (!title) {
    problems.push({ field: 'title', reason: 'title must say what the item is' });
  }
  if (title.length > MAX_TITLE)
    problems.push({ field: 'title', reason: `title must be at most ${MAX_TITLE} characters` });
  const known = new Set(competenciesOf(context.framework).map((c) => c.code));
  const codes = [...new Set(input.competencyCodes)];
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0)
    problems.push({ field: 'competencyCodes', reason: `not competencies of the framework: ${unknown.join(', ')}` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, item: { kind: input.kind, title, courseKey, targetMonth: month, competencyCodes: codes } };
}
