import { DEFAULT_TEMPLATE } from './default-template';
import { londonDate } from './months';
import {
  releaseKindOfSession,
  capStanding,
  checkCap,
  confirmedReleaseMinutes,
  hours,
  type ReleaseEntry,
  type ReleaseKind,
  type ReleaseRules,
  releaseRules,
  type ReleaseStatus,
  programmeChartWeeks,
  studyWeeks,
} from './release-time';
import type { ExpectationMeasure, ProgrammeTemplate } from './template';

const entry = (
  kind: ReleaseKind,
  date: string,
  minutes: number,
  status: ReleaseStatus = 'confirmed',
): ReleaseEntry => ({ kind, date, minutes, status });

function defaultRules(): ReleaseRules {
  const rules = releaseRules(DEFAULT_TEMPLATE);
  if (!rules) throw new Error('the default template sets release rules');
  return rules;
}

/** A copy of the default template with one expectation's measure changed: templates are data. */
function withMeasure<T extends ExpectationMeasure['type']>(
  type: T,
  change: (measure: Extract<ExpectationMeasure, { type: T }>) => void,
): ProgrammeTemplate {
  const template = structuredClone(DEFAULT_TEMPLATE);
  const expectation = template.expectations.find((e) => e.measure.type === type);
  if (!expectation) throw new Error(`no ${type} expectation`);
  change(expectation.measure as Extract<ExpectationMeasure, { type: T }>);
  return template;
}

/** Confirmed session and training release adding up to `minutes`, in sessions of at most 60 minutes. */
function confirmedRelease(minutes: number): ReleaseEntry[] {
  const entries: ReleaseEntry[] = [];
  for (let left = minutes, i = 0; left > 0; left -= 60, i++) {
    entries.push(entry(i % 2 ? 'training' : 'session', '2026-10-01', Math.min(60, left)));
  }
  return entries;
}

describe('release rules come from the template', () => {
  it('reads 1–2 hours a week and 5 days of 7.5 hours (2,250 minutes) from the default template', () => {
    expect(releaseRules(DEFAULT_TEMPLATE)).toEqual({
      weeklyStudyMinutes: { min: 60, max: 120 },
      totalReleaseMinutes: 2250,
      hoursPerDay: 7.5,
    });
  });

  it('follows the template when the Alliance changes the days, the day length and the weekly hours', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    for (const { measure } of template.expectations) {
      if (measure.type === 'total_release') {
        measure.maxDays = 4;
        measure.hoursPerDay = 7;
      }
      if (measure.type === 'weekly_release') {
        measure.minHours = 1.5;
        measure.maxHours = 3;
      }
    }
    expect(releaseRules(template)).toEqual({
      weeklyStudyMinutes: { min: 90, max: 180 },
      totalReleaseMinutes: 4 * 7 * 60,
      hoursPerDay: 7,
    });
    // The default template itself is untouched.
    expect(releaseRules(DEFAULT_TEMPLATE)?.totalReleaseMinutes).toBe(2250);
  });

  it('keeps whole minutes for fractional hours', () => {
    const template = withMeasure('weekly_release', (m) => {
      m.minHours = 0.75;
    });
    expect(releaseRules(template)?.weeklyStudyMinutes.min).toBe(45);
  });

  it('needs only the expectations of a template', () => {
    expect(releaseRules({ expectations: DEFAULT_TEMPLATE.expectations })?.totalReleaseMinutes).toBe(2250);
  });

  it('gives null for a template without release expectations', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.expectations = template.expectations.filter(
      (e) => e.measure.type !== 'weekly_release' && e.measure.type !== 'total_release',
    );
    expect(releaseRules(template)).toBeNull();
    expect(releaseRules({ expectations: [] })).toBeNull();
  });

  it('sets no cap when the template sets only weekly study time', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.expectations = template.expectations.filter((e) => e.measure.type !== 'total_release');
    const rules = releaseRules(template);
    expect(rules).toEqual({
      weeklyStudyMinutes: { min: 60, max: 120 },
      totalReleaseMinutes: Number.POSITIVE_INFINITY,
      hoursPerDay: 7.5,
    });
    expect(checkCap(confirmedRelease(100_000), entry('session', '2026-10-01', 60), rules!)).toEqual({
      withinCap: true,
      afterMinutes: 100_060,
    });
  });

  it('sets no weekly minimum when the template sets only the cap', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.expectations = template.expectations.filter((e) => e.measure.type !== 'weekly_release');
    const rules = releaseRules(template)!;
    expect(rules.totalReleaseMinutes).toBe(2250);
    expect(rules.weeklyStudyMinutes.min).toBe(0);
    expect(studyWeeks([], ['2026-W40'], rules)[0]?.state).toBe('within');
  });
});

describe('confirmed release for supervisions and training', () => {
  it('adds up confirmed session and training entries', () => {
    expect(confirmedReleaseMinutes([entry('session', '2026-09-10', 60), entry('training', '2026-09-20', 450)])).toBe(
      510,
    );
  });

  it('never counts study time', () => {
    expect(confirmedReleaseMinutes([entry('session', '2026-09-10', 60), entry('study', '2026-09-10', 120)])).toBe(60);
  });

  it.each<ReleaseStatus>(['pending', 'declined', 'withdrawn'])('does not count %s entries', (status) => {
    expect(
      confirmedReleaseMinutes([entry('session', '2026-09-10', 60), entry('training', '2026-09-11', 90, status)]),
    ).toBe(60);
  });

  it('is 0 with no entries', () => {
    expect(confirmedReleaseMinutes([])).toBe(0);
  });

  it('leaves out the entry it is told to', () => {
    const moving = entry('session', '2026-09-10', 60);
    expect(confirmedReleaseMinutes([moving, entry('training', '2026-09-11', 90)], moving)).toBe(90);
  });

  it('leaves out only that entry, not an equal-looking one', () => {
    const a = entry('session', '2026-09-10', 60);
    const b = entry('session', '2026-09-10', 60);
    expect(confirmedReleaseMinutes([a, b], a)).toBe(60);
  });
});

describe('the cap on release for supervisions and training', () => {
  const rules = defaultRules();

  it('allows exactly 37.5 hours (2,250 minutes)', () => {
    const result = checkCap(confirmedRelease(2190), entry('session', '2026-11-02', 60), rules);
    expect(result).toEqual({ withinCap: true, afterMinutes: 2250 });
    expect(result).not.toHaveProperty('reason');
  });

  it('refuses 37.6 hours (2,256 minutes) with a reason naming the hours and days', () => {
    const result = checkCap(confirmedRelease(2190), entry('training', '2026-11-02', 66), rules);
    expect(result).toEqual({
      withinCap: false,
      afterMinutes: 2256,
      reason:
        'Confirming this would take release for supervisions and training to 37.6 hours, ' +
        'past the 37.5 hours (5 days) agreed; give a reason to go over',
    });
  });

  it('refuses a single minute over', () => {
    expect(checkCap(confirmedRelease(2250), entry('session', '2026-11-02', 1), rules).withinCap).toBe(false);
  });

  it('refuses a session that alone is longer than the cap', () => {
    const result = checkCap([], entry('training', '2026-11-02', 2251), rules);
    expect(result.withinCap).toBe(false);
  });

  it('names the template’s own hours and days in the reason', () => {
    const shorter = releaseRules(
      withMeasure('total_release', (m) => {
        m.maxDays = 4;
        m.hoursPerDay = 7;
      }),
    )!;
    const result = checkCap(confirmedRelease(1650), entry('session', '2026-11-02', 45), shorter);
    expect(result.withinCap).toBe(false);
    expect(result.afterMinutes).toBe(1695);
    if (!result.withinCap) {
      expect(result.reason).toContain('to 28.25 hours');
      expect(result.reason).toContain('past the 28 hours (4 days) agreed');
    }
  });

  it('names whole days without floating-point noise for any day length (6 days of 7.4 hours)', () => {
    const odd = releaseRules(
      withMeasure('total_release', (m) => {
        m.maxDays = 6;
        m.hoursPerDay = 7.4;
      }),
    )!;
    expect(odd.totalReleaseMinutes).toBe(2664);
    const result = checkCap(confirmedRelease(2664), entry('session', '2026-11-02', 30), odd);
    expect(result.withinCap).toBe(false);
    if (!result.withinCap) expect(result.reason).toContain('past the 44.4 hours (6 days) agreed');
  });

  it('does not count the session being moved against itself', () => {
    // 2,200 minutes confirmed, including the 60-minute session being moved to 90 minutes.
    const others = confirmedRelease(2140);
    const moving = entry('session', '2026-11-02', 60);
    const entries = [...others, moving];
    expect(confirmedReleaseMinutes(entries)).toBe(2200);
    // Checked as it stands, it is counted once, not twice.
    expect(checkCap(entries, moving, rules)).toEqual({ withinCap: true, afterMinutes: 2200 });
    // Moved to 90 minutes in place: 2,140 + 90 = 2,230.
    moving.minutes = 90;
    expect(checkCap(entries, moving, rules)).toEqual({ withinCap: true, afterMinutes: 2230 });
  });

  it('recognises a moved copy of a stored entry by its id', () => {
    type Row = ReleaseEntry & { id: string };
    const others: Row[] = confirmedRelease(2140).map((e, i) => ({ ...e, id: `r${i}` }));
    const stored: Row = { id: 'moving', ...entry('session', '2026-11-02', 60) };
    const entries = [...others, stored];
    const moved: Row = { ...stored, date: '2026-11-09', minutes: 90 };
    expect(checkCap(entries, moved, rules)).toEqual({ withinCap: true, afterMinutes: 2230 });
    // Moved to 111 minutes it would be over: 2,140 + 111 = 2,251.
    expect(checkCap(entries, { ...stored, minutes: 111 }, rules).withinCap).toBe(false);
  });

  it('still counts other entries without an id', () => {
    const entries = [...confirmedRelease(2200)];
    const fresh = entry('session', '2026-11-02', 60);
    expect(checkCap(entries, fresh, rules)).toEqual(expect.objectContaining({ withinCap: false, afterMinutes: 2260 }));
  });

  it('counts a pending entry being confirmed once', () => {
    const pending = entry('training', '2026-11-02', 60, 'pending');
    const entries = [...confirmedRelease(2190), pending];
    expect(checkCap(entries, pending, rules)).toEqual({ withinCap: true, afterMinutes: 2250 });
  });

  it('does not count study time towards the cap', () => {
    const entries = [...confirmedRelease(2190), entry('study', '2026-11-02', 120), entry('study', '2026-11-09', 90)];
    expect(checkCap(entries, entry('session', '2026-11-16', 60), rules)).toEqual({
      withinCap: true,
      afterMinutes: 2250,
    });
  });

  it.each<ReleaseStatus>(['pending', 'declined', 'withdrawn'])('does not count %s release', (status) => {
    const entries = [...confirmedRelease(2190), entry('training', '2026-11-02', 450, status)];
    expect(checkCap(entries, entry('session', '2026-11-16', 60), rules)).toEqual({
      withinCap: true,
      afterMinutes: 2250,
    });
  });

  it('always lets study time be confirmed, even past the cap, and reports the release so far', () => {
    const entries = confirmedRelease(2300);
    expect(checkCap(entries, entry('study', '2026-11-02', 120), rules)).toEqual({
      withinCap: true,
      afterMinutes: 2300,
    });
  });
});

describe('hours as shown to people', () => {
  it.each([
    [2250, '37.5'],
    [2256, '37.6'],
    [60, '1'],
    [59, '0.98'],
    [20, '0.33'],
    [90, '1.5'],
    [0, '0'],
  ])('%p minutes is %s hours', (minutes, shown) => {
    expect(hours(minutes)).toBe(shown);
  });
});

describe('protected study time per ISO week', () => {
  const rules = defaultRules();
  const week = (entries: ReleaseEntry[], w = '2026-W40') => studyWeeks(entries, [w], rules)[0];

  it.each([
    [0, 'below'],
    [59, 'below'],
    [60, 'within'],
    [90, 'within'],
    [120, 'within'],
    [121, 'above'],
  ])('%p minutes in a week is %s the 1–2 hours', (minutes, state) => {
    const entries = minutes ? [entry('study', '2026-09-30', minutes)] : [];
    expect(week(entries)).toEqual({
      week: '2026-W40',
      confirmedMinutes: minutes,
      pendingMinutes: 0,
      declinedMinutes: 0,
      state,
    });
  });

  it('adds up entries on 30 Sep and 2 Oct 2026: Mon 28 Sep – Sun 4 Oct is one ISO week', () => {
    const entries = [entry('study', '2026-09-30', 30), entry('study', '2026-10-02', 30)];
    expect(week(entries)).toEqual({
      week: '2026-W40',
      confirmedMinutes: 60,
      pendingMinutes: 0,
      declinedMinutes: 0,
      state: 'within',
    });
    expect(studyWeeks(entries, ['2026-W39', '2026-W40', '2026-W41'], rules).map((w) => w.confirmedMinutes)).toEqual([
      0, 60, 0,
    ]);
  });

  it('counts Mon 28 Sep and Sun 4 Oct in the week, and not Sun 27 Sep or Mon 5 Oct', () => {
    const entries = [
      entry('study', '2026-09-27', 5),
      entry('study', '2026-09-28', 30),
      entry('study', '2026-10-04', 30),
      entry('study', '2026-10-05', 7),
    ];
    expect(studyWeeks(entries, ['2026-W39', '2026-W40', '2026-W41'], rules)).toEqual([
      { week: '2026-W39', confirmedMinutes: 5, pendingMinutes: 0, declinedMinutes: 0, state: 'below' },
      { week: '2026-W40', confirmedMinutes: 60, pendingMinutes: 0, declinedMinutes: 0, state: 'within' },
      { week: '2026-W41', confirmedMinutes: 7, pendingMinutes: 0, declinedMinutes: 0, state: 'below' },
    ]);
  });

  it('splits the Sunday the clocks go back (25 Oct 2026) from the Monday after', () => {
    const entries = [
      entry('study', '2026-10-24', 30),
      entry('study', '2026-10-25', 30),
      entry('study', '2026-10-26', 45),
    ];
    expect(studyWeeks(entries, ['2026-W43', '2026-W44'], rules)).toEqual([
      { week: '2026-W43', confirmedMinutes: 60, pendingMinutes: 0, declinedMinutes: 0, state: 'within' },
      { week: '2026-W44', confirmedMinutes: 45, pendingMinutes: 0, declinedMinutes: 0, state: 'below' },
    ]);
  });

  it('splits the Sunday the clocks go forward (29 Mar 2026) from the Monday after', () => {
    const entries = [entry('study', '2026-03-29', 60), entry('study', '2026-03-30', 121)];
    expect(studyWeeks(entries, ['2026-W13', '2026-W14'], rules).map((w) => [w.week, w.state])).toEqual([
      ['2026-W13', 'within'],
      ['2026-W14', 'above'],
    ]);
  });

  it('puts study at 00:30 BST on Monday 30 Mar 2026 (23:30 UTC on the Sunday) in the Monday’s week', () => {
    const date = londonDate(new Date('2026-03-29T23:30:00Z'));
    expect(date).toBe('2026-03-30');
    expect(week([entry('study', date, 60)], '2026-W14')?.state).toBe('within');
    expect(week([entry('study', date, 60)], '2026-W13')?.state).toBe('below');
  });

  it('puts study at 23:30 GMT on Sunday 25 Oct 2026 in the Sunday’s week', () => {
    const date = londonDate(new Date('2026-10-25T23:30:00Z'));
    expect(date).toBe('2026-10-25');
    expect(week([entry('study', date, 60)], '2026-W43')?.confirmedMinutes).toBe(60);
  });

  it('keeps 31 Dec 2026 and 2 Jan 2027 in the same week, 2026-W53', () => {
    const entries = [entry('study', '2026-12-31', 30), entry('study', '2027-01-02', 30)];
    expect(week(entries, '2026-W53')?.state).toBe('within');
    expect(week(entries, '2027-W01')?.confirmedMinutes).toBe(0);
  });

  it('shows pending minutes without counting them', () => {
    const entries = [entry('study', '2026-09-30', 30), entry('study', '2026-10-01', 60, 'pending')];
    expect(week(entries)).toEqual({
      week: '2026-W40',
      confirmedMinutes: 30,
      pendingMinutes: 60,
      declinedMinutes: 0,
      state: 'below',
    });
  });

  it('does not count declined or withdrawn study time, and shows what the PCN declined as its decision', () => {
    const entries = [
      entry('study', '2026-09-30', 30, 'declined'),
      entry('study', '2026-10-01', 60, 'withdrawn'),
      entry('study', '2026-10-02', 40),
    ];
    expect(week(entries)).toEqual({
      week: '2026-W40',
      confirmedMinutes: 40,
      pendingMinutes: 0,
      declinedMinutes: 30,
      state: 'below',
    });
  });

  it('counts only study entries, not release for sessions or training', () => {
    const entries = [
      entry('session', '2026-09-30', 60),
      entry('training', '2026-10-01', 450),
      entry('session', '2026-10-01', 60, 'pending'),
    ];
    expect(week(entries)).toEqual({
      week: '2026-W40',
      confirmedMinutes: 0,
      pendingMinutes: 0,
      declinedMinutes: 0,
      state: 'below',
    });
  });

  it('gives the weeks asked for, in the order asked, including empty ones', () => {
    const entries = [entry('study', '2026-09-08', 60), entry('study', '2026-09-22', 60)];
    expect(studyWeeks(entries, ['2026-W37', '2026-W38', '2026-W39'], rules).map((w) => w.state)).toEqual([
      'within',
      'below',
      'within',
    ]);
    expect(studyWeeks(entries, [], rules)).toEqual([]);
  });

  it('judges weeks against the template’s range', () => {
    const stricter = releaseRules(
      withMeasure('weekly_release', (m) => {
        m.minHours = 1.5;
        m.maxHours = 3;
      }),
    )!;
    expect(studyWeeks([entry('study', '2026-09-30', 60)], ['2026-W40'], stricter)[0]?.state).toBe('below');
    expect(studyWeeks([entry('study', '2026-09-30', 90)], ['2026-W40'], stricter)[0]?.state).toBe('within');
    expect(studyWeeks([entry('study', '2026-09-30', 180)], ['2026-W40'], stricter)[0]?.state).toBe('within');
    expect(studyWeeks([entry('study', '2026-09-30', 181)], ['2026-W40'], stricter)[0]?.state).toBe('above');
  });
});

describe('the weeks the study-time chart judges', () => {
  // 1 Sep 2026 is a Tuesday in ISO week 36; the six-month programme ends before 1 Mar 2027 (a Monday, week 9).
  const start = '2026-09-01';

  it('shows no week before the cohort starts', () => {
    expect(programmeChartWeeks(start, 6, '2026-08-20', 8)).toEqual([]);
  });

  it('starts at the programme’s first week, the current one included, at most `count` weeks', () => {
    expect(programmeChartWeeks(start, 6, '2026-09-15', 8)).toEqual(['2026-W36', '2026-W37', '2026-W38']);
    expect(programmeChartWeeks(start, 6, '2026-12-01', 8)).toHaveLength(8);
    expect(programmeChartWeeks(start, 6, '2026-12-01', 8).at(-1)).toBe('2026-W49');
  });

  it('stops at the programme’s last week long after it ends', () => {
    const weeks = programmeChartWeeks(start, 6, '2027-06-01', 8);
    expect(weeks.at(-1)).toBe('2027-W08');
    expect(weeks).toHaveLength(8);
  });
});

describe('where the PCN stands against the cap', () => {
  const rules = { totalReleaseMinutes: 2250 };

  it('is over with a reason when a confirmation past the cap gave one', () => {
    const entries = [
      entry('training', '2026-10-01', 2190),
      { ...entry('session', '2026-10-02', 90), overrideReason: 'Agreed' },
    ];
    expect(capStanding(entries, rules)).toEqual({
      usedMinutes: 2280,
      capMinutes: 2250,
      over: true,
      overWithReason: true,
      declinedCount: 0,
    });
  });

  it('is over without a reason when none was recorded, and counts declined release (never study time)', () => {
    const entries = [
      entry('training', '2026-10-01', 2300),
      { ...entry('session', '2026-10-02', 60, 'confirmed'), overrideReason: '  ' },
      entry('session', '2026-10-03', 60, 'declined'),
      entry('study', '2026-10-03', 60, 'declined'),
    ];
    expect(capStanding(entries, rules)).toMatchObject({ over: true, overWithReason: false, declinedCount: 1 });
  });

  it('is not over at the cap', () => {
    expect(capStanding([entry('training', '2026-10-01', 2250)], rules)).toMatchObject({
      over: false,
      overWithReason: false,
    });
  });
});

describe('the release a session gives its attendees', () => {
  it('is training for group teaching and the conference, a session for every supervision', () => {
    expect(releaseKindOfSession('teaching')).toBe('training');
    expect(releaseKindOfSession('conference')).toBe('training');
    for (const kind of ['individual', 'group', 'joint', 'tna', 'handover'] as const)
      expect(releaseKindOfSession(kind)).toBe('session');
  });
});
