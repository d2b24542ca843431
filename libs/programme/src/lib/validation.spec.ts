import { DEFAULT_TEMPLATE } from './default-template';
import { type ProgrammeTemplate, WIDER_WORKFORCE_ROLES } from './template';
import {
  type TemplateError,
  type TemplateValidation,
  plannedCount,
  templateWarnings,
  validateTemplate,
  withTemplateDefaults,
} from './validation';

/** A fresh, deep copy of the default template, to break. */
function copy(): ProgrammeTemplate {
  return structuredClone(DEFAULT_TEMPLATE);
}

/** The same copy as loose data, for faults the type system would not allow. */
function loose(): Record<string, unknown> & {
  plan: Record<string, unknown>[];
  expectations: Record<string, unknown>[];
} {
  return structuredClone(DEFAULT_TEMPLATE) as never;
}

function errorsOf(result: TemplateValidation): TemplateError[] {
  if (result.valid) throw new Error('expected the template to be rejected');
  return result.errors;
}

function pathsOf(result: TemplateValidation): string[] {
  return errorsOf(result).map((e) => e.path);
}

const GROUP_WARNING =
  'The plan holds 5 group sessions but the Alliance expects 6 (\u201cProvide 6 group supervision sessions\u201d).';
const TNA_WARNING =
  'The plan holds 1 TNA but the Alliance expects 2 (\u201cProvide 2 training needs analysis sessions\u201d).';

describe('validating the default Wessex template', () => {
  const result = validateTemplate(DEFAULT_TEMPLATE);

  it('is valid and hands the template back', () => {
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    if (result.valid) expect(result.template).toEqual(DEFAULT_TEMPLATE);
  });

  it("warns of exactly the seed's two mismatches: 5 group sessions planned against 6, 1 TNA against 2", () => {
    expect(result.warnings).toEqual([GROUP_WARNING, TNA_WARNING]);
  });

  it('survives a JSON round trip, as an uploaded file would arrive', () => {
    const uploaded: unknown = JSON.parse(JSON.stringify(DEFAULT_TEMPLATE));
    expect(validateTemplate(uploaded)).toEqual({
      valid: true,
      template: DEFAULT_TEMPLATE,
      errors: [],
      warnings: [GROUP_WARNING, TNA_WARNING],
    });
  });
});

describe('template warnings', () => {
  it('disappear when the plan is brought in line with the expectations', () => {
    const template = copy();
    const alliance = template.expectations.filter((e) => e.party === 'alliance');
    for (const e of alliance) {
      if (e.measure.type === 'session_count' && e.key === 'alliance-group') e.measure.target = 5;
      if (e.measure.type === 'session_count' && e.key === 'alliance-tna') e.measure.target = 1;
    }
    expect(validateTemplate(template)).toMatchObject({ valid: true, warnings: [] });
  });

  it('report a plan that holds more sessions than expected, too', () => {
    const template = copy();
    const individual = template.expectations.find((e) => e.key === 'alliance-individual');
    if (individual?.measure.type === 'session_count') individual.measure.target = 4;
    expect(templateWarnings(template)).toContain(
      'The plan holds 6 individual sessions but the Alliance expects 4 (\u201cProvide 6 individual supervision sessions\u201d).',
    );
  });

  it('report a PCN joint-session shortfall when the month 3 review is removed', () => {
    const template = copy();
    template.plan = template.plan.filter((item) => item.key !== 'm3-joint');
    expect(templateWarnings(template)).toContain(
      'The plan holds 2 joint sessions or handover interviews but the PCN expects 3 (\u201cAttend 3 joint sessions to set and review the role\u201d).',
    );
  });

  it('report a month with no sessions and no teaching', () => {
    const template = copy();
    template.plan = template.plan.filter((item) => item.month !== 6);
    expect(templateWarnings(template)).toContain('Month 6 has no sessions and no teaching.');
  });

  it('count group teaching from the teaching list when an expectation counts teaching sessions', () => {
    const template = copy();
    template.expectations.push({
      key: 'alliance-teaching',
      party: 'alliance',
      title: 'Provide 5 group teaching sessions',
      measure: { type: 'session_count', kinds: ['teaching'], target: 5 },
    });
    expect(validateTemplate(template).warnings).toEqual([GROUP_WARNING, TNA_WARNING]);

    template.teaching.pop();
    expect(validateTemplate(template).warnings).toContain(
      'The plan holds 4 group teaching sessions but the Alliance expects 5 (\u201cProvide 5 group teaching sessions\u201d).',
    );
  });

  it('count only what a supervision-track CCC is planned to have', () => {
    expect(plannedCount(DEFAULT_TEMPLATE.plan, ['individual'])).toBe(6);
    expect(plannedCount(DEFAULT_TEMPLATE.plan, ['joint', 'handover'])).toBe(3);
    expect(plannedCount(DEFAULT_TEMPLATE.plan, ['group'])).toBe(5);
    const trainingOnly = copy().plan.map((item) => ({ ...item, tracks: ['training' as const] }));
    expect(plannedCount(trainingOnly, ['individual'])).toBe(0);
  });
});

describe('rejecting a broken template, with the path of each fault', () => {
  it.each([
    ['null', null],
    ['an array', [DEFAULT_TEMPLATE]],
    ['a text', 'wessex'],
    ['a number', 6],
    ['undefined', undefined],
  ])('refuses %s: the template must be an object', (_label, input) => {
    expect(validateTemplate(input)).toEqual({
      valid: false,
      errors: [{ path: '', message: 'the template must be an object' }],
      warnings: [],
    });
  });

  it('refuses a plan item in a month outside the programme, at plan[3].month', () => {
    const template = copy();
    (template.plan[3] as { month: number }).month = 7;
    expect(errorsOf(validateTemplate(template))).toEqual([
      { path: 'plan[3].month', message: "month 7 is outside the programme's 6 months" },
    ]);
  });

  it.each([0, -1, 2.5, '3'])('refuses the plan month %p', (month) => {
    const template = loose();
    (template.plan[3] as Record<string, unknown>)['month'] = month;
    expect(pathsOf(validateTemplate(template))).toEqual(['plan[3].month']);
  });

  it('refuses a teaching topic in a month outside the programme', () => {
    const template = copy();
    (template.teaching[4] as { month: number }).month = 9;
    expect(pathsOf(validateTemplate(template))).toEqual(['teaching[4].month']);
  });

  it('checks months against a shorter duration', () => {
    const template = copy();
    template.durationMonths = 5;
    // m6-individual, m6-conference and m6-handover are the last three plan items.
    expect(pathsOf(validateTemplate(template))).toEqual(['plan[13].month', 'plan[14].month', 'plan[15].month']);
  });

  it('refuses an unknown session kind, naming it', () => {
    const template = loose();
    (template.plan[0] as Record<string, unknown>)['kind'] = 'webinar';
    const errors = errorsOf(validateTemplate(template));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('plan[0].kind');
    expect(errors[0]?.message).toContain('"webinar"');
  });

  it('refuses unknown participants, tracks and measure kinds, at their list index', () => {
    const template = loose();
    (template.plan[1] as Record<string, unknown>)['participants'] = ['ccc', 'gp'];
    (template.plan[2] as Record<string, unknown>)['tracks'] = [];
    const attend = template.expectations[0] as { measure: { kinds: string[] } };
    attend.measure.kinds = ['individual', 'lunch'];
    expect(pathsOf(validateTemplate(template))).toEqual([
      'plan[1].participants[1]',
      'plan[2].tracks',
      'expectations[0].measure.kinds[1]',
    ]);
  });

  it('refuses a negative session target', () => {
    const template = copy();
    const index = template.expectations.findIndex((e) => e.key === 'alliance-group');
    const group = template.expectations[index];
    if (group?.measure.type === 'session_count') group.measure.target = -1;
    expect(errorsOf(validateTemplate(template))).toEqual([
      { path: `expectations[${index}].measure.target`, message: 'must not be negative' },
    ]);
  });

  it('refuses negative release hours and days', () => {
    const template = copy();
    const weekly = template.expectations.findIndex((e) => e.key === 'pcn-weekly-release');
    const total = template.expectations.findIndex((e) => e.key === 'pcn-total-release');
    const w = template.expectations[weekly]?.measure;
    const t = template.expectations[total]?.measure;
    if (w?.type === 'weekly_release') w.minHours = -1;
    if (t?.type === 'total_release') t.maxDays = -5;
    expect(pathsOf(validateTemplate(template))).toEqual([
      `expectations[${weekly}].measure.minHours`,
      `expectations[${total}].measure.maxDays`,
    ]);
  });

  it('refuses weekly release with more minimum than maximum hours', () => {
    const template = copy();
    const weekly = template.expectations.findIndex((e) => e.key === 'pcn-weekly-release');
    const w = template.expectations[weekly]?.measure;
    if (w?.type === 'weekly_release') w.minHours = 3;
    expect(errorsOf(validateTemplate(template))).toEqual([
      { path: `expectations[${weekly}].measure`, message: 'minHours must not exceed maxHours' },
    ]);
  });

  it('refuses a duration whose minimum exceeds its maximum', () => {
    const template = copy();
    (template.plan[1] as { durationMinutes: { min: number; max: number } }).durationMinutes = { min: 90, max: 60 };
    expect(errorsOf(validateTemplate(template))).toEqual([
      { path: 'plan[1].durationMinutes', message: 'min must not exceed max' },
    ]);
  });

  it('refuses a zero or missing duration', () => {
    const template = loose();
    (template.plan[0] as Record<string, unknown>)['durationMinutes'] = { min: 0, max: 60 };
    delete (template.plan[1] as Record<string, unknown>)['durationMinutes'];
    expect(pathsOf(validateTemplate(template))).toEqual(['plan[0].durationMinutes.min', 'plan[1].durationMinutes']);
  });

  it('refuses a duty of an unknown party, an unknown "from", and a duty key an expectation uses', () => {
    const template = copy();
    const duties = template.duties as unknown as Record<string, unknown>[];
    duties[0]!['party'] = 'ccc';
    duties[4]!['attestableFrom'] = { type: 'someday' };
    duties[1]!['key'] = 'pcn-table-2';
    expect(pathsOf(validateTemplate(template))).toEqual([
      'duties[0].party',
      'duties[4].attestableFrom.type',
      'duties[1].key',
    ]);
  });

  it('refuses duplicate plan keys, at the second one', () => {
    const template = copy();
    (template.plan[5] as { key: string }).key = 'm1-individual';
    expect(errorsOf(validateTemplate(template))).toEqual([
      { path: 'plan[5].key', message: 'duplicate key "m1-individual"' },
    ]);
  });

  it('refuses two teaching topics in one month, duplicate course keys and duplicate expectation keys', () => {
    const template = copy();
    (template.teaching[1] as { month: number }).month = 1;
    (template.selfDirectedCourses[3] as { key: string }).key = 'elfh-accend';
    (template.expectations[2] as { key: string }).key = 'ccc-competencies';
    expect(pathsOf(validateTemplate(template))).toEqual([
      'teaching[1].month',
      'selfDirectedCourses[3].key',
      'expectations[2].key',
    ]);
  });

  it.each([
    'key',
    'name',
    'version',
    'durationMonths',
    'supervisionEligibilityMonths',
    'plan',
    'teaching',
    'selfDirectedCourses',
    'expectations',
  ])('refuses a template without its %s', (field) => {
    const template = loose();
    delete template[field];
    expect(pathsOf(validateTemplate(template))).toContain(field);
  });

  it('refuses a template without a duration, without inventing month errors', () => {
    const template = loose();
    delete template['durationMonths'];
    expect(pathsOf(validateTemplate(template))).toEqual(['durationMonths']);
  });

  it.each([
    'key',
    'month',
    'kind',
    'title',
    'purpose',
    'participants',
    'durationMinutes',
    'mode',
    'tracks',
    'sharedByCohort',
  ])('refuses a plan item without its %s, at plan[2].%s', (field) => {
    const template = loose();
    delete (template.plan[2] as Record<string, unknown>)[field];
    expect(pathsOf(validateTemplate(template))).toEqual([`plan[2].${field}`]);
  });

  it('refuses blank texts', () => {
    const template = loose();
    template['name'] = '   ';
    (template.plan[0] as Record<string, unknown>)['title'] = '';
    expect(pathsOf(validateTemplate(template))).toEqual(['name', 'plan[0].title']);
  });

  it('refuses bad top-level numbers', () => {
    const template = loose();
    template['version'] = 0;
    template['durationMonths'] = 37;
    template['supervisionEligibilityMonths'] = -1;
    expect(errorsOf(validateTemplate(template))).toEqual([
      { path: 'version', message: 'must be at least 1' },
      { path: 'durationMonths', message: 'must be at most 36' },
      { path: 'supervisionEligibilityMonths', message: 'must not be negative' },
    ]);
  });

  it('takes the supervision window after the start as optional template data, refusing a negative one', () => {
    const without = loose();
    delete without['supervisionEligibilityMonthsAfter'];
    expect(validateTemplate(without).valid).toBe(true);
    const negative = loose();
    negative['supervisionEligibilityMonthsAfter'] = -1;
    expect(errorsOf(validateTemplate(negative))).toEqual([
      { path: 'supervisionEligibilityMonthsAfter', message: 'must not be negative' },
    ]);
  });

  it('refuses an expectation with an unknown party or measure', () => {
    const template = loose();
    (template.expectations[0] as Record<string, unknown>)['party'] = 'ics';
    (template.expectations[1] as Record<string, unknown>)['measure'] = { type: 'vibes' };
    (template.expectations[2] as Record<string, unknown>)['measure'] = 'training';
    expect(pathsOf(validateTemplate(template))).toEqual([
      'expectations[0].party',
      'expectations[1].measure.type',
      'expectations[2].measure',
    ]);
  });

  it('takes the tracks an expectation applies to as optional template data, refusing unknown or empty ones', () => {
    const template = loose();
    (template.expectations[0] as Record<string, unknown>)['tracks'] = ['apprentice'];
    (template.expectations[1] as Record<string, unknown>)['tracks'] = [];
    delete (template.expectations[2] as Record<string, unknown>)['tracks'];
    expect(pathsOf(validateTemplate(template))).toEqual(['expectations[0].tracks[0]', 'expectations[1].tracks']);
  });

  it('warns of a target against the plan of each track it applies to, once per different count', () => {
    const template = copy();
    template.expectations.find((x) => x.key === 'alliance-individual')!.tracks = ['supervision', 'training'];
    expect(templateWarnings(template)).toContain(
      'The plan holds 0 individual sessions but the Alliance expects 6 (\u201cProvide 6 individual supervision sessions\u201d).',
    );
    expect(templateWarnings(template).filter((w) => w.includes('1 TNA'))).toHaveLength(1);
  });

  it('refuses list entries that are not objects', () => {
    const template = loose();
    template.plan.push(42 as never);
    (template['teaching'] as unknown[]).push('month 6');
    (template['selfDirectedCourses'] as unknown[]).push(null);
    template.expectations.push([] as never);
    expect(pathsOf(validateTemplate(template))).toEqual([
      'plan[16]',
      'teaching[5]',
      'selfDirectedCourses[4]',
      'expectations[18]',
    ]);
  });

  it('collects every fault in one pass and gives no warnings for a rejected template', () => {
    const template = loose();
    (template.plan[3] as Record<string, unknown>)['month'] = 8;
    (template.plan[4] as Record<string, unknown>)['kind'] = 'webinar';
    (template.plan[5] as Record<string, unknown>)['mode'] = 'hybrid';
    const result = validateTemplate(template);
    expect(pathsOf(result)).toEqual(['plan[3].month', 'plan[4].kind', 'plan[5].mode']);
    expect(result.warnings).toEqual([]);
  });

  it('does not change the template it checks', () => {
    const template = copy();
    validateTemplate(template);
    expect(template).toEqual(DEFAULT_TEMPLATE);
  });
});

describe('the evaluation survey and outcome measures in a template', () => {
  it('accepts a version stored before they existed, and reads it with the defaults', () => {
    const old = loose();
    delete old['evaluation'];
    delete old['outcomeMeasures'];
    const result = validateTemplate(old);
    expect(result.valid).toBe(true);
    if (result.valid) {
      expect(result.template.evaluation).toEqual(DEFAULT_TEMPLATE.evaluation);
      expect(result.template.outcomeMeasures).toEqual(DEFAULT_TEMPLATE.outcomeMeasures);
    }
    expect(withTemplateDefaults(old as never)).toEqual(DEFAULT_TEMPLATE);
  });

  it('keeps an Alliance\u2019s own survey and measures, an empty list included', () => {
    const template = copy();
    template.outcomeMeasures = [];
    expect(withTemplateDefaults(template).outcomeMeasures).toEqual([]);
    expect(validateTemplate(template).warnings).toContain(
      'The template has no outcome measures: CCCs will have no monthly counts to record.',
    );
  });

  it('refuses statements, questions and measures without an id, text or known respondents, and duplicates', () => {
    const template = loose();
    template['evaluation'] = {
      statements: [
        { id: 'Bad Id', text: 'x', respondents: ['ccc'] },
        { id: 'ok', text: '', respondents: ['patient'] },
        { id: 'ok', text: 'y', respondents: [] },
      ],
      questions: 'none',
    };
    template['outcomeMeasures'] = [{ id: 'ccr', label: 'CCRs' }, 'x'];
    expect(pathsOf(validateTemplate(template))).toEqual([
      'evaluation.statements[0].id',
      'evaluation.statements[1].text',
      'evaluation.statements[1].respondents[0]',
      'evaluation.statements[2].respondents',
      'evaluation.statements[2].id',
      'evaluation.questions',
      'outcomeMeasures[0].unit',
      'outcomeMeasures[1]',
    ]);
  });

  it('warns when the survey asks one kind of respondent nothing', () => {
    const template = copy();
    template.evaluation = {
      statements: template.evaluation.statements.filter((s) => !s.respondents.includes('pcn_supervisor')),
      questions: template.evaluation.questions.filter((q) => !q.respondents.includes('pcn_supervisor')),
    };
    expect(validateTemplate(template).warnings).toContain('The evaluation survey asks PCN supervisors nothing.');
  });
});

describe('a plan item open to the wider workforce', () => {
  const withConference = (change: Record<string, unknown>) => ({
    ...DEFAULT_TEMPLATE,
    plan: DEFAULT_TEMPLATE.plan.map((item) => (item.key === 'm6-conference' ? { ...item, ...change } : item)),
  });
  const at = DEFAULT_TEMPLATE.plan.findIndex((item) => item.key === 'm6-conference');

  it('is the Wessex conference, open to the five roles of the support workforce', () => {
    expect(DEFAULT_TEMPLATE.plan[at]!.openTo).toEqual([...WIDER_WORKFORCE_ROLES]);
    expect(validateTemplate(DEFAULT_TEMPLATE).errors).toEqual([]);
  });

  it('names an unknown role, an empty list, and a session not shared by the cohort', () => {
    expect(validateTemplate(withConference({ openTo: ['porter'] })).errors).toEqual([
      expect.objectContaining({ path: `plan[${at}].openTo[0]` }),
    ]);
    expect(validateTemplate(withConference({ openTo: [] })).errors).toEqual([
      expect.objectContaining({ path: `plan[${at}].openTo` }),
    ]);
    expect(validateTemplate(withConference({ sharedByCohort: false })).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: `plan[${at}].openTo` })]),
    );
  });
});
