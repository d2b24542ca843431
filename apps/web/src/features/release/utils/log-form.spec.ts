import { describe, expect, it } from '@jest/globals';
import { checkLogForm } from './log-form';

const today = '2026-11-25';

describe('the log study time form', () => {
  it('asks for every field when empty', () => {
    const { errors, request } = checkLogForm({ kind: '', date: '', minutes: '', description: '' }, today);
    expect(request).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['date', 'description', 'kind', 'minutes']);
  });

  it('refuses a date in the future and minutes out of range', () => {
    const { errors } = checkLogForm({ kind: 'study', date: '2026-11-26', minutes: '4', description: 'ACCEND' }, today);
    expect(errors.date).toBe('Date must be today or in the past (today is 25 November 2026)');
    expect(
      checkLogForm({ kind: 'study', date: '2026/11/', minutes: '60', description: 'x y' }, today).errors.date,
    ).toBe('Date must include a day');
    expect(errors.minutes).toBe('The time must be at least 5 minutes');
    expect(checkLogForm({ kind: 'study', date: today, minutes: '721', description: 'x y' }, today).errors.minutes).toBe(
      'The time must be at most 720 minutes (12 hours)',
    );
    expect(checkLogForm({ kind: 'study', date: today, minutes: '1.5', description: 'x y' }, today).errors.minutes).toBe(
      'Enter the time as a whole number of minutes, like 60',
    );
  });

  it('builds the request when valid', () => {
    const result = checkLogForm(
      { kind: 'training', date: '2026-11-20', minutes: ' 450 ', description: '  Macmillan day ' },
      today,
    );
    expect(result.errors).toEqual({});
    expect(result.request).toEqual({
      kind: 'training',
      date: '2026-11-20',
      minutes: 450,
      description: 'Macmillan day',
    });
  });
});
