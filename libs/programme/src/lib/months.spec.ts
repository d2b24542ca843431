import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import {
  addCalendarDays,
  addCalendarMonths,
  dateOfDayNumber,
  dayNumber,
  isIsoDate,
  isoWeekOf,
  isoWeeksBetween,
  lastIsoWeeks,
  londonDate,
  monthBounds,
  monthOfDate,
  monthOfInstant,
  monthState,
  programmeEndsBefore,
  programmeMonths,
} from './months';

describe('programme months for the April 2023 Wessex cohort', () => {
  it('runs six calendar months from 1 April 2023 and ends before 1 October 2023', () => {
    expect(programmeMonths('2023-04-01', 6)).toEqual([
      { month: 1, startsOn: '2023-04-01', endsBefore: '2023-05-01' },
      { month: 2, startsOn: '2023-05-01', endsBefore: '2023-06-01' },
      { month: 3, startsOn: '2023-06-01', endsBefore: '2023-07-01' },
      { month: 4, startsOn: '2023-07-01', endsBefore: '2023-08-01' },
      { month: 5, startsOn: '2023-08-01', endsBefore: '2023-09-01' },
      { month: 6, startsOn: '2023-09-01', endsBefore: '2023-10-01' },
    ]);
    expect(programmeEndsBefore('2023-04-01', 6)).toBe('2023-10-01');
  });

  it('gives the bounds of a single month the same as the whole programme does', () => {
    expect(monthBounds('2023-04-01', 3)).toEqual({ month: 3, startsOn: '2023-06-01', endsBefore: '2023-07-01' });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses month %p (months are counted from 1)', (month) => {
    expect(() => monthBounds('2023-04-01', month)).toThrow(RangeError);
  });
});

describe('a cohort starting at the end of a month', () => {
  it('starts month 2 on 28 February in a non-leap year and month 3 on 31 March, counted from the start (no drift)', () => {
    expect(programmeMonths('2023-01-31', 6)).toEqual([
      { month: 1, startsOn: '2023-01-31', endsBefore: '2023-02-28' },
      { month: 2, startsOn: '2023-02-28', endsBefore: '2023-03-31' },
      { month: 3, startsOn: '2023-03-31', endsBefore: '2023-04-30' },
      { month: 4, startsOn: '2023-04-30', endsBefore: '2023-05-31' },
      { month: 5, startsOn: '2023-05-31', endsBefore: '2023-06-30' },
      { month: 6, startsOn: '2023-06-30', endsBefore: '2023-07-31' },
    ]);
  });

  it('starts month 2 on 29 February in the leap year 2024', () => {
    expect(monthBounds('2024-01-31', 2)).toEqual({ month: 2, startsOn: '2024-02-29', endsBefore: '2024-03-31' });
  });

  it('runs a 30 August 2023 cohort to 29 February 2024 (no 30 February)', () => {
    expect(programmeMonths('2023-08-30', 6).map((m) => m.startsOn)).toEqual([
      '2023-08-30',
      '2023-09-30',
      '2023-10-30',
      '2023-11-30',
      '2023-12-30',
      '2024-01-30',
    ]);
    expect(programmeEndsBefore('2023-08-30', 6)).toBe('2024-02-29');
  });

  it('adds calendar months the way people count them, forwards and backwards', () => {
    expect(addCalendarMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2023-04-01', -4)).toBe('2022-12-01');
    expect(addCalendarMonths('2023-06-30', -4)).toBe('2023-02-28');
    expect(addCalendarMonths('2023-10-15', 0)).toBe('2023-10-15');
  });
});

describe('which month of the programme a date falls in', () => {
  const start = '2023-04-01';

  it('puts the cohort start date in month 1', () => {
    expect(monthOfDate(start, 6, '2023-04-01')).toBe(1);
  });

  it('puts the day before a month ends in that month, and the end date in the next month', () => {
    expect(monthOfDate(start, 6, '2023-04-30')).toBe(1);
    expect(monthOfDate(start, 6, '2023-05-01')).toBe(2);
    expect(monthOfDate(start, 6, '2023-06-30')).toBe(3);
    expect(monthOfDate(start, 6, '2023-07-01')).toBe(4);
  });

  it('puts the last day of the programme in month 6', () => {
    expect(monthOfDate(start, 6, '2023-09-30')).toBe(6);
  });

  it('is null before the start and from the day the programme ends', () => {
    expect(monthOfDate(start, 6, '2023-03-31')).toBeNull();
    expect(monthOfDate(start, 6, '2023-10-01')).toBeNull();
    expect(monthOfDate(start, 6, '2024-04-01')).toBeNull();
  });

  it('handles an end-of-month start: 28 February 2023 is month 2 of a 31 January cohort', () => {
    expect(monthOfDate('2023-01-31', 6, '2023-02-27')).toBe(1);
    expect(monthOfDate('2023-01-31', 6, '2023-02-28')).toBe(2);
    expect(monthOfDate('2023-01-31', 6, '2023-03-30')).toBe(2);
    expect(monthOfDate('2023-01-31', 6, '2023-03-31')).toBe(3);
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => monthOfDate(start, 6, '2023-02-30')).toThrow(RangeError);
    expect(() => monthOfDate(start, 6, '2023-5-1')).toThrow(RangeError);
  });
});

describe('London calendar dates of instants', () => {
  it.each([
    ['2026-03-28T23:30:00Z', '2026-03-28'], // GMT, the night before the clocks go forward
    ['2026-03-29T00:30:00Z', '2026-03-29'], // still GMT: the change is at 01:00 UTC
    ['2026-03-29T23:30:00Z', '2026-03-30'], // BST: 00:30 on 30 March
    ['2026-05-31T23:30:00Z', '2026-06-01'], // BST: 00:30 on 1 June
    ['2026-10-24T23:30:00Z', '2026-10-25'], // BST: 00:30 on the day the clocks go back
    ['2026-10-25T23:30:00Z', '2026-10-25'], // GMT again
    ['2026-12-31T23:30:00Z', '2026-12-31'], // GMT: still New Year's Eve
  ])('reads %s as %s in London', (instant, date) => {
    expect(londonDate(new Date(instant))).toBe(date);
  });

  it('agrees with date-fns in the London zone at every quarter hour of three years, DST changes included', () => {
    // Kept per UTC hour: a quarter past and a minute before each hour must read as the hour itself does.
    const from = Date.UTC(2025, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    const wrong: string[] = [];
    for (let t = from; t < to; t += 15 * 60_000) {
      const expected = format(new TZDate(t, 'Europe/London'), 'yyyy-MM-dd');
      if (londonDate(new Date(t)) !== expected) wrong.push(new Date(t).toISOString());
      if (
        londonDate(new Date(t + 14 * 60_000 + 59_999)) !==
        format(new TZDate(t + 14 * 60_000 + 59_999, 'Europe/London'), 'yyyy-MM-dd')
      )
        wrong.push(new Date(t + 14 * 60_000 + 59_999).toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('refuses an invalid instant rather than caching a date for it', () => {
    expect(() => londonDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('places a session at 00:30 BST on 1 May 2023 in month 2, not month 1', () => {
    // 2023-04-30T23:30Z is 00:30 BST on 1 May.
    expect(monthOfInstant('2023-04-01', 6, new Date('2023-04-30T23:30:00Z'))).toBe(2);
    expect(monthOfInstant('2023-04-01', 6, new Date('2023-04-30T22:30:00Z'))).toBe(1);
  });

  it('ends the programme at midnight London time on 30 September 2023, which is 23:00 UTC in summer time', () => {
    expect(monthOfInstant('2023-04-01', 6, new Date('2023-09-30T22:59:00Z'))).toBe(6);
    expect(monthOfInstant('2023-04-01', 6, new Date('2023-09-30T23:00:00Z'))).toBeNull();
  });
});

describe('month state on a given day', () => {
  const month2 = monthBounds('2023-04-01', 2); // [2023-05-01, 2023-06-01)

  it('is future before the month starts', () => {
    expect(monthState(month2, '2023-04-30')).toBe('future');
  });

  it('is current from its first day to its last day', () => {
    expect(monthState(month2, '2023-05-01')).toBe('current');
    expect(monthState(month2, '2023-05-31')).toBe('current');
  });

  it('is past from the day it ends before', () => {
    expect(monthState(month2, '2023-06-01')).toBe('past');
    expect(monthState(month2, '2024-01-01')).toBe('past');
  });
});

describe('ISO weeks for weekly release time', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: the week belongs to 2026
    ['2025-12-29', '2026-W01'], // the Monday of that week, still in December
    ['2025-12-28', '2025-W52'],
    ['2026-02-23', '2026-W09'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'], // a Friday: the last week of 2026
    ['2027-01-04', '2027-W01'],
  ])('puts %s in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('rejects a malformed date', () => {
    expect(() => isoWeekOf('2026-13-01')).toThrow(RangeError);
  });
});

describe('calendar date validation', () => {
  it.each(['2023-04-01', '2024-02-29', '2023-12-31'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '2023-2-1',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '01/04/2023',
    '2023-04-01T00:00:00Z',
    '',
  ])('rejects %p', (date) => {
    expect(isIsoDate(date)).toBe(false);
    expect(() => addCalendarMonths(date, 1)).toThrow(RangeError);
  });

  it.each([null, undefined, 20230401, new Date('2023-04-01')])('rejects the non-text %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

/** Independent day arithmetic (UTC milliseconds), so the property check does not lean on the code under test. */
function daysFrom(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

describe('month arithmetic holds for every start date from 2023 to 2028', () => {
  const starts: string[] = [];
  for (let day = '2023-01-01'; day < '2029-01-01'; day = daysFrom(day, 1)) starts.push(day);

  it('covers all 2192 start days', () => {
    expect(starts).toHaveLength(2192);
  });

  it('gives contiguous months: month k ends before the day month k+1 starts, and the last month ends the programme', () => {
    for (const start of starts) {
      const months = programmeMonths(start, 6);
      expect(months[0]?.startsOn).toBe(start);
      for (let k = 0; k < 5; k++) {
        if (months[k]?.endsBefore !== months[k + 1]?.startsOn) {
          throw new Error(
            `start ${start}: month ${k + 1} ends before ${months[k]?.endsBefore}, month ${k + 2} starts ${months[k + 1]?.startsOn}`,
          );
        }
      }
      expect(months[5]?.endsBefore).toBe(programmeEndsBefore(start, 6));
    }
  });

  it('starts every month on the start day of the month, or on the last day of a shorter month', () => {
    for (const start of starts) {
      const startDay = Number(start.slice(8, 10));
      for (const { startsOn } of programmeMonths(start, 7)) {
        const year = Number(startsOn.slice(0, 4));
        const month1 = Number(startsOn.slice(5, 7));
        const expectedDay = Math.min(startDay, daysInMonth(year, month1));
        if (Number(startsOn.slice(8, 10)) !== expectedDay)
          throw new Error(`start ${start}: a month starts on ${startsOn}`);
      }
    }
  });

  it('puts every date of the programme in exactly one month, and no date outside it in any', () => {
    // Month ends (28th to 31st) are where drift would hide; every 7th day samples the rest.
    const sample = starts.filter((s, i) => i % 7 === 0 || Number(s.slice(8, 10)) >= 28);
    for (const start of sample) {
      const months = programmeMonths(start, 6);
      const end = programmeEndsBefore(start, 6);
      let days = 0;
      for (let date = start; date < end; date = daysFrom(date, 1)) {
        const containing = months.filter((m) => m.startsOn <= date && date < m.endsBefore).map((m) => m.month);
        if (containing.length !== 1) throw new Error(`start ${start}: ${date} is in months [${containing.join(', ')}]`);
        days++;
      }
      if (days < 181 || days > 184) throw new Error(`start ${start}: the programme lasts ${days} days`);
    }
  });

  it('agrees with monthOfDate on the first and last day of every month and just outside the programme', () => {
    const sample = starts.filter((s, i) => i % 29 === 0 || Number(s.slice(8, 10)) >= 29);
    for (const start of sample) {
      for (const { month, startsOn, endsBefore } of programmeMonths(start, 6)) {
        const lastDay = daysFrom(endsBefore, -1);
        if (monthOfDate(start, 6, startsOn) !== month || monthOfDate(start, 6, lastDay) !== month) {
          throw new Error(`start ${start}: month ${month} [${startsOn}, ${endsBefore}) disagrees with monthOfDate`);
        }
      }
      expect(monthOfDate(start, 6, daysFrom(start, -1))).toBeNull();
      expect(monthOfDate(start, 6, programmeEndsBefore(start, 6))).toBeNull();
    }
  });
});

describe('adding calendar days', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-01'], // month boundary
    ['2026-10-01', -1, '2026-09-30'],
    ['2026-12-31', 1, '2027-01-01'], // year boundary
    ['2028-02-28', 1, '2028-02-29'], // leap day
    ['2027-02-28', 1, '2027-03-01'], // no leap day
    ['2026-09-01', 0, '2026-09-01'],
    ['2026-09-01', 182, '2027-03-02'],
    // British Summer Time starts on Sun 29 Mar 2026 and ends on Sun 25 Oct 2026: a day is still one day
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-03-30', -1, '2026-03-29'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-10-26', -1, '2026-10-25'],
    ['2026-10-19', 7, '2026-10-26'],
  ])('%s + %p days is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-9-1', ''])('rejects %p', (date) => {
    expect(() => addCalendarDays(date, 1)).toThrow(RangeError);
  });
});

describe('ISO weeks between two dates', () => {
  it('puts Mon 28 Sep to Sun 4 Oct 2026 in one week although it spans a month boundary', () => {
    expect(isoWeeksBetween('2026-09-28', '2026-10-05')).toEqual(['2026-W40']);
    expect(isoWeekOf('2026-09-30')).toBe(isoWeekOf('2026-10-02'));
  });

  it('starts with the partial week a Tuesday cohort start falls in', () => {
    expect(isoWeeksBetween('2026-09-01', '2026-09-15')).toEqual(['2026-W36', '2026-W37', '2026-W38']);
  });

  it('excludes the end date', () => {
    expect(isoWeeksBetween('2026-09-28', '2026-10-04')).toEqual(['2026-W40']);
    expect(isoWeeksBetween('2026-09-28', '2026-10-06')).toEqual(['2026-W40', '2026-W41']);
  });

  it('is empty when the range is empty or reversed', () => {
    expect(isoWeeksBetween('2026-09-01', '2026-09-01')).toEqual([]);
    expect(isoWeeksBetween('2026-09-02', '2026-09-01')).toEqual([]);
  });

  it('changes week between the Sunday and the Monday around the end of British Summer Time (25 Oct 2026)', () => {
    expect(isoWeekOf('2026-10-25')).toBe('2026-W43');
    expect(isoWeekOf('2026-10-26')).toBe('2026-W44');
    expect(isoWeeksBetween('2026-10-24', '2026-10-28')).toEqual(['2026-W43', '2026-W44']);
  });

  it('changes week between the Sunday and the Monday around the start of British Summer Time (29 Mar 2026)', () => {
    expect(isoWeekOf('2026-03-29')).toBe('2026-W13');
    expect(isoWeekOf('2026-03-30')).toBe('2026-W14');
    expect(isoWeeksBetween('2026-03-23', '2026-04-06')).toEqual(['2026-W13', '2026-W14']);
  });

  it('crosses a year with 53 ISO weeks', () => {
    expect(isoWeeksBetween('2026-12-21', '2027-01-12')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('covers the 26 weeks of a programme from Tue 1 Sep 2026 to Sun 28 Feb 2027', () => {
    const weeks = isoWeeksBetween('2026-09-01', '2027-03-01');
    expect(weeks).toHaveLength(26);
    expect(weeks[0]).toBe('2026-W36');
    expect(weeks.at(-1)).toBe('2027-W08');
    expect(new Set(weeks).size).toBe(26);
  });
});

describe('the last ISO weeks up to today', () => {
  it.each([
    ['2026-11-25', 2, ['2026-W47', '2026-W48']], // a Wednesday
    ['2026-11-23', 2, ['2026-W47', '2026-W48']], // the Monday of the same week
    ['2026-11-29', 2, ['2026-W47', '2026-W48']], // the Sunday of the same week
    ['2026-11-30', 2, ['2026-W48', '2026-W49']], // the next Monday
    ['2026-11-25', 1, ['2026-W48']],
    ['2026-11-25', 4, ['2026-W45', '2026-W46', '2026-W47', '2026-W48']],
    ['2026-10-25', 2, ['2026-W42', '2026-W43']], // Sunday the clocks go back
    ['2026-10-26', 2, ['2026-W43', '2026-W44']], // the Monday after
    ['2026-03-29', 2, ['2026-W12', '2026-W13']], // Sunday the clocks go forward
    ['2026-03-30', 2, ['2026-W13', '2026-W14']],
    ['2027-01-01', 3, ['2026-W51', '2026-W52', '2026-W53']],
    ['2027-01-04', 2, ['2026-W53', '2027-W01']],
  ])('on %s the last %p weeks are %p', (today, count, weeks) => {
    expect(lastIsoWeeks(today, count)).toEqual(weeks);
  });

  it('gives no weeks for a count of 0', () => {
    expect(lastIsoWeeks('2026-11-25', 0)).toEqual([]);
  });

  // 2026 holds both British Summer Time changes and ends in a 53rd ISO week.
  it('ends with the week of today and gives `count` distinct weeks for every day of 2026 and early 2027', () => {
    for (let day = '2026-01-01'; day < '2027-01-15'; day = daysFrom(day, 1)) {
      const weeks = lastIsoWeeks(day, 3);
      if (weeks.length !== 3 || new Set(weeks).size !== 3 || weeks[2] !== isoWeekOf(day)) {
        throw new Error(`${day}: ${weeks.join(', ')}`);
      }
      // The oldest week holds the day two weeks back; weeks are in order.
      if (weeks[0] !== isoWeekOf(daysFrom(day, -14)) || [...weeks].sort().join() !== weeks.join()) {
        throw new Error(`${day}: ${weeks.join(', ')}`);
      }
    }
  });
});

describe('day and week arithmetic does not depend on the server time zone', () => {
  const zones = ['Europe/London', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];
  const original = process.env['TZ'];
  afterEach(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  it.each(zones)('gives the same answers with TZ=%s', (zone) => {
    process.env['TZ'] = zone;
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(isoWeekOf('2026-10-25')).toBe('2026-W43');
    expect(isoWeekOf('2026-10-26')).toBe('2026-W44');
    expect(isoWeeksBetween('2026-03-28', '2026-04-01')).toEqual(['2026-W13', '2026-W14']);
    expect(lastIsoWeeks('2026-10-26', 2)).toEqual(['2026-W43', '2026-W44']);
    expect(isoWeeksBetween('2026-09-01', '2027-03-01')).toHaveLength(26);
  });
});

describe('day numbers in whole numbers agree with Date, the calendar they replaced', () => {
  const DAY = 86_400_000;
  // Date's own reading, the former implementation: a regular expression, Date.UTC and a check of the parts.
  const dateDayNumber = (text: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return 'format';
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const value = new Date(Date.UTC(y, m - 1, d));
    if (value.getUTCFullYear() !== y || value.getUTCMonth() !== m - 1 || value.getUTCDate() !== d) return 'invalid';
    return value.getTime() / DAY;
  };
  const outcome = (text: string) => {
    try {
      return dayNumber(text);
    } catch (error) {
      return (error as Error).message.includes('YYYY-MM-DD') ? 'format' : 'invalid';
    }
  };
  // Every day from the year 100 to 9999.
  const dayArb = fc.integer({ min: Date.UTC(100, 0, 1) / DAY, max: Date.UTC(9999, 11, 31) / DAY });

  it('reads and writes every date from the year 100 to 9999 as Date does', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const text = new Date(day * DAY).toISOString().slice(0, 10);
        expect(dayNumber(text)).toBe(day);
        expect(dateOfDayNumber(day)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses what Date refuses, with the same error: days past the month end, February 29th of common years, month 13, years before 100', () => {
    const digits = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${digits(y, 4)}-${digits(m, 2)}-${digits(d, 2)}`;
          expect(outcome(text)).toBe(dateDayNumber(text));
        },
      ),
      { numRuns: 5000 },
    );
    for (const text of [
      '2026-1-01',
      '2026-01-1',
      '2026/01/01',
      ' 2026-01-01',
      '2026-01-01 ',
      '２０２６-01-01',
      '',
      '2026-0a-01',
    ])
      expect(outcome(text)).toBe('format');
    for (const text of ['2026-02-29', '2024-02-30', '1900-02-29', '2026-04-31', '0099-01-01'])
      expect(outcome(text)).toBe('invalid');
    expect(dayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / DAY);
  });

  it('adds calendar months as Date counts them, the day kept or else the shorter month\u2019s last', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2200, 11, 31) / DAY }),
        fc.integer({ min: -240, max: 240 }),
        (day, months) => {
          const text = new Date(day * DAY).toISOString().slice(0, 10);
          const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
          const noon = new Date(y, m - 1, d, 12);
          const reference = format(new Date(noon.getFullYear(), noon.getMonth() + months, 1, 12), 'yyyy-MM');
          const lastDay = new Date(noon.getFullYear(), noon.getMonth() + months + 1, 0, 12).getDate();
          expect(addCalendarMonths(text, months)).toBe(`${reference}-${String(Math.min(d, lastDay)).padStart(2, '0')}`);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
