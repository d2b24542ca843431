// The cells of a tagged PDF's tables: their values and how they are shown.

/** A piece of text with its style; a cell or a paragraph is one or more of these. */
export interface PdfRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Smaller and grey: a date, a code, a reason under a line. */
  small?: boolean;
}
/** A plain cell value, as the report's tables hold them for every export. */
export type PdfCell = string | number | null;
/** A table cell: a value, or lines one under another (a sign-off: its level, who and when, the comment). */
export type PdfCellValue = string | number | null | PdfRun[];

/** A cell's lines as runs; an empty cell shows an en dash. */
export function cellRuns(cell: PdfCellValue): PdfRun[] {
  if (Array.isArray(cell)) return cell.length ? cell : [{ text: '\u2013' }];
  return [{ text: cell === null || cell === '' ? '\u2013' : String(cell) }];
}

/** Numbers and shares ("83%") are right-aligned, as figures are read down a column. */
export function isNumeric(cell: PdfCellValue): boolean {
  return typeof cell === 'number' || (typeof cell === 'string' && /^\d+(\.\d+)?%$/.test(cell));
}

/** The longest word, which sets a column's narrowest width. */
export const longestWord = (text: string) => text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
