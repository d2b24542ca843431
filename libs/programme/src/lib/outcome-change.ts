import type { OutcomeMeasure } from './template';

/*
 * Outcomes as the Greater Manchester pilot reported them (its poster: Cancer Care Reviews up 17% since the CCCs
 * started; of 279 reviews audited, 90% booked as a standalone appointment and 98% on a structured template): each
 * measure's baseline and its change, per CCC and for the cohort.
 *
 * - A CCC's baseline for a measure is their first recording of it (the earliest programme month they recorded);
 *   their latest is their last recording; their change is latest minus baseline (null with a single recording:
 *   nothing has been seen to change yet).
 * - The cohort: the total of the CCCs' baselines and of their latest recordings, the change between the two (and
 *   as a % of the baseline total, as the poster's "17% increase"), and the median CCC's baseline and change; the
 *   total over every month recorded, as the poster's "1423 reviews completed".
 * - The shares (% standalone, % on a structured template) are of the reviews audited in the same month: a CCC's
 *   baseline share is from their first month with reviews audited, their latest from their last; the cohort's are
 *   pooled (all standalone over all audited in those months), the change in percentage points.
 */

export interface OutcomeRecording {
  enrolmentId: string;
  measureId: string;
  month: number;
  count: number;
}

/** A share of one measure in another, recorded in the same month. */
export interface OutcomeShare {
  id: string;
  label: string;
  numerator: string;
  denominator: string;
}

/** The shares the pilot reported, where a template records both measures. */
export const OUTCOME_SHARES: readonly OutcomeShare[] = [
  {
    id: 'ccr-standalone-share',
    label: '% of reviews audited booked as a standalone appointment',
    numerator: 'ccr-standalone',
    denominator: 'ccr-audited',
  },
  {
    id: 'ccr-template-share',
    label: '% of reviews audited on a structured template',
    numerator: 'ccr-macmillan-template',
    denominator: 'ccr-audited',
  },
];

export interface CccOutcomeChange {
  enrolmentId: string;
  /** Programme month of the baseline and of the latest recording. */
  baselineMonth: number;
  latestMonth: number;
  baseline: number;
  latest: number;
  change: number | null;
}

export interface OutcomeChange {
  measureId: string;
  label: string;
  /** A count's unit ("reviews"), or "%" for a share. */
  unit: string;
  kind: 'count' | 'share';
  /** CCCs with a baseline. */
  cccs: number;
  /** Counts: the sum over CCCs; shares: pooled, whole per cent. Null with no recording. */
  baseline: number | null;
  latest: number | null;
  /** Counts: latest minus baseline; shares: percentage points. Null until some CCC has recorded twice. */
  change: number | null;
  /** A count's change as a % of its baseline (whole per cent); null for a share or a zero baseline. */
  changePercent: number | null;
  medianBaseline: number | null;
  medianChange: number | null;
  /** Counts: the total over every month recorded; shares: pooled over every month, whole per cent. */
  overall: number | null;
  /** A share's denominator over every month ("n=279 audited"); null for a count. */
  overallOf: number | null;
  perCcc: CccOutcomeChange[];
}

/** The middle value (the mean of the two middle ones for an even number), to one decimal place; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

const wholePercent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : null);

function byEnrolment(recordings: readonly OutcomeRecording[], measureId: string) {
  const map = new Map<string, Map<number, number>>();
  for (const r of recordings) {
    if (r.measureId !== measureId) continue;
    const months = map.get(r.enrolmentId) ?? new Map<number, number>();
    months.set(r.month, (months.get(r.month) ?? 0) + r.count);
    map.set(r.enrolmentId, months);
  }
  return map;
}

/** Each CCC's first and latest recording of a count, and the change between them. */
export function cccCountChanges(recordings: readonly OutcomeRecording[], measureId: string): CccOutcomeChange[] {
  return [...byEnrolment(recordings, measureId)].map(([enrolmentId, months]) => {
    const recorded = [...months.keys()].sort((a, b) => a - b);
    const baselineMonth = recorded[0]!;
    const latestMonth = recorded[recorded.length - 1]!;
    const baseline = months.get(baselineMonth)!;
    const latest = months.get(latestMonth)!;
    return {
      enrolmentId,
      baselineMonth,
      latestMonth,
      baseline,
      latest,
      change: recorded.length > 1 ? latest - baseline : null,
    };
  });
}

function countChange(measure: OutcomeMeasure, recordings: readonly OutcomeRecording[]): OutcomeChange {
  const perCcc = cccCountChanges(recordings, measure.id);
  const changed = perCcc.filter((c) => c.change !== null);
  const baseline = perCcc.length ? perCcc.reduce((n, c) => n + c.baseline, 0) : null;
  const latest = perCcc.length ? perCcc.reduce((n, c) => n + c.latest, 0) : null;
  const change = changed.length && baseline !== null && latest !== null ? latest - baseline : null;
  return {
    measureId: measure.id,
    label: measure.label,
    unit: measure.unit,
    kind: 'count',
    cccs: perCcc.length,
    baseline,
    latest,
    change,
    changePercent: change !== null && baseline ? Math.round((change / baseline) * 100) : null,
    medianBaseline: median(perCcc.map((c) => c.baseline)),
    medianChange: median(changed.map((c) => c.change!)),
    overall: perCcc.length
      ? recordings.filter((r) => r.measureId === measure.id).reduce((n, r) => n + r.count, 0)
      : null,
    overallOf: null,
    perCcc,
  };
}

function shareChange(share: OutcomeShare, recordings: readonly OutcomeRecording[]): OutcomeChange {
  const parts = byEnrolment(recordings, share.numerator);
  const wholes = byEnrolment(recordings, share.denominator);
  let baselinePart = 0,
    baselineWhole = 0,
    latestPart = 0,
    latestWhole = 0,
    overallPart = 0,
    overallWhole = 0;
  const perCcc: CccOutcomeChange[] = [];
  for (const [enrolmentId, months] of wholes) {
    const audited = [...months].filter(([, n]) => n > 0).map(([m]) => m);
    if (!audited.length) continue;
    audited.sort((a, b) => a - b);
    const partIn = (m: number) => Math.min(parts.get(enrolmentId)?.get(m) ?? 0, months.get(m)!);
    const first = audited[0]!;
    const last = audited[audited.length - 1]!;
    baselinePart += partIn(first);
    baselineWhole += months.get(first)!;
    latestPart += partIn(last);
    latestWhole += months.get(last)!;
    for (const m of audited) {
      overallPart += partIn(m);
      overallWhole += months.get(m)!;
    }
    const baseline = wholePercent(partIn(first), months.get(first)!)!;
    const latest = wholePercent(partIn(last), months.get(last)!)!;
    perCcc.push({
      enrolmentId,
      baselineMonth: first,
      latestMonth: last,
      baseline,
      latest,
      change: audited.length > 1 ? latest - baseline : null,
    });
  }
  const changed = perCcc.filter((c) => c.change !== null);
  const baseline = wholePercent(baselinePart, baselineWhole);
  const latest = wholePercent(latestPart, latestWhole);
  return {
    measureId: share.id,
    label: share.label,
    unit: '%',
    kind: 'share',
    cccs: perCcc.length,
    baseline,
    latest,
    change: changed.length && baseline !== null && latest !== null ? latest - baseline : null,
    changePercent: null,
    medianBaseline: median(perCcc.map((c) => c.baseline)),
    medianChange: median(changed.map((c) => c.change!)),
    overall: wholePercent(overallPart, overallWhole),
    overallOf: perCcc.length ? overallWhole : null,
    perCcc,
  };
}

/**
 * Baseline and change of every measure the templates record, then the shares whose two measures they record, in
 * the templates' order: the report's "Outcomes: baseline and change" table.
 */
export function outcomeChanges(
  measures: readonly OutcomeMeasure[],
  recordings: readonly OutcomeRecording[],
): OutcomeChange[] {
  const ids = new Set(measures.map((m) => m.id));
  return [
    ...measures.map((m) => countChange(m, recordings)),
    ...OUTCOME_SHARES.filter((s) => ids.has(s.numerator) && ids.has(s.denominator)).map((s) =>
      shareChange(s, recordings),
    ),
  ];
}
