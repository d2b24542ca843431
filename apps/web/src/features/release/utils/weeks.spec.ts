import { describe, expect, it } from '@jest/globals';
import { describeStudyWeek, hoursText, isoWeekBounds, isoWeekOfDate, weekLongLabel, weekShortLabel } from './weeks';

describe('ISO weeks', () => {
  it('finds the Monday and Sunday of a week', () => {
    expect(isoWeekBounds('2026-W48')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29' });
    expect(isoWeekBounds('2026-W01')).toEqual({ monday: '2025-12-29', sunday: '2026-01-04' });
    expect(isoWeekBounds('2020-W53')).toEqual({ monday: '2020-12-28', sunday: '2021-01-03' });
  });

  it('finds the week of a date, across the turn of the year', () => {
    expect(isoWeekOfDate('2026-11-25')).toBe('2026-W48');
    expect(isoWeekOfDate('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOfDate('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOfDate('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOfDate('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOfDate('2021-01-03')).toBe('2020-W53');
  });

  it('labels weeks for a chart and for a sentence', () => {
    expect(weekShortLabel('2026-W48')).toBe('23 Nov');
    expect(weekLongLabel('2026-W48')).toBe('week 48, 23 to 29 November 2026');
    expect(weekLongLabel('2026-W49')).toBe('week 49, 30 November to 6 December 2026');
  });

  it('says hours as people read them', () => {
    expect(hoursText(60)).toBe('1 hour');
    expect(hoursText(75)).toBe('1.25 hours');
    expect(hoursText(0)).toBe('0 hours');
  });

  it('describes a week of study time in words', () => {
    const band = { min: 60, max: 120 };
    expect(
      describeStudyWeek(
        { week: '2026-W45', confirmedMinutes: 45, pendingMinutes: 0, declinedMinutes: 0, state: 'below' },
        band,
      ),
    ).toBe('Week 45, 2 to 8 November 2026: 0.75 hours confirmed, below the 1 to 2 hours agreed.');
    expect(
      describeStudyWeek(
        { week: '2026-W48', confirmedMinutes: 0, pendingMinutes: 60, declinedMinutes: 0, state: 'below' },
        band,
      ),
    ).toBe(
      'Week 48, 23 to 29 November 2026: 0 hours confirmed, below the 1 to 2 hours agreed, 1 hour waiting for confirmation.',
    );
    expect(
      describeStudyWeek(
        { week: '2026-W46', confirmedMinutes: 90, pendingMinutes: 0, declinedMinutes: 0, state: 'within' },
        band,
      ),
    ).toBe('Week 46, 9 to 15 November 2026: 1.5 hours confirmed, within the 1 to 2 hours agreed.');
  });

  it('says how much study time the PCN declined that week, as their decision', () => {
    const week = {
      week: '2026-W47',
      confirmedMinutes: 0,
      pendingMinutes: 0,
      declinedMinutes: 90,
      state: 'below' as const,
    };
    expect(describeStudyWeek(week, { min: 60, max: 120 })).toBe(
      'Week 47, 16 to 22 November 2026: 0 hours confirmed, below the 1 to 2 hours agreed, 1.5 hours declined by the PCN.',
    );
  });
});
