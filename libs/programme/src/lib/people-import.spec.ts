import { importDate, PEOPLE_IMPORT_COLUMNS, peopleImportTemplate, readPeopleImport } from './people-import';

const HEADER = [...PEOPLE_IMPORT_COLUMNS];

describe('readPeopleImport', () => {
  it('reads the template’s example rows as they are', () => {
    const { rows, problems } = readPeopleImport(peopleImportTemplate());
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        fullName: 'Sam Taylor',
        email: 'sam.taylor@example.org',
        role: 'ccc',
        pcn: 'North Downs PCN',
        employmentStart: '2026-01-05',
      },
      {
        row: 3,
        fullName: 'Priya Shah',
        email: 'priya.shah@example.org',
        role: 'pcn_supervisor',
        pcn: 'North Downs PCN',
        employmentStart: null,
      },
      {
        row: 4,
        fullName: 'Alex Carter',
        email: 'alex.carter@example.org',
        role: 'alliance_supervisor',
        pcn: null,
        employmentStart: null,
      },
    ]);
  });

  it('accepts headers in any order and case, role labels, UK dates, and skips blank rows keeping row numbers', () => {
    const { rows, problems } = readPeopleImport([
      ['Email', 'Full name', 'Role', 'PCN', 'Employment start'],
      ['', '', '', '', ''],
      [' A.B@Example.org ', ' Ann Bell ', 'Cancer Care Coordinator', 'X PCN', '05/01/2026'],
    ]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 3,
        fullName: 'Ann Bell',
        email: 'a.b@example.org',
        role: 'ccc',
        pcn: 'X PCN',
        employmentStart: '2026-01-05',
      },
    ]);
  });

  it('names the missing and unknown columns of the header, and reads no row then', () => {
    const result = readPeopleImport([
      ['full_name', 'email', 'role', 'team'],
      ['A B', 'a@b.org', 'ccc', 'x'],
    ]);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: null, reason: expect.stringContaining('"team"') }),
        expect.objectContaining({ row: 1, column: 'pcn' }),
        expect.objectContaining({ row: 1, column: 'employment_start' }),
      ]),
    );
  });

  it('gives every problem of every row with its row and column', () => {
    const { rows, problems } = readPeopleImport([
      HEADER,
      ['Ok Person', 'ok@example.org', 'ccc', 'X PCN', '2026-02-01'],
      ['', 'not-an-email', 'boss', '', '31/02/2026'],
      ['Ccc NoStart', 'c@example.org', 'ccc', '', ''],
      ['Al Sup', 'al@example.org', 'alliance_supervisor', 'X PCN', ''],
      ['Ok Again', 'OK@example.org', 'ccc', 'Y PCN', '2026-02-01'],
    ]);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual([
      '3:full_name',
      '3:email',
      '3:role',
      '3:employment_start',
      '4:pcn',
      '4:employment_start',
      '5:pcn',
      '6:email',
    ]);
    expect(problems.at(-1)!.reason).toBe('repeats row 2 (the same e-mail and role)');
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx'])('refuses a formula-looking cell %j', (value) => {
    const { rows, problems } = readPeopleImport([HEADER, [value, 'a@example.org', 'ccc', 'X PCN', '2026-01-01']]);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ row: 2, column: 'full_name', reason: expect.stringContaining('formula') }]);
  });

  it('refuses an empty file, a file of only a header, values past the header, and too many rows', () => {
    expect(readPeopleImport([]).problems[0]).toMatchObject({ row: 1, column: 'full_name' });
    expect(readPeopleImport([HEADER]).problems).toEqual([{ row: 2, column: null, reason: expect.any(String) }]);
    expect(readPeopleImport([HEADER, ['A B', 'a@example.org', 'ccc', 'X', '2026-01-01', 'extra']]).problems).toEqual([
      { row: 2, column: null, reason: expect.stringContaining('beyond the last column') },
    ]);
    const many = Array.from({ length: 5001 }, (_, i) => ['A B', `a${i}@example.org`, 'ccc', 'X', '2026-01-01']);
    expect(readPeopleImport([HEADER, ...many]).problems).toEqual([
      { row: 5002, column: null, reason: expect.stringContaining('5000') },
    ]);
  });
});

describe('importDate', () => {
  it.each([
    ['2026-01-05', '2026-01-05'],
    ['5/1/2026', '2026-01-05'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2027', null],
    ['2026-13-01', null],
    ['Jan 5', null],
  ])('%s → %s', (input, expected) => expect(importDate(input)).toBe(expected));
});
