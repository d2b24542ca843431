import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { PeopleImportProblem } from '@ccc/programme';
import type { UploadedFile } from '../competencies/uploads';
import { UnsupportedType } from '../common/domain-errors';

/** A people file is a spreadsheet of a programme's intake: 2 MB holds tens of thousands of rows. */
export const MAX_PEOPLE_FILE_BYTES = 2 * 1024 * 1024;

export type RecordsOrProblem = { records: string[][] } | { problem: PeopleImportProblem };

const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;

/**
 * The file's cells as text, row by row as the spreadsheet numbers them: CSV (csv-parse) or XLSX (exceljs, its
 * first sheet). A cell that holds a formula comes through as `=` and the formula, so the reader refuses it like
 * a typed one; dates become YYYY-MM-DD. Anything else (a binary, an old .xls) is a 415.
 */
export async function readPeopleFile(file: UploadedFile): Promise<RecordsOrProblem> {
  if (isZip(file.buffer) || /\.xlsx$/i.test(file.originalname)) return readXlsx(file.buffer);
  if (file.buffer.includes(0))
    throw new UnsupportedType('This file is neither CSV nor XLSX: save the sheet as one of them');
  try {
    // Blank lines are kept (and skipped by the reader) so that record numbers are the spreadsheet's row numbers.
    const records = parse(file.buffer.toString('utf8'), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { records };
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return {
        problem: { row: line, column: null, reason: `not readable as CSV: ${error.message.replace(/^[^:]*: /, '')}` },
      };
    }
    throw error;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = (value as { formula?: string; sharedFormula?: string }).formula ?? '';
      return `=${formula}`;
    }
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return `=${String((value as { error: unknown }).error)}`;
    return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<RecordsOrProblem> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { problem: { row: 1, column: null, reason: 'not readable as an XLSX workbook' } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { problem: { row: 1, column: null, reason: 'the workbook has no sheet' } };
  const records: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: string[] = [];
    for (let c = 1; c <= width; c++) record.push(cellText(row.getCell(c).value));
    records.push(record);
  }
  return { records };
}
