import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer of the service: every CSV it answers with (cohort report, national figures, framework
 * export, any later one) goes through here, so none can carry a live spreadsheet formula.
 *
 * OWASP CSV injection: a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return is read by Excel,
 * LibreOffice and Sheets as a formula, so it gets a leading `'` and reads as text. Separators, quotes and line
 * breaks inside a cell are quoted (and quotes doubled) by csv-stringify, so a value cannot start a cell of its own.
 * Numbers stay numbers: -3 is a figure, not a formula, and only text that people typed can carry one.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet must read it: as text. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes {@link neutraliseCell} on a cell read back from a file this service wrote (framework import). */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const cellText = (cell: CsvCell): string =>
  cell === null || cell === undefined ? '' : typeof cell === 'number' ? String(cell) : neutraliseCell(cell);

/**
 * Records as CSV text: a header (if any) is just the first record. Every record ends CRLF (RFC 4180, and what
 * Excel writes); a line break inside a quoted cell stays as typed, as Excel keeps its own in-cell breaks.
 */
export function writeCsv(records: readonly (readonly CsvCell[])[]): string {
  return stringify(
    records.map((record) => record.map(cellText)),
    // With CRLF as the record end csv-stringify quotes only cells holding CRLF; a lone CR or LF must be quoted too.
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

/** A table as the exports hold it: its title, its column headings and its rows. */
export interface CsvTable {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

export const LONG_CSV_COLUMNS = ['Table', 'Row', 'Row label', 'Column', 'Value'] as const;

/**
 * Several tables of different widths as one tidy long table, a record per cell: the table's title, the row's
 * number in it, the row's label (its first cell), the column's heading and the value. One rectangular table that
 * a spreadsheet's filter or pivot table, R or pandas reads as it is (several tables stacked in one file are not).
 */
export function writeLongCsv(tables: readonly CsvTable[]): string {
  const records: CsvCell[][] = [[...LONG_CSV_COLUMNS]];
  for (const table of tables)
    table.rows.forEach((row, r) =>
      row.forEach((value, c) => records.push([table.title, r + 1, row[0], table.columns[c], value])),
    );
  return writeCsv(records);
}
