import type { CompetencyFramework } from './competencies';
import { DEFAULT_FRAMEWORK } from './default-framework';
import {
  FRAMEWORK_CSV_COLUMNS,
  frameworkFromCsvRecords,
  frameworkFromJson,
  frameworkToCsvRecords,
  frameworkToJson,
} from './framework-io';

const csv = (framework: CompetencyFramework = DEFAULT_FRAMEWORK) => frameworkToCsvRecords(framework);

describe('framework import and export', () => {
  it('gives back the same framework when its JSON export is imported', () => {
    expect(frameworkFromJson(frameworkToJson(DEFAULT_FRAMEWORK))).toEqual({ ok: true, framework: DEFAULT_FRAMEWORK });
  });

  it('gives back the same framework when its CSV export is imported', () => {
    const records = csv();
    expect(records[0]).toEqual([...FRAMEWORK_CSV_COLUMNS]);
    expect(records).toHaveLength(1 + DEFAULT_FRAMEWORK.domains.flatMap((d) => d.competencies).length);
    expect(frameworkFromCsvRecords(records)).toEqual({ ok: true, framework: DEFAULT_FRAMEWORK });
  });

  it('reads a CSV whose columns are in another order, with framework and domain cells given once', () => {
    const [header, ...rows] = csv();
    const reversed = [
      [...header!].reverse(),
      ...rows.map((r, i) => {
        const copy = [...r];
        if (i > 0) for (const col of [0, 1, 2, 3]) copy[col] = '';
        return copy.reverse();
      }),
    ];
    expect(frameworkFromCsvRecords(reversed)).toEqual({ ok: true, framework: DEFAULT_FRAMEWORK });
  });

  it('names the row and column of each bad cell', () => {
    const records = csv();
    const codeColumn = FRAMEWORK_CSV_COLUMNS.indexOf('code');
    records[3]![codeColumn] = 'has space';
    records[5]![codeColumn] = records[2]![codeColumn]!;
    records[7]![FRAMEWORK_CSV_COLUMNS.indexOf('title')] = '';
    const result = frameworkFromCsvRecords(records);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.at)).toEqual([
      'row 4, column H (code)',
      'row 6, column H (code)',
      'row 8, column I (title)',
    ]);
    expect(result.problems[1]).toMatchObject({ row: 6, column: 'code', reason: expect.stringContaining('used twice') });
  });

  it('refuses unknown and missing columns, and disagreeing framework cells', () => {
    const [header, ...rows] = csv();
    const noCode = [header!.map((h) => (h === 'code' ? 'kode' : h)), ...rows];
    const result = frameworkFromCsvRecords(noCode);
    expect(result.ok ? [] : result.problems.map((p) => p.reason)).toEqual([
      expect.stringContaining('unknown column "kode"'),
      'missing column: code',
    ]);
    const other = csv();
    other[4]![0] = 'another-key';
    other[6]![FRAMEWORK_CSV_COLUMNS.indexOf('domain_title')] = 'Renamed';
    const clash = frameworkFromCsvRecords(other);
    expect(clash.ok ? [] : clash.problems.map((p) => p.at)).toEqual([
      'row 5, column A (framework_key)',
      expect.stringMatching(/^row 7, column F \(domain_title\)$/),
    ]);
  });

  it('refuses an empty file and a bad version', () => {
    expect(frameworkFromCsvRecords([[...FRAMEWORK_CSV_COLUMNS]])).toMatchObject({ ok: false });
    const records = csv();
    for (const record of records.slice(1)) record[2] = 'two';
    const result = frameworkFromCsvRecords(records);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ at: 'row 2, column C (framework_version)' }),
    ]);
  });

  it('says where JSON is malformed and which path is wrong', () => {
    const broken = frameworkFromJson('{\n  "key": "x",\n  "name": }');
    expect(broken.ok ? [] : broken.problems).toEqual([
      expect.objectContaining({ line: 3, at: expect.stringMatching(/^line 3, column \d+$/) }),
    ]);
    expect(broken.ok ? '' : broken.problems[0]!.reason).toBe('not valid JSON: unexpected "}"');
    const cut = frameworkFromJson('{"key": "x"');
    expect(cut.ok ? [] : cut.problems).toEqual([
      expect.objectContaining({ at: 'line 1, column 12', reason: 'not valid JSON: the text ends too soon' }),
    ]);
    const wrong = frameworkFromJson(
      JSON.stringify({ ...DEFAULT_FRAMEWORK, domains: [{ ...DEFAULT_FRAMEWORK.domains[0], key: '' }] }),
    );
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.path)).toEqual(['domains[0].key']);
  });
});
