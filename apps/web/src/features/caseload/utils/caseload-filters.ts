import type { CaseloadRow } from '@ccc/contracts';

/** What the caseload can be narrowed to: the states a supervisor acts on. */
export const CASELOAD_STATES = ['unbooked', 'awaiting', 'overdue', 'evidence'] as const;
export type CaseloadState = (typeof CASELOAD_STATES)[number];

export const CASELOAD_STATE_LABELS: Record<CaseloadState, string> = {
  unbooked: 'Sessions to book',
  awaiting: 'Waiting for a reply',
  overdue: 'Held but not recorded',
  evidence: 'Evidence waiting for review',
};

export const CASELOAD_SORTS = ['name', 'pcn', 'next', 'attention'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export const CASELOAD_SORT_LABELS: Record<CaseloadSort, string> = {
  name: 'Name',
  pcn: 'PCN',
  next: 'Next session, soonest first',
  attention: 'Most to do first',
};

/** The caseload's filters, as kept in the address so a filtered list can be bookmarked, shared and gone back to. */
export interface CaseloadQuery {
  search: string;
  state: CaseloadState | null;
  sort: CaseloadSort;
}

export function readCaseloadQuery(params: URLSearchParams): CaseloadQuery {
  const state = params.get('show');
  const sort = params.get('sort');
  return {
    search: params.get('q') ?? '',
    state: (CASELOAD_STATES as readonly string[]).includes(state ?? '') ? (state as CaseloadState) : null,
    sort: (CASELOAD_SORTS as readonly string[]).includes(sort ?? '') ? (sort as CaseloadSort) : 'name',
  };
}

/** Only what differs from the defaults, so the plain caseload keeps its plain address. */
export function writeCaseloadQuery(query: CaseloadQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search.trim()) params.set('q', query.search);
  if (query.state) params.set('show', query.state);
  if (query.sort !== 'name') params.set('sort', query.sort);
  return params;
}

/** How many of a state a CCC has: the caseload's own counts, and the evidence from the reviewer's inbox. */
export function stateCount(row: CaseloadRow, state: CaseloadState, evidence: ReadonlyMap<string, number>): number {
  if (state === 'evidence') return evidence.get(row.enrolment.id) ?? 0;
  return row[state];
}

function attention(row: CaseloadRow, evidence: ReadonlyMap<string, number>): number {
  return CASELOAD_STATES.reduce((sum, state) => sum + stateCount(row, state, evidence), 0);
}

const byName = (a: CaseloadRow, b: CaseloadRow) =>
  a.enrolment.ccc.fullName.localeCompare(b.enrolment.ccc.fullName, 'en-GB');

/** The rows that match the search (name or PCN, any case) and the state, in the order asked for. */
export function applyCaseloadQuery(
  rows: readonly CaseloadRow[],
  query: CaseloadQuery,
  evidence: ReadonlyMap<string, number>,
): CaseloadRow[] {
  const needle = query.search.trim().toLocaleLowerCase('en-GB');
  const matching = rows.filter(
    (row) =>
      (!needle ||
        row.enrolment.ccc.fullName.toLocaleLowerCase('en-GB').includes(needle) ||
        row.enrolment.pcn.name.toLocaleLowerCase('en-GB').includes(needle)) &&
      (!query.state || stateCount(row, query.state, evidence) > 0),
  );
  const compare: Record<CaseloadSort, (a: CaseloadRow, b: CaseloadRow) => number> = {
    name: byName,
    pcn: (a, b) => a.enrolment.pcn.name.localeCompare(b.enrolment.pcn.name, 'en-GB') || byName(a, b),
    // No next session sorts last: there is nothing coming up to prepare for.
    next: (a, b) => (a.next?.startsAt ?? '\uffff').localeCompare(b.next?.startsAt ?? '\uffff') || byName(a, b),
    attention: (a, b) => attention(b, evidence) - attention(a, evidence) || byName(a, b),
  };
  return [...matching].sort(compare[query.sort]);
}
