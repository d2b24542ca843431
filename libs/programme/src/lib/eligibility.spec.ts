import { DEFAULT_TEMPLATE } from './default-template';
import { checkEligibility, type Eligibility, supervisionWindow } from './eligibility';
import type { Track } from './template';

const cohortStart = '2023-04-01'; // the seed's April 2023 cohort, ends before 2023-10-01

function check(track: Track, employmentStart: string, start = cohortStart): Eligibility {
  return checkEligibility({ track, employmentStart, cohortStart: start, template: DEFAULT_TEMPLATE });
}

function reasonOf(result: Eligibility): string {
  if (result.eligible) throw new Error('expected the CCC to be refused');
  return result.reason;
}

describe('the supervision track: newly employed CCCs', () => {
  it('takes a CCC employed exactly 4 months before the cohort starts', () => {
    expect(check('supervision', '2022-12-01')).toEqual({ eligible: true });
  });

  it('refuses a CCC employed one day earlier, naming the window and pointing to the training track', () => {
    const reason = reasonOf(check('supervision', '2022-11-30'));
    expect(reason).toContain('from 2022-12-01 to 2023-04-30');
    expect(reason).toContain('2022-11-30');
    expect(reason).toMatch(/4 months/);
    expect(reason).toMatch(/training track/);
  });

  it('takes a CCC starting on the cohort start date or by the end of its first month', () => {
    expect(check('supervision', '2023-04-01')).toEqual({ eligible: true });
    expect(check('supervision', '2023-04-30')).toEqual({ eligible: true });
  });

  it('refuses a CCC whose employment starts after the first month (month 2 or month 6), naming the dates', () => {
    const reason = reasonOf(check('supervision', '2023-05-01'));
    expect(reason).toContain('from 2022-12-01 to 2023-04-30');
    expect(reason).toContain('2023-05-01');
    expect(reasonOf(check('supervision', '2023-09-15'))).toContain('2023-09-15');
    // The training track still takes them.
    expect(check('training', '2023-09-15')).toEqual({ eligible: true });
  });

  it('reads how long after the start from the template, and the seed default where a stored version has none', () => {
    const three = { ...DEFAULT_TEMPLATE, supervisionEligibilityMonthsAfter: 3 };
    const go = (template: typeof DEFAULT_TEMPLATE, employmentStart: string) =>
      checkEligibility({ track: 'supervision', employmentStart, cohortStart, template });
    expect(go(three, '2023-06-30')).toEqual({ eligible: true });
    expect(reasonOf(go(three, '2023-07-01'))).toContain('to 2023-06-30');
    const { supervisionEligibilityMonthsAfter: _omitted, ...older } = DEFAULT_TEMPLATE;
    expect(go(older, '2023-04-30')).toEqual({ eligible: true });
    expect(go(older, '2023-05-01').eligible).toBe(false);
    expect(supervisionWindow(cohortStart, DEFAULT_TEMPLATE)).toEqual({
      earliest: '2022-12-01',
      endsBefore: '2023-05-01',
    });
  });

  it('counts the 4 months back in calendar months from an end-of-month cohort start', () => {
    // 30 June less 4 months is 28 February (2023 is not a leap year).
    expect(check('supervision', '2023-02-28', '2023-06-30')).toEqual({ eligible: true });
    expect(check('supervision', '2023-02-27', '2023-06-30').eligible).toBe(false);
  });

  it('follows the template: with 2 eligibility months a CCC employed 3 months before is refused', () => {
    const template = { ...DEFAULT_TEMPLATE, supervisionEligibilityMonths: 2 };
    const result = checkEligibility({ track: 'supervision', employmentStart: '2023-01-01', cohortStart, template });
    expect(reasonOf(result)).toContain('2023-02-01');
  });
});

describe('the training track: any CCC in post', () => {
  it('takes a CCC employed years ago', () => {
    expect(check('training', '2015-06-15')).toEqual({ eligible: true });
  });

  it('takes a CCC starting during the programme', () => {
    expect(check('training', '2023-07-10')).toEqual({ eligible: true });
  });
});

describe('a CCC starting after the programme ends', () => {
  it.each(['supervision', 'training'] as const)(
    'is refused on the %s track, from the day the programme ends',
    (track) => {
      const reason = reasonOf(check(track, '2023-10-01'));
      expect(reason).toContain('2023-10-01');
      expect(reason).toMatch(/after the programme ends/);
      expect(check(track, '2024-01-01').eligible).toBe(false);
    },
  );

  it('is still taken when starting on the last day of the programme', () => {
    expect(check('training', '2023-09-30')).toEqual({ eligible: true });
  });
});

describe('malformed dates', () => {
  it.each(['2023-4-1', '2023-02-30', '01/04/2023'])(
    'rejects the employment start %p instead of comparing it as text',
    (employmentStart) => {
      expect(() => check('supervision', employmentStart)).toThrow(RangeError);
      expect(() => check('training', employmentStart)).toThrow(RangeError);
    },
  );

  it('rejects a malformed cohort start', () => {
    expect(() => check('training', '2023-04-01', '2023-04-31')).toThrow(RangeError);
  });
});
