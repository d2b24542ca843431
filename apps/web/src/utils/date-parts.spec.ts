import { describe, expect, it } from '@jest/globals';
import { dateProblem, isIsoDate, joinDate, problemParts, splitDate } from './date-parts';

describe('the date input’s value', () => {
  it('is a YYYY-MM-DD date when the boxes make a real date, and splits back without leading zeros', () => {
    expect(joinDate({ day: '6', month: '4', year: '2027' })).toBe('2027-04-06');
    expect(splitDate('2027-04-06')).toEqual({ day: '6', month: '4', year: '2027' });
    expect(joinDate({ day: '', month: '', year: '' })).toBe('');
  });

  it('keeps boxes that make no date as typed, which no date check accepts', () => {
    const value = joinDate({ day: '31', month: '2', year: '2027' });
    expect(isIsoDate(value)).toBe(false);
    expect(splitDate(value)).toEqual({ day: '31', month: '2', year: '2027' });
    expect(splitDate(joinDate({ day: '', month: '4', year: '27' }))).toEqual({ day: '', month: '4', year: '27' });
    // Even boxes that look like an ISO date but are not real stay as typed, not a date.
    expect(isIsoDate(joinDate({ day: '01', month: '13', year: '2027' }))).toBe(false);
  });

  it('says what is wrong in the NHS date input’s words, marking only the boxes at fault', () => {
    expect(dateProblem('2027-04-06')).toBeNull();
    expect(dateProblem('')).toBeNull();
    expect(dateProblem(joinDate({ day: '6', month: '', year: '2027' }))).toBe('Date must include a month');
    expect(problemParts(joinDate({ day: '6', month: '', year: '2027' }))).toEqual(['month']);
    expect(dateProblem(joinDate({ day: '', month: '', year: '2027' }), 'Date done')).toBe(
      'Date done must include a day and month',
    );
    expect(dateProblem(joinDate({ day: '6', month: '4', year: '27' }))).toBe('Year must include 4 numbers');
    expect(problemParts(joinDate({ day: '6', month: '4', year: '27' }))).toEqual(['year']);
    expect(dateProblem(joinDate({ day: '30', month: '2', year: '2027' }))).toBe('Date must be a real date');
    expect(problemParts(joinDate({ day: '30', month: '2', year: '2027' }))).toEqual(['day', 'month', 'year']);
  });
});
