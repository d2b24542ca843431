import { pdfInfo, pdfPages, pdfStructure, pdfToText } from '../../test/support/poppler';
import { TaggedPdf } from './tagged-pdf';
import { itemAt } from './lookup';

const signOff = [
  { text: '3 Competent', bold: true },
  { text: 'Supervisor One, 6 April 2027' },
  { text: 'Well judged.', italic: true, small: true },
];

async function sample(): Promise<Buffer> {
  const pdf = new TaggedPdf({
    title: 'Record: Zoë Ünal',
    runningHeader: 'Zoë Ünal: record',
    footerLeft: 'Produced 6 December 2026',
  });
  pdf.heading(1, 'Zoë Ünal').paragraph('Cancer Care Coordinator').heading(2, 'Competencies');
  for (let d = 1; d <= 6; d++)
    pdf.heading(3, `Domain ${d}`).table(
      ['Code', 'Competency', 'State', 'Sign-off'],
      Array.from({ length: 6 }, (_, i) => [
        `D${d}-0${i}`,
        'Holistic needs assessment and care plans',
        'Signed off',
        signOff,
      ]),
      { widths: [48, '*', 78, 150] },
    );
  pdf.figure('One bar: 80% delivered', 40, (doc, box) => doc.rect(box.x, box.y, 100, 20).fill('#005eb8'));
  pdf.heading(2, 'Amendments').table(['Date'], [], { empty: 'None yet.' });
  return pdf.end();
}

describe('TaggedPdf (read back by poppler)', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await sample();
  });

  it('is a tagged PDF 1.7 with its title shown and a structure tree', () => {
    const info = pdfInfo(pdf);
    expect(info['Tagged']).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(info['Title']).toBe('Record: Zoë Ünal');
    expect(Number(info['Pages'])).toBeGreaterThan(1);
    // The language and "show the title, not the file name" are in the catalogue, which pdfinfo does not print.
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
    expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    const tree = pdfStructure(pdf);
    expect(tree).toMatch(/^Document/m);
    expect(tree).toMatch(/H1[^\n]*\n\s+"Zoë Ünal"/);
    expect(tree).toMatch(/Table[^\n]*\n\s+TR\n\s+TH:\n\s+\/Scope \/Column\n\s+"Code"/);
    expect(tree).toMatch(/TD\n\s+P[^\n]*\n\s+"3 Competent"\n\s+P[^\n]*\n\s+"Supervisor One, 6 April 2027"/);
    expect(tree).toMatch(/TD[^\n]*\n\s+"D1-00"/);
    expect(tree).toMatch(/Figure/);
    // The page furniture is no part of the tree: one "Code" header per table, not one per page.
    expect(tree.match(/"Code"/g)).toHaveLength(6);
    expect(tree).not.toContain('Page 1 of');
  });

  it('reads in the order it was written, the headings with what follows them', () => {
    const text = pdfToText(pdf);
    expect(text.indexOf('Zoë Ünal')).toBeLessThan(text.indexOf('Competencies'));
    for (let d = 1; d < 6; d++) expect(text.indexOf(`Domain ${d}`)).toBeLessThan(text.indexOf(`D${d}-00`));
    expect(text).toContain('3 Competent Supervisor One, 6 April 2027 Well judged.');
    expect(text).toMatch(/Amendments Date|Amendments None yet\./);
  });

  it('repeats the header row of a table that goes on over a page (as page furniture, not content)', () => {
    const pages = pdfPages(pdf).slice(1, -1);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const lines = page.split('\n').filter((l) => l.trim() && l.trim() !== 'Zoë Ünal: record');
      const first = itemAt(lines, 0).trim();
      if (/^D\d-0\d$/.test(first) || first === 'Code') expect(first).toBe('Code');
    }
  });

  it('never leaves a heading alone at the foot of a page', () => {
    const pages = pdfPages(pdf);
    for (const page of pages.slice(0, -1)) {
      const last = page
        .trim()
        .split('\n')
        .filter((l) => l.trim() && !/^Page \d+ of \d+$|Produced/.test(l.trim()))
        .pop();
      expect(last).not.toMatch(/^Domain \d$|^Competencies$|^Amendments$/);
    }
  });
});
