/** The cohort report's pure parts: its filters as an address, the file name of an export, and the chart numbers. */
import type { CohortReportQuery, ReportFormat, ReportOutcomeChangeRow } from '@ccc/contracts';
import { LIKERT_LABELS, LIKERT_LEVELS, type LikertLevel } from '@ccc/programme';

const FILTERS = ['cohortId', 'pcnId', 'from', 'to'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters from the page's address (the filter form is a GET form), dropping values the API would refuse. */
export function readReportQuery(params: URLSearchParams): CohortReportQuery {
  const query: CohortReportQuery = {};
  for (const key of FILTERS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    const ok = key === 'from' || key === 'to' ? DATE.test(value) : UUID.test(value);
    if (ok) query[key] = value;
  }
  return query;
}

/** "?cohortId=…&from=…", in a fixed order, or "" with no filter. */
export function reportQueryString(query: CohortReportQuery, format?: ReportFormat): string {
  const params = new URLSearchParams();
  for (const key of FILTERS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (format) params.set('format', format);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const FORMAT_LABELS: Record<ReportFormat, string> = { csv: 'CSV', xlsx: 'Excel (XLSX)', pdf: 'PDF' };

/** A share for a progress bar: 0–100, whole. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((part / whole) * 100)));
}

/** "12 of 15 (80%)", "0 of 0". */
export function shareText(part: number, whole: number): string {
  return whole > 0 ? `${part} of ${whole} (${percentOf(part, whole)}%)` : `${part} of ${whole}`;
}

export interface BarSegment {
  level: LikertLevel;
  label: string;
  count: number;
  /** Width in per cent of the bar; the segments add up to 100 when anyone answered. */
  width: number;
}

/** The stacked bar of a statement: one segment per level, strongly disagree first. */
export function stackedSegments(distribution: Record<LikertLevel, number>): BarSegment[] {
  const total = LIKERT_LEVELS.reduce((sum, level) => sum + (distribution[level] ?? 0), 0);
  return LIKERT_LEVELS.map((level) => {
    const count = distribution[level] ?? 0;
    return { level, label: LIKERT_LABELS[level], count, width: total > 0 ? (count / total) * 100 : 0 };
  });
}

/** The text equivalent of a stacked bar: "Strongly agree 3, Agree 2, …", leaving out levels nobody chose. */
export function distributionText(distribution: Record<LikertLevel, number>): string {
  const parts = [...LIKERT_LEVELS]
    .reverse()
    .filter((level) => (distribution[level] ?? 0) > 0)
    .map((level) => `${LIKERT_LABELS[level]} ${distribution[level]}`);
  return parts.length > 0 ? parts.join(', ') : 'No answers';
}

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '\u2212' : ''}${Math.abs(n)}`;

/** A baseline or latest value as read: "33 reviews", "80%", or "not recorded". */
export function outcomeValueText(row: Pick<ReportOutcomeChangeRow, 'kind' | 'unit'>, value: number | null): string {
  if (value === null) return 'not recorded';
  return row.kind === 'share' ? `${value}%` : `${value} ${row.unit}`;
}

/** A change as read: "+6 (+18%)", "+10 percentage points", "−2", or "not yet (one recording)". */
export function outcomeChangeText(row: Pick<ReportOutcomeChangeRow, 'kind' | 'change' | 'changePercent'>): string {
  if (row.change === null) return 'not yet (one recording)';
  if (row.kind === 'share') return `${signed(row.change)} percentage points`;
  return row.changePercent === null ? signed(row.change) : `${signed(row.change)} (${signed(row.changePercent)}%)`;
}
