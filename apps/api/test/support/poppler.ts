import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * PDFs read back by a parser the project did not write: Debian's poppler-utils (`pdfinfo`, `pdftotext`), which
 * `.ci/run` installs as it installs Chromium. What a viewer or a screen reader would get: the metadata ("Tagged:
 * yes", the title), the structure tree with the text of each element, and the text in reading order.
 */

function withFile<T>(pdf: Buffer, read: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccc-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** `pdfinfo` as key → value ("Tagged" → "yes", "Title" → …, "Pages" → "3"). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (file) => run('pdfinfo', ['-enc', 'UTF-8', file]));
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** `pdfinfo -struct-text`: the structure tree, one element a line, indented, with the text it holds. */
export function pdfStructure(pdf: Buffer): string {
  return withFile(pdf, (file) => run('pdfinfo', ['-enc', 'UTF-8', '-struct-text', file]));
}

/** `pdftotext` (reading order, not the page's layout), whitespace folded to single spaces. */
export function pdfToText(pdf: Buffer): string {
  return withFile(pdf, (file) => run('pdftotext', ['-enc', 'UTF-8', file, '-'])).replace(/\s+/g, ' ');
}

/** `pdftotext`'s text of each page, lines kept, as the page's lines run. */
export function pdfPages(pdf: Buffer): string[] {
  return withFile(pdf, (file) => run('pdftotext', ['-enc', 'UTF-8', file, '-'])).split('\f');
}
