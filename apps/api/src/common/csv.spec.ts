import { parse } from 'csv-parse/sync';
import { neutraliseCell, restoreCell, writeCsv, writeLongCsv } from './csv';

const read = (text: string): string[][] => parse(text, { relax_column_count: true, skip_empty_lines: true });

describe('the shared CSV writer (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('writes the text %j as the text %j', (value, expected) => {
    expect(read(writeCsv([[value]]))).toEqual([[expected]]);
  });

  it('leaves text that cannot be a formula, and numbers (negative ones too), as they are', () => {
    const rows = read(writeCsv([['Cohort 1', 'a = b', "'quoted", '', 12, -3, 0.5, null, undefined]]));
    expect(rows).toEqual([['Cohort 1', 'a = b', "'quoted", '', '12', '-3', '0.5', '', '']]);
  });

  it('quotes separators, quotes and line breaks, so a value cannot start a cell of its own', () => {
    const text = writeCsv([['a,=1+1', 'say "=1"', 'line\n=2+2', 'x;@y']]);
    expect(text).toBe('"a,=1+1","say ""=1""","line\n=2+2",x;@y\r\n');
    expect(read(text)).toEqual([['a,=1+1', 'say "=1"', 'line\n=2+2', 'x;@y']]);
  });

  it('ends every record with CRLF', () => {
    const text = writeCsv([
      ['Name', 'Count'],
      ['Cohort 1', 3],
      ['Cohort 2', 4],
    ]);
    expect(text).toBe('Name,Count\r\nCohort 1,3\r\nCohort 2,4\r\n');
  });

  it('writes tables of different widths as one long table, a record per cell, each text cell neutralised', () => {
    const text = writeLongCsv([
      { title: 'First', columns: ['Name', 'Count'], rows: [['=evil()', -1]] },
      {
        title: 'Second',
        columns: ['Measure', 'A', 'B'],
        rows: [
          ['x', 1, null],
          ['y', 2, 'z'],
        ],
      },
      { title: 'Empty', columns: ['Nothing'], rows: [] },
    ]);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    const records: string[][] = parse(text);
    expect(records).toEqual([
      ['Table', 'Row', 'Row label', 'Column', 'Value'],
      ['First', '1', "'=evil()", 'Name', "'=evil()"],
      ['First', '1', "'=evil()", 'Count', '-1'],
      ['Second', '1', 'x', 'Measure', 'x'],
      ['Second', '1', 'x', 'A', '1'],
      ['Second', '1', 'x', 'B', ''],
      ['Second', '2', 'y', 'Measure', 'y'],
      ['Second', '2', 'y', 'A', '2'],
      ['Second', '2', 'y', 'B', 'z'],
    ]);
  });

  it('reads a neutralised cell back as it was, and nothing else', () => {
    for (const value of ['=1+1', '-Plan', '@x', '+44', 'plain', "'quoted", "'", ''])
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    expect(restoreCell("'plain")).toBe("'plain");
  });
});
