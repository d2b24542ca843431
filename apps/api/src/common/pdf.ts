import { readFileSync } from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/*
 * Printable PDFs with pdfmake, shared by every feature that prints: build the content with the helpers below and
 * call renderPdf. The text is set in Roboto (shipped with pdfmake), which covers far more of the names and free
 * text people type than PDF's standard fonts do. The font files are put into pdfmake's in-memory file system once
 * and the family added (not set, so other features' fonts stay) before each document: nothing is read from disk
 * while printing, and no file or URL is ever opened from a document's content.
 */

const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const ROBOTO_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};
const shared = pdfmake as unknown as {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  localAccessPolicy?: (file: string) => boolean;
  urlAccessPolicy?: (url: string) => boolean;
};
const ROBOTO = Object.fromEntries(
  Object.entries(ROBOTO_FILES).map(([style, file]) => {
    const name = `ccc-pdf/${file}`;
    shared.virtualfs.writeFileSync(name, readFileSync(path.join(FONT_DIR, file)));
    return [style, name];
  }),
) as typeof ROBOTO_FILES;
// Fonts come from the in-memory file system, which these policies do not govern.
if (!shared.localAccessPolicy) pdfmake.setLocalAccessPolicy(() => false);
if (!shared.urlAccessPolicy) pdfmake.setUrlAccessPolicy(() => false);

export const PDF_STYLES: TDocumentDefinitions['styles'] = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, color: '#4c6272', margin: [0, 0, 0, 12] },
  heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
  tableHeader: { bold: true, fillColor: '#e8edee' },
  note: { fontSize: 9, color: '#4c6272', margin: [0, 4, 0, 0] },
};

export type PdfCell = string | number | null;

/** A table with a header row repeated on each page; numbers and shares right-aligned, empty cells as "–". */
export function pdfTable(columns: string[], rows: PdfCell[][], widths?: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? columns.map((_, i) => (i === 0 ? '*' : 'auto')),
      body: [
        columns.map((text) => ({ text, style: 'tableHeader' })),
        ...rows.map((row) =>
          row.map((cell) =>
            typeof cell === 'number' || (typeof cell === 'string' && /^\d+(\.\d+)?%$/.test(cell))
              ? { text: String(cell), alignment: 'right' as const }
              : { text: cell === null || cell === '' ? '\u2013' : cell },
          ),
        ),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  };
}

/** Renders a document (A4 unless it says otherwise, Roboto 10pt) to a PDF buffer. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  pdfmake.addFonts({ CccRoboto: ROBOTO });
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [40, 48, 40, 48],
      styles: PDF_STYLES,
      ...doc,
      defaultStyle: { font: 'CccRoboto', fontSize: 10, ...doc.defaultStyle },
    })
    .getBuffer();
}
