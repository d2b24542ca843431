import {
  type CompetencyFramework,
  type FrameworkImport,
  frameworkFromCsvRecords,
  frameworkFromJson,
  frameworkToCsvRecords,
  frameworkToJson,
} from '@ccc/programme';
import { CsvError, parse } from 'csv-parse/sync';
import { restoreCell, writeCsv } from '../common/csv';

/*
 * The file side of framework import and export: the CSV text is read by csv-parse and written by the shared
 * writer (csv-stringify, text that could be a formula neutralised), and libs/programme turns the records into a
 * framework (naming the row and column of each fault) and back.
 */

export type FrameworkFormat = 'json' | 'csv';

/** The format a person meant: the one they chose, else the file's name, else its first character. */
export function formatOf(chosen: FrameworkFormat | undefined, fileName: string, text: string): FrameworkFormat {
  if (chosen) return chosen;
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'csv';
}

export function frameworkFromCsv(text: string): FrameworkImport {
  let records: string[][];
  try {
    // Blank lines are kept (and skipped by the reader) so that record numbers are the spreadsheet's row numbers.
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      return {
        ok: false,
        problems: [
          {
            at: line ? `line ${line}` : 'the file',
            ...(line ? { line } : {}),
            reason: `not readable as CSV: ${error.message.replace(/^[^:]*: /, '')}`,
          },
        ],
      };
    }
    throw error;
  }
  // An exported cell that was neutralised ("'-Plan…") reads back as it was written in the framework.
  return frameworkFromCsvRecords(records.map((record) => record.map(restoreCell)));
}

export function parseFrameworkFile(format: FrameworkFormat, text: string): FrameworkImport {
  return format === 'json' ? frameworkFromJson(text) : frameworkFromCsv(text);
}

export function frameworkToCsv(framework: CompetencyFramework): string {
  return writeCsv(frameworkToCsvRecords(framework));
}

export function frameworkFile(framework: CompetencyFramework, format: FrameworkFormat) {
  return format === 'json'
    ? { text: frameworkToJson(framework), contentType: 'application/json; charset=utf-8', extension: 'json' }
    : { text: frameworkToCsv(framework), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
}
