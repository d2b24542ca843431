import { describe, expect, it } from '@jest/globals';
import type { HandoverView, OutcomesView, SurveyResponseView } from '@ccc/contracts';
import {
  handoverValuesFrom,
  outcomeCellsFrom,
  surveyProgress,
  toRecordOutcomesRequest,
  toSaveSurveyRequest,
  toUpdateHandoverRequest,
  validateHandover,
  validateOutcomeCells,
  validateSurvey,
  type OutcomeCells,
} from './month-six';

const survey = {
  enrolmentId: 'e1',
  respondent: 'ccc',
  survey: {
    statements: [
      { id: 's1', text: 'Supervision supported me', respondents: ['ccc'] },
      { id: 's2', text: 'The CCC developed', respondents: ['pcn_supervisor'] },
      { id: 's3', text: 'I would recommend it', respondents: ['ccc', 'pcn_supervisor'] },
    ],
    questions: [{ id: 'q1', text: 'What was most valuable?', respondents: ['ccc'] }],
  },
  status: 'draft',
  likert: { s1: 'agree' },
  freeText: {},
  submittedAt: null,
  opensOn: '2026-08-01',
  version: 2,
} as unknown as SurveyResponseView;

describe('the survey form', () => {
  it('sends only what the person is asked and answered', () => {
    const request = toSaveSurveyRequest(survey, {
      likert: { s1: 'agree', s2: 'disagree' },
      freeText: { q1: { text: '  The group sessions  ', mayQuote: true } },
    });
    expect(request).toEqual({
      likert: { s1: 'agree' },
      freeText: { q1: { text: 'The group sessions', mayQuote: true } },
      version: 2,
    });
    expect(
      toSaveSurveyRequest(survey, { likert: {}, freeText: { q1: { text: ' ', mayQuote: false } } }).freeText,
    ).toEqual({});
  });

  it('counts the statements answered and refuses an essay', () => {
    expect(surveyProgress(survey, { likert: { s1: 'agree' }, freeText: {} })).toBe('1 of 2 statements answered');
    expect(validateSurvey({ likert: {}, freeText: { q1: { text: 'x'.repeat(4001), mayQuote: false } } })).toEqual({
      q1: 'The answer must be 4000 characters or fewer',
    });
  });
});

const outcomes = {
  enrolmentId: 'e1',
  measures: [
    { id: 'ccr', label: 'Cancer Care Reviews', unit: 'reviews' },
    { id: 'sp', label: 'Social prescriber referrals', unit: 'referrals' },
  ],
  months: [
    { month: 1, startsOn: '2026-03-01', endsBefore: '2026-04-01' },
    { month: 2, startsOn: '2026-04-01', endsBefore: '2026-05-01' },
  ],
  entries: [{ month: 1, measureId: 'ccr', count: 4, recordedBy: null, updatedAt: '2026-04-01T00:00:00Z', version: 3 }],
  canRecord: true,
} as OutcomesView;

describe('the outcomes log', () => {
  it('sends the cells that changed, with the version of a count already recorded', () => {
    const cells: OutcomeCells = { ...outcomeCellsFrom(outcomes), '1:sp': '2', '2:ccr': '' };
    expect(cells['1:ccr']).toBe('4');
    expect(toRecordOutcomesRequest(outcomes, cells)).toEqual({ entries: [{ month: 1, measureId: 'sp', count: 2 }] });
    expect(toRecordOutcomesRequest(outcomes, { '1:ccr': '5' })).toEqual({
      entries: [{ month: 1, measureId: 'ccr', count: 5, version: 3 }],
    });
    expect(toRecordOutcomesRequest(outcomes, outcomeCellsFrom(outcomes))).toBeNull();
  });

  it('wants whole numbers', () => {
    expect(validateOutcomeCells({ '1:ccr': '-1', '1:sp': '2.5', '2:sp': '', '2:ccr': '7' })).toEqual({
      '1:ccr': 'Enter a whole number, 0 or more',
      '1:sp': 'Enter a whole number, 0 or more',
    });
  });
});

describe('the handover record', () => {
  const view = {
    pcnPriorities: 'Screening uptake',
    roleDevelopment: null,
    trainingAgreed: [],
    followOnSupervisorName: null,
    appraisalDate: '2027-03-01',
    roleEvaluation: null,
    version: 4,
  } as unknown as HandoverView;

  it('sends the whole record, empty boxes as null', () => {
    const values = { ...handoverValuesFrom(view), roleDevelopment: '  Runs the CCR clinic  ' };
    expect(toUpdateHandoverRequest(view, values)).toEqual({
      pcnPriorities: 'Screening uptake',
      roleDevelopment: 'Runs the CCR clinic',
      trainingAgreed: [],
      followOnSupervisorName: null,
      appraisalDate: '2027-03-01',
      roleEvaluation: null,
      version: 4,
    });
  });

  it('wants a reason for an amendment', () => {
    expect(validateHandover(handoverValuesFrom(view), ' ')).toEqual({
      reason: 'Enter why the record is being corrected',
    });
    expect(validateHandover(handoverValuesFrom(view))).toEqual({});
  });
});
