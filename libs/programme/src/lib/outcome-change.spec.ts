import { GM_TEMPLATE } from './gm-template';
import { median, outcomeChanges, type OutcomeRecording } from './outcome-change';

const rec = (enrolmentId: string, measureId: string, month: number, count: number): OutcomeRecording => ({
  enrolmentId,
  measureId,
  month,
  count,
});
const row = (changes: ReturnType<typeof outcomeChanges>, id: string) => changes.find((c) => c.measureId === id)!;

describe('outcomes as the GM pilot reported them: baseline and change', () => {
  it('takes each CCC’s first recording as the baseline and the latest minus it as the change', () => {
    const changes = outcomeChanges(GM_TEMPLATE.outcomeMeasures, [
      rec('a', 'ccr-completed', 2, 10),
      rec('a', 'ccr-completed', 1, 8),
      rec('a', 'ccr-completed', 5, 13),
      rec('b', 'ccr-completed', 3, 20),
      rec('b', 'ccr-completed', 6, 21),
      rec('c', 'ccr-completed', 4, 5), // one recording: a baseline, no change yet
    ]);
    const ccr = row(changes, 'ccr-completed');
    expect(ccr.perCcc.find((c) => c.enrolmentId === 'a')).toEqual({
      enrolmentId: 'a',
      baselineMonth: 1,
      latestMonth: 5,
      baseline: 8,
      latest: 13,
      change: 5,
    });
    expect(ccr.perCcc.find((c) => c.enrolmentId === 'c')!.change).toBeNull();
    // Cohort: totals of baselines (8+20+5) and of the latest (13+21+5), the change and as a % of the baseline.
    expect(ccr).toMatchObject({ cccs: 3, baseline: 33, latest: 39, change: 6, changePercent: 18 });
    expect(ccr).toMatchObject({ medianBaseline: 8, medianChange: 3, overall: 77, overallOf: null, kind: 'count' });
  });

  it('has no baseline or change for a measure nobody recorded, and no change until someone recorded twice', () => {
    const changes = outcomeChanges(GM_TEMPLATE.outcomeMeasures, [rec('a', 'spl-referrals', 2, 4)]);
    expect(row(changes, 'ccr-completed')).toMatchObject({ cccs: 0, baseline: null, change: null, overall: null });
    expect(row(changes, 'spl-referrals')).toMatchObject({ cccs: 1, baseline: 4, latest: 4, change: null });
    expect(row(changes, 'spl-referrals').changePercent).toBeNull();
  });

  it('reports the shares of reviews audited, pooled, with the change in percentage points, as the poster does', () => {
    const changes = outcomeChanges(GM_TEMPLATE.outcomeMeasures, [
      rec('a', 'ccr-audited', 1, 10),
      rec('a', 'ccr-standalone', 1, 7),
      rec('a', 'ccr-audited', 4, 10),
      rec('a', 'ccr-standalone', 4, 9),
      rec('b', 'ccr-audited', 2, 10),
      rec('b', 'ccr-standalone', 2, 9),
      rec('b', 'ccr-macmillan-template', 2, 10),
      // A month with nothing audited has no share.
      rec('b', 'ccr-audited', 3, 0),
      rec('b', 'ccr-standalone', 3, 2),
    ]);
    const standalone = row(changes, 'ccr-standalone-share');
    // Baseline 7+9 of 10+10, latest 9+9 of 10+10; over every month 25 of 30.
    expect(standalone).toMatchObject({ kind: 'share', unit: '%', cccs: 2, baseline: 80, latest: 90, change: 10 });
    expect(standalone).toMatchObject({ overall: 83, overallOf: 30, medianBaseline: 80, medianChange: 20 });
    expect(standalone.perCcc.find((c) => c.enrolmentId === 'b')).toMatchObject({ baseline: 90, change: null });
    const template = row(changes, 'ccr-template-share');
    expect(template).toMatchObject({ baseline: 50, latest: 50, overall: 33, overallOf: 30 });
    // The shares come after the counts, only where the template records both measures.
    expect(changes.map((c) => c.measureId).slice(-2)).toEqual(['ccr-standalone-share', 'ccr-template-share']);
    expect(
      outcomeChanges([{ id: 'ccr-completed', label: 'CCRs', unit: 'reviews' }], []).map((c) => c.measureId),
    ).toEqual(['ccr-completed']);
  });

  it('never counts more standalone reviews than were audited that month', () => {
    const changes = outcomeChanges(GM_TEMPLATE.outcomeMeasures, [
      rec('a', 'ccr-audited', 1, 4),
      rec('a', 'ccr-standalone', 1, 9),
    ]);
    expect(row(changes, 'ccr-standalone-share').baseline).toBe(100);
  });

  it('takes the median of an even number as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
