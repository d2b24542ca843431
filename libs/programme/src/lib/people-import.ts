/**
 * Bulk import of an Alliance's people (CCCs, PCN supervisors, Alliance supervisors) from a spreadsheet: the
 * columns of the template, and what each row must hold before the service looks anything up. Rows are numbered
 * as the spreadsheet numbers them (the header is row 1, blank rows count), so every problem names a row a person
 * can find, and the column by its header.
 */

export const PEOPLE_IMPORT_COLUMNS = ['full_name', 'email', 'role', 'pcn', 'employment_start'] as const;
export type PeopleImportColumn = (typeof PEOPLE_IMPORT_COLUMNS)[number];

/** Roles an import gives: the people of a programme (an administrator is invited one at a time). */
export const PEOPLE_IMPORT_ROLES = ['ccc', 'pcn_supervisor', 'alliance_supervisor'] as const;
export type PeopleImportRole = (typeof PEOPLE_IMPORT_ROLES)[number];

/** At most this many people in one file: a programme's intake, with room; larger files are split. */
export const PEOPLE_IMPORT_MAX_ROWS = 5000;

export interface PeopleImportRow {
  /** The spreadsheet's row number (header = 1). */
  row: number;
  fullName: string;
  email: string;
  role: PeopleImportRole;
  /** The PCN's name as typed (CCCs and PCN supervisors); null for an Alliance supervisor. */
  pcn: string | null;
  /** YYYY-MM-DD; required for a CCC (eligibility is judged by it), optional for supervisors. */
  employmentStart: string | null;
}

export interface PeopleImportProblem {
  row: number;
  /** The column's header, or null for a problem of the whole row or file. */
  column: PeopleImportColumn | null;
  reason: string;
}

/** The template's first rows: the header, then one example of each role (the example rows are to be replaced). */
export function peopleImportTemplate(): string[][] {
  return [
    [...PEOPLE_IMPORT_COLUMNS],
    ['Sam Taylor', 'sam.taylor@example.org', 'ccc', 'North Downs PCN', '2026-01-05'],
    ['Priya Shah', 'priya.shah@example.org', 'pcn_supervisor', 'North Downs PCN', ''],
    ['Alex Carter', 'alex.carter@example.org', 'alliance_supervisor', '', ''],
  ];
}

const ROLE_WORDS: Record<string, PeopleImportRole> = {
  ccc: 'ccc',
  cancer_care_coordinator: 'ccc',
  pcn_supervisor: 'pcn_supervisor',
  alliance_supervisor: 'alliance_supervisor',
};

/** A cell a spreadsheet could run as a formula (OWASP CSV injection), or that came in as one. */
const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const headerWord = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** A real calendar date as YYYY-MM-DD, from YYYY-MM-DD or the UK's DD/MM/YYYY; null if it is neither. */
export function importDate(value: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1950 || y > 2100) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The rows of a file (each record a list of cell texts, the header first), checked cell by cell: every problem
 * of every row, so that one dry run shows them all. Blank rows are skipped; a row with a problem is not returned.
 */
export function readPeopleImport(records: string[][]): { rows: PeopleImportRow[]; problems: PeopleImportProblem[] } {
  const problems: PeopleImportProblem[] = [];
  const header = (records[0] ?? []).map(headerWord);
  while (header.length && header[header.length - 1] === '') header.pop();
  const index = new Map<string, number>();
  header.forEach((word, i) => {
    if (!(PEOPLE_IMPORT_COLUMNS as readonly string[]).includes(word))
      problems.push({
        row: 1,
        column: null,
        reason: `column ${i + 1} ("${word.slice(0, 40)}") is not a column of the template: ${PEOPLE_IMPORT_COLUMNS.join(', ')}`,
      });
    else if (index.has(word)) problems.push({ row: 1, column: word as PeopleImportColumn, reason: 'appears twice' });
    else index.set(word, i);
  });
  for (const column of PEOPLE_IMPORT_COLUMNS)
    if (!index.has(column))
      problems.push({ row: 1, column, reason: 'the header row has no such column (download the template)' });
  if (problems.length) return { rows: [], problems };

  const rows: PeopleImportRow[] = [];
  const seen = new Map<string, number>();
  const dataRecords = records.slice(1);
  if (!dataRecords.some((r) => r.some((c) => c.trim() !== '')))
    return { rows, problems: [{ row: 2, column: null, reason: 'the file has no people under its header' }] };
  if (dataRecords.length > PEOPLE_IMPORT_MAX_ROWS)
    return {
      rows,
      problems: [
        { row: PEOPLE_IMPORT_MAX_ROWS + 2, column: null, reason: `at most ${PEOPLE_IMPORT_MAX_ROWS} rows in one file` },
      ],
    };
  dataRecords.forEach((record, i) => {
    const row = i + 2;
    if (!record.some((c) => c.trim() !== '')) return;
    const before = problems.length;
    const problem = (column: PeopleImportColumn | null, reason: string) => problems.push({ row, column, reason });
    const cell = (column: PeopleImportColumn) => {
      const raw = record[index.get(column)!] ?? '';
      if (FORMULA_START.test(raw)) {
        problem(column, 'starts like a spreadsheet formula (= + - @): type the value itself');
        return null;
      }
      const value = raw.trim();
      if (CONTROL.test(value)) {
        problem(column, 'holds a line break or control character');
        return null;
      }
      return value;
    };
    record.slice(header.length).forEach((extra) => {
      if (extra.trim() !== '') problem(null, 'has a value beyond the last column of the header');
    });
    const fullName = cell('full_name');
    if (fullName !== null && (fullName.length < 2 || fullName.length > 200))
      problem('full_name', fullName ? 'must be 2 to 200 characters' : 'is empty: give the person’s name');
    const emailCell = cell('email');
    const email = emailCell?.toLowerCase() ?? null;
    if (email !== null && (!EMAIL.test(email) || email.length > 320)) problem('email', 'is not an e-mail address');
    const roleCell = cell('role');
    const role = roleCell === null ? null : ROLE_WORDS[headerWord(roleCell)];
    if (roleCell !== null && !role) problem('role', `must be one of ${PEOPLE_IMPORT_ROLES.join(', ')}`);
    const pcn = cell('pcn');
    if (pcn !== null && role) {
      if (role !== 'alliance_supervisor' && !pcn) problem('pcn', 'is empty: give the name of the PCN they work in');
      if (role === 'alliance_supervisor' && pcn)
        problem('pcn', 'must be empty for an Alliance supervisor (they work for the Alliance)');
      if (pcn.length > 200) problem('pcn', 'is longer than 200 characters');
    }
    const startCell = cell('employment_start');
    const employmentStart = startCell ? importDate(startCell) : null;
    if (startCell && !employmentStart) problem('employment_start', 'must be a real date, YYYY-MM-DD or DD/MM/YYYY');
    if (startCell === '' && role === 'ccc')
      problem('employment_start', 'is empty: a CCC’s eligibility is judged by the date they started in post');
    if (email && role) {
      const key = `${email} ${role}`;
      const first = seen.get(key);
      if (first) problem('email', `repeats row ${first} (the same e-mail and role)`);
      else seen.set(key, row);
    }
    if (problems.length === before && fullName && email && role)
      rows.push({
        row,
        fullName,
        email,
        role,
        pcn: role === 'alliance_supervisor' ? null : pcn,
        employmentStart,
      });
  });
  return { rows, problems };
}
