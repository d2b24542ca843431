import { describe, expect, it } from '@jest/globals';
import type { TnaRoundView } from '@ccc/contracts';
import {
  initialTnaValues,
  mergeTnaDraft,
  tnaFieldFor,
  tnaFieldId,
  toAgreedRatingsRequest,
  toSelfRatingsRequest,
  validateTna,
} from './tna-form';

const scale = [
  { value: 1, label: 'Aware', description: '' },
  { value: 2, label: 'Developing', description: '' },
  { value: 3, label: 'Competent', description: '' },
];
const codes = [
  { code: 'PRV-01', title: 'Prevention' },
  { code: 'SCR-01', title: 'Screening' },
];
const round: TnaRoundView = {
  round: 1,
  version: 2,
  signed: false,
  cccSignature: null,
  supervisorSignature: null,
  ratings: [
    { code: 'PRV-01', selfRating: 2, selfNote: 'Some', agreedRating: null, needs: null },
    { code: 'SCR-01', selfRating: null, selfNote: null, agreedRating: 1, needs: 'Shadow a nurse' },
  ],
  signBlocker: null,
  availableActions: ['rate_self'],
};

describe('the TNA form', () => {
  it('starts from each side’s saved ratings', () => {
    expect(initialTnaValues(round, 'self')).toEqual({
      'PRV-01': { rating: '2', text: 'Some' },
      'SCR-01': { rating: '', text: '' },
    });
    expect(initialTnaValues(round, 'agreed')).toEqual({
      'PRV-01': { rating: '', text: '' },
      'SCR-01': { rating: '1', text: 'Shadow a nurse' },
    });
  });

  it('lays a draft over them, for competencies the framework still has', () => {
    const merged = mergeTnaDraft(initialTnaValues(round, 'self'), {
      ratings: { 'SCR-01': { rating: '3', text: 'typed' }, 'OLD-09': { rating: '1', text: '' } },
    });
    expect(merged).toEqual({ 'PRV-01': { rating: '2', text: 'Some' }, 'SCR-01': { rating: '3', text: 'typed' } });
    expect(mergeTnaDraft(initialTnaValues(round, 'self'), 'nonsense')).toEqual(initialTnaValues(round, 'self'));
  });

  it('needs at least one rating, and a rating for any note', () => {
    const empty = { 'PRV-01': { rating: '', text: '' }, 'SCR-01': { rating: '', text: '' } };
    expect(validateTna(empty, codes, scale, 'self')).toEqual({
      [tnaFieldId('PRV-01', 'rating')]: 'Rate yourself against at least one competency',
    });
    expect(
      validateTna({ ...empty, 'SCR-01': { rating: '', text: 'a note' } }, codes, scale, 'agreed')[
        tnaFieldId('SCR-01', 'rating')
      ],
    ).toBe('Choose a rating for Screening, or clear the training needs');
    expect(validateTna({ ...empty, 'PRV-01': { rating: '3', text: '' } }, codes, scale, 'self')).toEqual({});
  });

  it('sends only the rated competencies, in the framework’s order, with the version read', () => {
    const values = { 'PRV-01': { rating: '', text: '' }, 'SCR-01': { rating: '3', text: ' needs ' } };
    expect(toSelfRatingsRequest(values, codes, 2)).toEqual({
      ratings: [{ code: 'SCR-01', rating: 3, note: 'needs' }],
      version: 2,
    });
    expect(toAgreedRatingsRequest(values, codes, 2)).toEqual({
      ratings: [{ code: 'SCR-01', rating: 3, needs: 'needs' }],
      version: 2,
    });
  });

  it('puts the API’s field errors on the competency sent at that place', () => {
    const values = { 'PRV-01': { rating: '', text: '' }, 'SCR-01': { rating: '3', text: '' } };
    expect(tnaFieldFor('ratings.0.rating', values, codes)).toBe(tnaFieldId('SCR-01', 'rating'));
    expect(tnaFieldFor('ratings[0].needs', values, codes)).toBe(tnaFieldId('SCR-01', 'text'));
    expect(tnaFieldFor('ratings.4.rating', values, codes)).toBeNull();
    expect(tnaFieldFor('version', values, codes)).toBeNull();
  });
});
