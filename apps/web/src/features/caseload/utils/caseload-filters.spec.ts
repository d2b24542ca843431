import { describe, expect, it } from '@jest/globals';
import type { CaseloadRow } from '@ccc/contracts';
import { applyCaseloadQuery, readCaseloadQuery, writeCaseloadQuery } from './caseload-filters';

function row(id: string, name: string, pcn: string, counts: Partial<CaseloadRow> = {}): CaseloadRow {
  return {
    enrolment: { id, ccc: { id: `p-${id}`, fullName: name }, pcn: { id: `pcn-${pcn}`, name: pcn } },
    unbooked: 0,
    awaiting: 0,
    upcoming: 0,
    overdue: 0,
    notHeld: 0,
    didNotAttend: 0,
    completed: 0,
    releaseDeclined: 0,
    next: null,
    ...counts,
  } as CaseloadRow;
}

const rows = [
  row('1', 'Sam Taylor', 'North Downs PCN', {
    unbooked: 2,
    next: { id: 's1', title: 'x', startsAt: '2026-12-10T10:00:00Z' },
  }),
  row('2', 'Aisha Khan', 'Solent Coast PCN', {
    overdue: 1,
    next: { id: 's2', title: 'y', startsAt: '2026-12-08T10:00:00Z' },
  }),
  row('3', 'Chris Doyle', 'North Downs PCN'),
];
const names = (list: CaseloadRow[]) => list.map((r) => r.enrolment.ccc.fullName);

describe('the caseload query', () => {
  it('reads the address, ignoring what it does not know, and writes back only what differs', () => {
    expect(readCaseloadQuery(new URLSearchParams('q=sam&show=evidence&sort=pcn'))).toEqual({
      search: 'sam',
      state: 'evidence',
      sort: 'pcn',
    });
    expect(readCaseloadQuery(new URLSearchParams('show=everything&sort=shoe'))).toEqual({
      search: '',
      state: null,
      sort: 'name',
    });
    expect(writeCaseloadQuery({ search: '  ', state: null, sort: 'name' }).toString()).toBe('');
    expect(writeCaseloadQuery({ search: 'Sam', state: 'overdue', sort: 'next' }).toString()).toBe(
      'q=Sam&show=overdue&sort=next',
    );
  });

  it('searches names and PCNs in any case, filters by state (evidence from the inbox) and sorts', () => {
    const none = new Map<string, number>();
    const base = { search: '', state: null, sort: 'name' } as const;
    expect(names(applyCaseloadQuery(rows, base, none))).toEqual(['Aisha Khan', 'Chris Doyle', 'Sam Taylor']);
    expect(names(applyCaseloadQuery(rows, { ...base, search: 'north downs' }, none))).toEqual([
      'Chris Doyle',
      'Sam Taylor',
    ]);
    expect(names(applyCaseloadQuery(rows, { ...base, search: 'TAY' }, none))).toEqual(['Sam Taylor']);
    expect(names(applyCaseloadQuery(rows, { ...base, state: 'unbooked' }, none))).toEqual(['Sam Taylor']);
    expect(names(applyCaseloadQuery(rows, { ...base, state: 'evidence' }, none))).toEqual([]);
    expect(names(applyCaseloadQuery(rows, { ...base, state: 'evidence' }, new Map([['3', 2]])))).toEqual([
      'Chris Doyle',
    ]);
    expect(names(applyCaseloadQuery(rows, { ...base, sort: 'next' }, none))).toEqual([
      'Aisha Khan',
      'Sam Taylor',
      'Chris Doyle',
    ]);
    expect(names(applyCaseloadQuery(rows, { ...base, sort: 'pcn' }, none))).toEqual([
      'Chris Doyle',
      'Sam Taylor',
      'Aisha Khan',
    ]);
    expect(names(applyCaseloadQuery(rows, { ...base, sort: 'attention' }, new Map([['3', 5]])))).toEqual([
      'Chris Doyle',
      'Sam Taylor',
      'Aisha Khan',
    ]);
    expect(names(applyCaseloadQuery(rows, { ...base, search: 'nobody' }, none))).toEqual([]);
  });
});
