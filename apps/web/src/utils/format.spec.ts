import { describe, expect, it } from '@jest/globals';
import {
  dayBefore,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDuration,
  formatMinutes,
  todayInLondon,
} from './format';

describe('formatDate', () => {
  it('writes a calendar date the British way with a three-letter month', () => {
    expect(formatDate('2026-09-01')).toBe('1 September 2026');
    expect(formatDate('2027-02-28')).toBe('28 February 2027');
  });

  it('uses the calendar part of a full timestamp without shifting the day', () => {
    expect(formatDate('2026-09-01T23:30:00.000Z')).toBe('1 September 2026');
  });

  it('rejects something that is not a date', () => {
    expect(() => formatDate('next Tuesday')).toThrow(RangeError);
  });
});

describe('dayBefore and formatDateRange', () => {
  it('steps back across month and year ends, and leap days', () => {
    expect(dayBefore('2026-10-01')).toBe('2026-09-30');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
  });

  it('shows an exclusive end as the last day of the range', () => {
    expect(formatDateRange('2026-09-01', '2026-10-01')).toBe('1 September 2026 to 30 September 2026');
    expect(formatDateRange('2026-01-31', '2026-02-28')).toBe('31 January 2026 to 27 February 2026');
  });
});

describe('formatDateTime in Europe/London', () => {
  it('adds an hour in British Summer Time', () => {
    expect(formatDateTime('2026-09-15T09:30:00.000Z')).toBe('Tuesday 15 September 2026, 10:30');
  });

  it('uses GMT in winter', () => {
    expect(formatDateTime('2026-12-01T14:05:00Z')).toBe('Tuesday 1 December 2026, 14:05');
  });

  it('moves to the next London day late in the evening UTC during summer time', () => {
    expect(formatDateTime('2026-06-30T23:15:00Z')).toBe('Wednesday 1 July 2026, 00:15');
  });

  it('handles the clocks going back (25 October 2026)', () => {
    expect(formatDateTime('2026-10-25T00:30:00Z')).toBe('Sunday 25 October 2026, 01:30');
    expect(formatDateTime('2026-10-25T01:30:00Z')).toBe('Sunday 25 October 2026, 01:30');
  });

  it('rejects an invalid instant', () => {
    expect(() => formatDateTime('not a time')).toThrow(RangeError);
  });
});

describe('todayInLondon', () => {
  it('is the London calendar date, not the UTC one', () => {
    expect(todayInLondon(new Date('2026-07-31T23:30:00Z'))).toBe('2026-08-01');
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('durations', () => {
  it('writes minutes and hours in words', () => {
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(90)).toBe('1 hour 30 minutes');
    expect(formatMinutes(180)).toBe('3 hours');
  });

  it('prefers the booked duration and otherwise shows the planned range', () => {
    expect(formatDuration(45, { min: 30, max: 60 })).toBe('45 minutes');
    expect(formatDuration(null, { min: 30, max: 60 })).toBe('30 to 60 minutes');
    expect(formatDuration(null, { min: 60, max: 60 })).toBe('1 hour');
    expect(formatDuration(null, { min: 60, max: 120 })).toBe('1 to 2 hours');
    expect(formatDuration(null, { min: 60, max: 90 })).toBe('60 to 90 minutes');
    expect(formatDuration(null, { min: 360, max: 450 })).toBe('6 hours to 7 hours 30 minutes');
  });
});
