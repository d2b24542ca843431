import { parse } from 'csv-parse/sync';
import { neutraliseCell, restoreCell, writeCsv, writeCsvTables } from './csv';

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
    expect(text).toBe('"a,=1+1","say ""=1""","line\n=2+2",x;@y\n');
    expect(read(text)).toEqual([['a,=1+1', 'say "=1"', 'line\n=2+2', 'x;@y']]);
  });

  it('writes tables one after another, each text cell neutralised', () => {
    const text = writeCsvTables([
      [['First'], ['Name', 'Count'], ['=evil()', -1]],
      [['Second'], ['@name', 2]],
    ]);
    const records: string[][] = parse(text, { relax_column_count: true });
    expect(records).toEqual([['First'], ['Name', 'Count'], ["'=evil()", '-1'], [''], ['Second'], ["'@name", '2']]);
  });

  it('reads a neutralised cell back as it was, and nothing else', () => {
    for (const value of ['=1+1', '-Plan', '@x', '+44', 'plain', "'quoted", "'", ''])
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    expect(restoreCell("'plain")).toBe("'plain");
  });
});
