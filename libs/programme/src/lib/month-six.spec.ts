import { DEFAULT_EVALUATION, DEFAULT_OUTCOME_MEASURES, DEFAULT_TEMPLATE } from './default-template';
import {
  agreementSummary,
  checkHandoverContent,
  checkOutcomeEntry,
  checkSurveyAnswers,
  FEWER_THAN_FIVE,
  type HandoverContent,
  handoverSignBlocker,
  type LikertLevel,
  signedByAll,
  surveyFor,
  surveyOpensOn,
} from './month-six';

describe('"% agreed or strongly agreed" with small numbers withheld', () => {
  it('shows "fewer than 5" for a statement with 4 answers, and withholds the count and the distribution', () => {
    expect(agreementSummary(['agree', 'agree', 'strongly_agree', 'disagree'])).toEqual({
      answering: 4,
      agreed: null,
      percent: null,
      display: FEWER_THAN_FIVE,
      distribution: null,
    });
    expect(FEWER_THAN_FIVE).toBe('fewer than 5');
  });

  it('shows no answers as "fewer than 5" too, with the number answering', () => {
    expect(agreementSummary([])).toMatchObject({ answering: 0, display: 'fewer than 5' });
  });

  it('counts agree and strongly agree from 5 answers, as a whole per cent', () => {
    const levels: LikertLevel[] = ['agree', 'strongly_agree', 'neither', 'disagree', 'strongly_agree'];
    expect(agreementSummary(levels)).toEqual({
      answering: 5,
      agreed: 3,
      percent: 60,
      display: '60%',
      distribution: { strongly_disagree: 0, disagree: 1, neither: 1, agree: 1, strongly_agree: 2 },
    });
  });

  it('rounds to the nearest whole per cent (2 of 3 would be 67%; 5 of 6 is 83%)', () => {
    const levels: LikertLevel[] = ['agree', 'agree', 'agree', 'agree', 'strongly_agree', 'neither'];
    expect(agreementSummary(levels)).toMatchObject({ agreed: 5, percent: 83, display: '83%' });
  });
});

describe('survey answers checked against the template', () => {
  const answers = (likert: Record<string, string>, freeText: Record<string, unknown> = {}) =>
    ({ likert, freeText }) as never;

  it('asks each respondent their own statements, and both the shared one', () => {
    const ccc = surveyFor(DEFAULT_EVALUATION, 'ccc').statements.map((s) => s.id);
    const pcn = surveyFor(DEFAULT_EVALUATION, 'pcn_supervisor').statements.map((s) => s.id);
    expect(ccc).toContain('supervision-supported-me');
    expect(ccc).not.toContain('reduced-workload');
    expect(pcn).toContain('reduced-workload');
    expect(ccc.filter((id) => pcn.includes(id))).toEqual(['would-recommend']);
  });

  it('accepts a partial draft and a submission that skips statements', () => {
    expect(checkSurveyAnswers(DEFAULT_EVALUATION, 'ccc', answers({ 'confident-in-role': 'agree' }), false)).toEqual([]);
    expect(
      checkSurveyAnswers(
        DEFAULT_EVALUATION,
        'ccc',
        answers({}, { 'most-valuable': { text: 'Meeting others', mayQuote: true } }),
        true,
      ),
    ).toEqual([]);
  });

  it("refuses another respondent's statement, an unknown one and a level off the scale", () => {
    expect(
      checkSurveyAnswers(
        DEFAULT_EVALUATION,
        'ccc',
        answers({ 'reduced-workload': 'agree', nope: 'agree', 'confident-in-role': 'very much' }),
        false,
      ),
    ).toEqual([
      { field: 'likert.reduced-workload', reason: 'this survey has no such statement for you' },
      { field: 'likert.nope', reason: 'this survey has no such statement for you' },
      { field: 'likert.confident-in-role', reason: expect.stringContaining('must be one of strongly_disagree') },
    ]);
  });

  it('refuses a free-text answer without the quoting choice, and one too long', () => {
    expect(
      checkSurveyAnswers(
        DEFAULT_EVALUATION,
        'pcn_supervisor',
        answers(
          {},
          { 'most-valuable': { text: 'x' }, 'future-programmes': { text: 'y'.repeat(4001), mayQuote: false } },
        ),
        false,
      ).map((p) => p.field),
    ).toEqual(['freeText.most-valuable', 'freeText.future-programmes']);
  });

  it('refuses to submit an empty response', () => {
    expect(
      checkSurveyAnswers(
        DEFAULT_EVALUATION,
        'ccc',
        answers({}, { 'most-valuable': { text: ' ', mayQuote: true } }),
        true,
      ),
    ).toEqual([{ field: 'likert', reason: 'answer at least one statement or question before submitting' }]);
  });

  it('opens when the last month of the programme starts', () => {
    expect(surveyOpensOn('2026-04-01', 6)).toBe('2026-09-01');
  });
});

describe('the handover and evaluation interview', () => {
  const empty: HandoverContent = {
    pcnPriorities: null,
    roleDevelopment: null,
    trainingAgreed: [],
    followOnSupervisorName: null,
    appraisalDate: null,
    roleEvaluation: null,
  };
  const context = { courseKeys: ['elfh-accend'], cohortStart: '2026-04-01' };

  it('cannot be signed until its four parts are written, and says which are missing', () => {
    expect(handoverSignBlocker(empty)).toBe(
      'Fill in how the role developed against the PCN\u2019s priorities, who takes over clinical supervision, the date of the 1-year appraisal, the evaluation of the role before signing',
    );
    expect(
      handoverSignBlocker({
        ...empty,
        roleDevelopment: 'Led the CCR recall',
        followOnSupervisorName: 'Dr Patel',
        appraisalDate: '2027-04-01',
        roleEvaluation: 'Valued',
      }),
    ).toBeNull();
  });

  it('checks the agreed training like a training plan: month 1 to 6 ahead, a known course', () => {
    expect(
      checkHandoverContent(
        {
          ...empty,
          trainingAgreed: [
            { kind: 'course', title: 'ACCEND', courseKey: 'elfh-accend', targetMonth: 2, competencyCodes: [] },
            { kind: 'course', title: 'Other', courseKey: 'unknown', targetMonth: 7, competencyCodes: [] },
            { kind: 'free', title: ' ', courseKey: 'elfh-accend', targetMonth: 1, competencyCodes: [] },
          ],
          appraisalDate: '2026-03-01',
        },
        context,
      ).map((p) => p.field),
    ).toEqual([
      'trainingAgreed[1].targetMonth',
      'trainingAgreed[1].courseKey',
      'trainingAgreed[2].title',
      'trainingAgreed[2].courseKey',
      'appraisalDate',
    ]);
  });

  it('plans as far ahead as the template says (the GM template: 12 months)', () => {
    const item = { kind: 'free' as const, title: 'Year two', courseKey: null, competencyCodes: [] };
    const check = (targetMonth: number, monthsAhead?: number) =>
      checkHandoverContent({ ...empty, trainingAgreed: [{ ...item, targetMonth }] }, { ...context, monthsAhead }).map(
        (p) => p.field,
      );
    expect(check(12, 12)).toEqual([]);
    expect(check(13, 12)).toEqual(['trainingAgreed[0].targetMonth']);
    expect(check(7)).toEqual(['trainingAgreed[0].targetMonth']);
  });

  it('is complete only when all three have signed', () => {
    const at = new Date();
    expect(signedByAll({ ccc: at, pcn_supervisor: at, alliance_supervisor: null })).toBe(false);
    expect(signedByAll({ ccc: at, pcn_supervisor: at, alliance_supervisor: at })).toBe(true);
  });
});

describe('the outcomes log', () => {
  const context = {
    measures: DEFAULT_OUTCOME_MEASURES,
    cohortStart: '2026-04-01',
    durationMonths: 6,
    today: '2026-06-15',
  };

  it('takes the GM pilot measures by default', () => {
    expect(DEFAULT_TEMPLATE.outcomeMeasures.map((m) => m.id)).toEqual([
      'cancer-care-reviews',
      'reviews-audited',
      'social-prescriber-referrals',
    ]);
  });

  it('accepts a count for a month that has started, zero included', () => {
    expect(checkOutcomeEntry({ month: 3, measureId: 'cancer-care-reviews', count: 0 }, context)).toEqual([]);
  });

  it('refuses a month not started, a month outside the programme, an unknown measure and a bad count', () => {
    expect(checkOutcomeEntry({ month: 4, measureId: 'cancer-care-reviews', count: 1 }, context)).toEqual([
      { field: 'month', reason: 'month 4 has not started yet' },
    ]);
    expect(
      checkOutcomeEntry({ month: 7, measureId: 'x', count: -1 }, context, 'entries[0]').map((p) => p.field),
    ).toEqual(['entries[0].month', 'entries[0].measureId', 'entries[0].count']);
    expect(checkOutcomeEntry({ month: 1, measureId: 'reviews-audited', count: 2.5 }, context)).toHaveLength(1);
  });
});
