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

/** Records as CSV text: a header (if any) is just the first record. */
export function writeCsv(records: readonly (readonly CsvCell[])[]): string {
  return stringify(records.map((record) => record.map(cellText)));
}

/**
 * Several tables in one file, each under its own title row, a blank line between them (ended like every record,
 * with a line feed: a lone CR would read as a cell of its own).
 */
export function writeCsvTables(tables: readonly (readonly (readonly CsvCell[])[])[]): string {
  return tables.map((table) => writeCsv(table)).join('\n');
}
