import { DEFAULT_FRAMEWORK } from '@ccc/programme';
import defaultFrameworkAtV1 from '../migrations/data/ccc-core-framework-v1.json';
import { formatOf, frameworkFromCsv, frameworkToCsv, parseFrameworkFile } from './framework-files';
import { itemAt } from '../common/lookup';

describe('framework files', () => {
  it('reads back its own CSV export, quotes, commas and line breaks included', () => {
    const tricky = {
      ...DEFAULT_FRAMEWORK,
      domains: [
        {
          ...itemAt(DEFAULT_FRAMEWORK.domains, 0),
          competencies: [
            {
              code: 'Q-1',
              title: 'Says "hello", twice',
              description: 'Line one\nline two',
              evidenceGuidance: 'A, B; C',
            },
          ],
        },
      ],
    };
    expect(frameworkFromCsv(frameworkToCsv(tricky))).toEqual({ ok: true, framework: tricky });
    expect(frameworkFromCsv(frameworkToCsv(DEFAULT_FRAMEWORK))).toEqual({ ok: true, framework: DEFAULT_FRAMEWORK });
  });

  it('counts rows as a spreadsheet does, a blank line included', () => {
    // Records end in CRLF (RFC 4180), as the export writes them.
    const csv = frameworkToCsv(DEFAULT_FRAMEWORK).split('\r\n');
    const lines = [csv[0], csv[1], '', itemAt(csv, 2).replace(/,PREV-02,/, ',bad code,'), ...csv.slice(3)];
    const result = frameworkFromCsv(lines.join('\r\n'));
    expect(result.ok ? [] : result.problems.map((p) => p.at)).toEqual(['row 4, column H (code)']);
  });

  it('says on which line a CSV cannot be read at all', () => {
    const result = frameworkFromCsv('framework_key,code\n"unterminated,x\n');
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({
        at: expect.stringMatching(/^line \d+$/),
        reason: expect.stringMatching(/^not readable as CSV/),
      }),
    ]);
  });

  it('tells the format from the choice, the name or the first character', () => {
    expect(formatOf('csv', 'x.json', '{')).toBe('csv');
    expect(formatOf(undefined, 'x.JSON', 'a,b')).toBe('json');
    expect(formatOf(undefined, 'upload', '\uFEFF  {"key": 1}')).toBe('json');
    expect(formatOf(undefined, 'upload', 'framework_key,code')).toBe('csv');
    expect(parseFrameworkFile('json', '[]').ok).toBe(false);
  });

  it('seeds the database with the default framework exactly as the library defines version 1', () => {
    expect(defaultFrameworkAtV1).toEqual(DEFAULT_FRAMEWORK);
  });
});
