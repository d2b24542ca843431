import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { cellRuns, isNumeric, longestWord, type PdfCellValue, type PdfRun } from './pdf-cells';
import { itemAt } from './lookup';

/*
 * Accessible printable PDFs (WCAG 2.2 1.3.1 and 3.1.1, the Public Sector Bodies Accessibility Regulations), written
 * with pdfkit directly because pdfmake cannot tag: a PDF 1.7 with a structure tree (Document > H1/H2/H3, P, Table >
 * TR > TH/TD, Figure with its alternative text), /Lang en-GB, the title shown in the viewer's title bar, and page
 * furniture (running header, page numbers, table rules, the repeated table header) marked as artifacts, so that a
 * screen reader reads the content once, in the order it is written here.
 *
 * The layout is this file's own, kept simple so that it cannot overlap: every block is measured before it is drawn;
 * a heading is kept with the start of what follows it (never alone at a page foot); a table row never splits, and a
 * table continuing on a new page repeats its header row. Text is set in Roboto (the font files pdfmake ships), read
 * once from its fixed path; nothing in a document's content can make it open a file or a URL.
 */

const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONTS = {
  regular: readFileSync(path.join(FONT_DIR, 'Roboto-Regular.ttf')),
  bold: readFileSync(path.join(FONT_DIR, 'Roboto-Medium.ttf')),
  italic: readFileSync(path.join(FONT_DIR, 'Roboto-Italic.ttf')),
};

export const NHS_BLUE = '#005eb8';
export const GREY = '#4c6272';
const RULE = '#aeb7bd';
const HEADER_FILL = '#e8edee';
const TEXT = '#212b32';

export type { PdfCell, PdfCellValue, PdfRun } from './pdf-cells';

export interface TaggedPdfOptions {
  title: string;
  subject?: string;
  author?: string;
  landscape?: boolean;
  /** Body text size; headings and notes scale from it. */
  fontSize?: number;
  /** A line above the content on every page but the first (an artifact). */
  runningHeader?: string;
  /** The left part of the footer (an artifact); "Page n of m" is on the right. */
  footerLeft?: string;
}

/** pdfkit's structure options; `scope` (of a TH) is written by pdfkit 0.19 but not yet in its types. */
type StructOptions = Parameters<PDFKit.PDFDocument['struct']>[1];

const HEADING_SIZES = { 1: 18, 2: 13, 3: 10.5 } as const;
const CELL_PAD = 4;

/** A document built block by block: headings, paragraphs, tables and figures, tagged as they are drawn. */
export class TaggedPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly size: number;
  /** Headings waiting to be drawn with the start of the block after them. */
  private pending: { level: 1 | 2 | 3; text: string }[] = [];

  constructor(private readonly options: TaggedPdfOptions) {
    this.size = options.fontSize ?? 9.5;
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins: { top: 56, bottom: 56, left: 40, right: 40 },
      pdfVersion: '1.7',
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      bufferPages: true,
      info: {
        Title: options.title,
        Author: options.author ?? 'CCC supervision and training programme',
        Subject: options.subject ?? options.title,
        Creator: 'CCC programme service',
      },
    });
    this.doc.registerFont('regular', FONTS.regular);
    this.doc.registerFont('bold', FONTS.bold);
    this.doc.registerFont('italic', FONTS.italic);
    this.doc.font('regular').fontSize(this.size).fillColor(TEXT);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get left() {
    return this.doc.page.margins.left;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private style(run: { bold?: boolean; italic?: boolean; small?: boolean }, size = this.size) {
    this.doc
      .font(run.bold ? 'bold' : run.italic ? 'italic' : 'regular')
      .fontSize(run.small ? size - 1 : size)
      .fillColor(run.small ? GREY : TEXT);
  }

  /** Height of runs set one after another in a paragraph of this width. */
  private runsHeight(runs: PdfRun[], width: number, size = this.size): number {
    // Measured as one string in the paragraph's dominant style: runs share a line, so their widths are close.
    const main = runs.find((r) => !r.small) ?? runs[0] ?? { text: '' };
    this.style(main, size);
    return this.doc.heightOfString(runs.map((r) => r.text).join('') || ' ', { width, lineGap: 1.5 });
  }

  /** Lines of runs, one under another (a cell's stack), each line measured in its own style. */
  private stackHeight(lines: PdfRun[], width: number, size: number): number {
    return lines.reduce((sum, line) => {
      this.style(line, size);
      return sum + this.doc.heightOfString(line.text || ' ', { width, lineGap: 1 });
    }, 0);
  }

  private headingHeight(level: 1 | 2 | 3, text: string): number {
    this.doc.font('bold').fontSize(HEADING_SIZES[level]);
    return this.doc.heightOfString(text, { width: this.width }) + (level === 1 ? 4 : level === 2 ? 16 : 8);
  }

  /** A new page when the next `height` points do not fit below the cursor. */
  private ensure(height: number): boolean {
    if (this.doc.y + height <= this.bottom) return false;
    this.doc.addPage();
    return true;
  }

  /** Draws the waiting headings, first moving to a new page unless they fit with `following` points after them. */
  private flushHeadings(following: number) {
    if (!this.pending.length) return;
    const heights = this.pending.map((h) => this.headingHeight(h.level, h.text));
    const atTop = this.doc.y <= this.doc.page.margins.top + 1;
    if (!atTop) this.ensure(heights.reduce((a, b) => a + b, 0) + following);
    for (const { level, text } of this.pending) {
      const top = this.doc.y <= this.doc.page.margins.top + 1;
      if (!top) this.doc.y += level === 1 ? 0 : level === 2 ? 12 : 6;
      this.root.add(
        this.doc.struct(`H${level}`, {}, () => {
          this.doc
            .font('bold')
            .fontSize(HEADING_SIZES[level])
            .fillColor(level === 3 ? TEXT : NHS_BLUE)
            .text(text, this.left, this.doc.y, { width: this.width });
        }),
      );
      this.doc.y += level === 1 ? 4 : level === 2 ? 4 : 2;
    }
    this.pending = [];
  }

  /** A heading, drawn with the start of the next block (so never alone at the foot of a page). */
  heading(level: 1 | 2 | 3, text: string): this {
    this.pending.push({ level, text });
    return this;
  }

  /** A paragraph of one or more runs; `gap` points below it. */
  paragraph(
    content: string | PdfRun[],
    options: { small?: boolean; bold?: boolean; italic?: boolean; gap?: number } = {},
  ) {
    const runs = typeof content === 'string' ? [{ text: content, ...options }] : content;
    const height = this.runsHeight(runs, this.width);
    // A short paragraph is kept on one page; a long one flows on, its marked content continued by pdfkit.
    const lineHeight = this.doc.currentLineHeight(true);
    this.flushHeadings(Math.min(height, lineHeight * 3));
    if (height < 120) this.ensure(height);
    this.root.add(
      this.doc.struct('P', {}, () => {
        this.doc.x = this.left;
        runs.forEach((run, i) => {
          this.style(run);
          const last = i === runs.length - 1;
          if (i === 0)
            this.doc.text(run.text, this.left, this.doc.y, { width: this.width, lineGap: 1.5, continued: !last });
          else this.doc.text(run.text, { continued: !last });
        });
      }),
    );
    this.doc.x = this.left;
    this.doc.y += options.gap ?? 4;
    return this;
  }

  /**
   * A table with its header row (TH, scope Column), each row kept whole; a table continuing on a new page repeats
   * the header as an artifact, so a screen reader meets it once. An empty table prints `empty` instead.
   */
  table(
    columns: string[],
    rows: PdfCellValue[][],
    options: { widths?: (number | '*')[]; empty?: string; fontSize?: number } = {},
  ) {
    const size = options.fontSize ?? this.size - 0.5;
    if (rows.length === 0) {
      this.paragraph(options.empty ?? 'None yet.', { italic: true, gap: 8 });
      return this;
    }
    const widths = this.columnWidths(columns, rows, options.widths, size);
    const tableWidth = widths.reduce((a, b) => a + b, 0);
    const header = columns.map((text) => [{ text, bold: true }] as PdfRun[]);
    const figures = columns.map((_, i) => rows.some((row) => isNumeric(row[i] ?? null)));
    // In a column of figures an empty cell's dash sits where the figure would.
    const body = rows.map((row) =>
      row.map((cell, i) => ({
        runs: cellRuns(cell),
        numeric: isNumeric(cell) || ((figures[i] ?? false) && (cell === null || cell === '')),
      })),
    );
    const rowHeight = (cells: PdfRun[][]) =>
      Math.max(...cells.map((runs, i) => this.stackHeight(runs, itemAt(widths, i) - 2 * CELL_PAD, size))) +
      2 * CELL_PAD;
    const headerHeight = rowHeight(header);
    const firstHeight = rowHeight(itemAt(body, 0).map((c) => c.runs));
    this.flushHeadings(headerHeight + firstHeight);
    this.ensure(headerHeight + firstHeight);

    const table = this.doc.struct('Table');
    this.root.add(table);
    const drawRow = (cells: { runs: PdfRun[]; numeric: boolean }[], kind: 'TH' | 'TD' | 'artifact', height: number) => {
      const top = this.doc.y;
      this.artifact(() => {
        if (kind !== 'TD') this.doc.rect(this.left, top, tableWidth, height).fill(HEADER_FILL);
        this.doc
          .moveTo(this.left, top + height)
          .lineTo(this.left + tableWidth, top + height)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
      });
      const row = kind === 'artifact' ? null : this.doc.struct('TR');
      if (row) table.add(row);
      let x = this.left;
      cells.forEach((cell, i) => {
        const width = itemAt(widths, i) - 2 * CELL_PAD;
        const cellX = x;
        let y = top + CELL_PAD;
        const drawLine = (line: PdfRun) => () => {
          this.style(line, size);
          this.doc.text(line.text, cellX + CELL_PAD, y, { width, lineGap: 1, align: cell.numeric ? 'right' : 'left' });
          y = this.doc.y;
        };
        const options = (kind === 'TH' ? { scope: 'Column' } : {}) as StructOptions;
        if (!row) this.artifact(() => cell.runs.forEach((line) => drawLine(line)()));
        else if (cell.runs.length === 1) row.add(this.doc.struct(kind, options, drawLine(itemAt(cell.runs, 0))));
        // Lines one under another are paragraphs of the cell, so they read as separate phrases.
        else
          row.add(
            this.doc.struct(
              kind,
              options,
              cell.runs.map((line) => this.doc.struct('P', {}, drawLine(line))),
            ),
          );
        x += itemAt(widths, i);
      });
      row?.end();
      this.doc.x = this.left;
      this.doc.y = top + height;
    };
    // A column of figures has its heading over the figures, on the right.
    const headerCells = header.map((runs, i) => ({ runs, numeric: itemAt(figures, i) }));
    drawRow(headerCells, 'TH', headerHeight);
    for (const cells of body) {
      const height = rowHeight(cells.map((c) => c.runs));
      if (this.ensure(height)) drawRow(headerCells, 'artifact', headerHeight);
      drawRow(cells, 'TD', height);
    }
    table.end();
    this.doc.y += 10;
    return this;
  }

  /** A chart or other picture: drawn as vectors by `draw` within its box, tagged as a Figure with its words. */
  figure(
    alt: string,
    height: number,
    draw: (doc: PDFKit.PDFDocument, box: { x: number; y: number; width: number }) => void,
  ) {
    this.flushHeadings(height);
    this.ensure(height);
    const box = { x: this.left, y: this.doc.y, width: this.width };
    const figure = this.doc.struct('Figure', { alt });
    this.root.add(figure);
    figure.add(this.doc.markStructureContent('Figure'));
    draw(this.doc, box);
    this.doc.endMarkedContent();
    figure.end();
    this.doc.x = this.left;
    this.doc.y = box.y + height + 6;
    this.style({});
    return this;
  }

  private artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout') {
    this.doc.save();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
    this.doc.restore();
  }

  /**
   * Column widths: numbers as given; '*' columns share what is left; the others as wide as their longest text
   * (at most 260pt) but never narrower than their longest word, so that no word is broken. With no '*' column a
   * table of short figures stays narrow instead of spreading its numbers across the page.
   */
  private columnWidths(columns: string[], rows: PdfCellValue[][], given: (number | '*')[] | undefined, size: number) {
    const pad = 2 * CELL_PAD + 2;
    const measure = (i: number) => {
      const texts = [
        itemAt(columns, i),
        ...rows.map((r) =>
          cellRuns(r[i] ?? null)
            .map((run) => run.text)
            .join(' '),
        ),
      ];
      this.doc.font('regular').fontSize(size);
      const longest = Math.max(...texts.map((text) => this.doc.widthOfString(text)));
      const word = Math.max(...texts.slice(1).map((text) => this.doc.widthOfString(longestWord(text))), 0);
      this.doc.font('bold');
      const min = Math.max(word, this.doc.widthOfString(longestWord(itemAt(columns, i)))) + pad;
      return { min, want: Math.max(min, Math.min(longest + pad, 260)) };
    };
    const kinds = columns.map((_, i) => given?.[i] ?? 'auto');
    const fixed = kinds.reduce<number>((sum, k) => sum + (typeof k === 'number' ? k : 0), 0);
    const auto = kinds.map((k, i) => (k === 'auto' ? measure(i) : { min: 0, want: 0 }));
    const stars = kinds.filter((k) => k === '*').length;
    const free = this.width - fixed;
    const sumMin = auto.reduce((n, a) => n + a.min, 0);
    const sumWant = auto.reduce((n, a) => n + a.want, 0);
    // Share of each auto column's stretch (want − min) that fits; a star column takes at least 80pt.
    const room = free - (stars ? stars * 80 : 0);
    const ratio = sumWant <= room ? 1 : Math.max(0, (room - sumMin) / Math.max(1, sumWant - sumMin));
    const autoWidths = auto.map((a) => a.min + (a.want - a.min) * ratio);
    const squeeze = sumMin > room ? room / sumMin : 1;
    const used = autoWidths.reduce((n, w) => n + w * squeeze, 0);
    const star = stars ? (free - used) / stars : 0;
    return kinds.map((k, i) => (typeof k === 'number' ? k : k === '*' ? star : itemAt(autoWidths, i) * squeeze));
  }

  /** Finishes the pages (running header, "Page n of m", as artifacts) and returns the file. */
  end(): Promise<Buffer> {
    this.flushHeadings(0);
    this.root.end();
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const margins = this.doc.page.margins;
      const bottom = margins.bottom;
      margins.bottom = 0; // writing in the margin must not start a new page
      this.artifact(() => {
        this.doc.font('regular').fontSize(8).fillColor(GREY);
        const width = this.doc.page.width - margins.left - margins.right;
        if (i > start && this.options.runningHeader)
          this.doc.text(this.options.runningHeader, margins.left, 28, { width, lineBreak: false });
        const y = this.doc.page.height - bottom + 20;
        if (this.options.footerLeft)
          this.doc.text(this.options.footerLeft, margins.left, y, { width, lineBreak: false });
        this.doc.text(`Page ${i - start + 1} of ${count}`, margins.left, y, {
          width,
          align: 'right',
          lineBreak: false,
        });
      }, 'Pagination');
      margins.bottom = bottom;
    }
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
