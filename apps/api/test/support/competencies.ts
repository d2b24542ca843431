import { inflateSync } from 'node:zlib';
import type { CompetencyDetailResponse, CompetencyGridResponse } from '@ccc/contracts';
import type { TestApp } from './test-app';

/** The first bytes of a real PDF, with a little body after them: enough to pass the content check. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A Windows program, named as if it were a PDF. */
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]);

export async function grid(t: TestApp, token: string, enrolmentId: string): Promise<CompetencyGridResponse> {
  return (await t.http().get(`/api/enrolments/${enrolmentId}/competencies`).set('Authorization', token).expect(200))
    .body;
}

export async function competency(
  t: TestApp,
  token: string,
  enrolmentId: string,
  code: string,
): Promise<CompetencyDetailResponse> {
  return (
    await t.http().get(`/api/enrolments/${enrolmentId}/competencies/${code}`).set('Authorization', token).expect(200)
  ).body;
}

export function stateOf(body: CompetencyGridResponse, code: string) {
  return body.domains.flatMap((d) => d.competencies).find((c) => c.code === code)!.progress;
}

/**
 * The text a PDF shows, read the way a viewer does: each content stream inflated, each string of glyph ids turned
 * back into characters through the ToUnicode map of the font in use. Enough for PDFs pdfkit writes (what pdfmake
 * uses), not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (const match of source.matchAll(objectPattern)) {
    const body = match[2]!;
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const start = match.index! + match[0].indexOf('stream') + 'stream'.length + (body[streamAt + 6] === '\r' ? 2 : 1);
      const end = source.indexOf('endstream', start);
      const raw = pdf.subarray(start, end);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(match[1]!, { dict, stream });
  }
  /** ToUnicode maps by font object: glyph id → text. */
  const cmapOf = new Map<string, Map<number, string>>();
  const cmap = (fontRef: string) => {
    if (cmapOf.has(fontRef)) return cmapOf.get(fontRef)!;
    const map = new Map<number, string>();
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontRef)?.dict ?? '')?.[1];
    const text = toUnicode ? (objects.get(toUnicode)?.stream?.toString('latin1') ?? '') : '';
    const utf16 = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
    for (const range of text.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const first = parseInt(range[1]!, 16);
      [...range[3]!.matchAll(/<([0-9a-f\s]+)>/gi)].forEach((m, i) => map.set(first + i, utf16(m[1]!)));
    }
    for (const pair of text.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]+)>$/gim))
      map.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
    cmapOf.set(fontRef, map);
    return map;
  };
  const out: string[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(dict)?.[1];
    const resources = /\/Resources (\d+) 0 R/.exec(dict)?.[1];
    const resourceDict = resources ? (objects.get(resources)?.dict ?? '') : dict;
    const fontsDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resourceDict)?.[1] ?? '';
    const fonts = new Map([...fontsDict.matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1]!, m[2]!]));
    const content = contents ? (objects.get(contents)?.stream?.toString('latin1') ?? '') : '';
    let font = '';
    for (const token of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj|(ET)/gi)) {
      if (token[1]) font = fonts.get(token[1]) ?? '';
      const strings = token[2]
        ? [...token[2].matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]!)
        : token[3]
          ? [token[3]]
          : [];
      for (const hex of strings) {
        const map = cmap(font);
        for (let i = 0; i + 4 <= hex.length; i += 4) out.push(map.get(parseInt(hex.slice(i, i + 4), 16)) ?? '');
      }
      if (token[4]) out.push(' ');
    }
  }
  return out.join('').replace(/\s+/g, ' ');
}
