import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  formatDayHeading,
  formatEndTime,
  formatTime,
  isCalendarDate,
  londonDateTime,
  londonInstant,
  mondayOf,
} from './london-time';

describe('londonInstant', () => {
  it('reads a winter time as GMT', () => {
    expect(londonInstant('2026-12-24', '14:00')).toBe('2026-12-24T14:00:00.000Z');
    expect(londonInstant('2027-01-01', '00:00')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('reads a summer time as BST, an hour ahead of UTC', () => {
    expect(londonInstant('2026-07-01', '10:00')).toBe('2026-07-01T09:00:00.000Z');
    // Just after midnight in London is still the previous day in UTC.
    expect(londonInstant('2026-07-01', '00:30')).toBe('2026-06-30T23:30:00.000Z');
  });

  it('follows the clocks going forward on 29 March 2026', () => {
    expect(londonInstant('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(londonInstant('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(londonInstant('2026-03-29', '14:00')).toBe('2026-03-29T13:00:00.000Z');
    expect(londonInstant('2026-03-28', '14:00')).toBe('2026-03-28T14:00:00.000Z');
  });

  it('has no instant for a time the clocks skip', () => {
    expect(londonInstant('2026-03-29', '01:00')).toBeNull();
    expect(londonInstant('2026-03-29', '01:59')).toBeNull();
  });

  it('follows the clocks going back on 25 October 2026, taking the first of a repeated hour', () => {
    expect(londonInstant('2026-10-24', '14:00')).toBe('2026-10-24T13:00:00.000Z');
    expect(londonInstant('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(londonInstant('2026-10-25', '02:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(londonInstant('2026-10-25', '14:00')).toBe('2026-10-25T14:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(londonInstant('2026-06-31', '10:00')).toBeNull();
    expect(londonInstant('', '10:00')).toBeNull();
    expect(londonInstant('2026-06-01', '24:00')).toBeNull();
    expect(londonInstant('2026-06-01', '9:00')).toBeNull();
  });

  it('round-trips with londonDateTime', () => {
    for (const [date, time] of [
      ['2026-02-28', '09:15'],
      ['2026-08-31', '23:45'],
      ['2028-02-29', '12:00'],
    ] as const) {
      const instant = londonInstant(date, time);
      expect(instant).not.toBeNull();
      expect(londonDateTime(instant as string)).toEqual({ date, time });
    }
  });
});

describe('calendar helpers', () => {
  it('knows real dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('24/12/2026')).toBe(false);
  });

  it('adds days across months, years and the clock changes', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the Monday of a week that runs Monday to Sunday', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23'); // Wednesday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('writes day headings and times', () => {
    expect(formatDayHeading('2026-11-23')).toBe('Monday 23 November');
    expect(formatTime('2026-07-01T09:00:00.000Z')).toBe('10:00');
    expect(formatEndTime('2026-12-24T14:00:00.000Z', 45)).toBe('14:45');
  });
});
