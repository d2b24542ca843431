import { describe, expect, it } from '@jest/globals';
import {
  distributionText,
  outcomeChangeText,
  outcomeValueText,
  percentOf,
  readReportQuery,
  reportQueryString,
  shareText,
  stackedSegments,
} from './report';

const COHORT = '6f1c2a9e-3b7d-4e21-9f0a-1c2d3e4f5a6b';

describe('the report’s filters', () => {
  it('reads the address, dropping what the API would refuse', () => {
    const params = new URLSearchParams(`cohortId=${COHORT}&pcnId=nope&from=2026-04-01&to=soon`);
    expect(readReportQuery(params)).toEqual({ cohortId: COHORT, from: '2026-04-01' });
  });

  it('writes them back in a fixed order, with the export format', () => {
    expect(reportQueryString({ from: '2026-04-01', cohortId: COHORT })).toBe(`?cohortId=${COHORT}&from=2026-04-01`);
    expect(reportQueryString({}, 'xlsx')).toBe('?format=xlsx');
    expect(reportQueryString({})).toBe('');
  });
});

describe('the charts', () => {
  it('gives shares as whole per cents, with the numbers in words', () => {
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(1, 0)).toBe(0);
    expect(shareText(4, 5)).toBe('4 of 5 (80%)');
    expect(shareText(0, 0)).toBe('0 of 0');
  });

  it('stacks a statement’s answers from strongly disagree to strongly agree', () => {
    const distribution = { strongly_disagree: 0, disagree: 1, neither: 0, agree: 2, strongly_agree: 2 };
    const segments = stackedSegments(distribution);
    expect(segments.map((s) => s.level)).toEqual([
      'strongly_disagree',
      'disagree',
      'neither',
      'agree',
      'strongly_agree',
    ]);
    expect(segments.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(100);
    expect(distributionText(distribution)).toBe('Strongly agree 2, Agree 2, Disagree 1');
  });
});

describe('outcome baseline and change, as words', () => {
  it('writes counts with their unit and change, shares in per cent and points', () => {
    expect(outcomeValueText({ kind: 'count', unit: 'reviews' }, 33)).toBe('33 reviews');
    expect(outcomeValueText({ kind: 'share', unit: '%' }, 80)).toBe('80%');
    expect(outcomeValueText({ kind: 'count', unit: 'reviews' }, null)).toBe('not recorded');
    expect(outcomeChangeText({ kind: 'count', change: 6, changePercent: 18 })).toBe('+6 (+18%)');
    expect(outcomeChangeText({ kind: 'count', change: -2, changePercent: null })).toBe('\u22122');
    expect(outcomeChangeText({ kind: 'share', change: 10, changePercent: null })).toBe('+10 percentage points');
    expect(outcomeChangeText({ kind: 'count', change: null, changePercent: null })).toBe('not yet (one recording)');
  });
});
