import { detectEvidenceType, zipEntryNames } from './evidence-files';

/** A minimal zip (stored, no compression) holding empty entries with these names. */
export function zipOf(names: string[]): Uint8Array {
  const enc = (s: string) => [...s].map((c) => c.charCodeAt(0));
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  const local: number[] = [];
  const central: number[] = [];
  for (const name of names) {
    const offset = local.length;
    local.push(
      ...u32(0x04034b50),
      ...u16(20),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(0),
      ...u32(0),
      ...u16(name.length),
      ...u16(0),
      ...enc(name),
    );
    central.push(
      ...u32(0x02014b50),
      ...u16(20),
      ...u16(20),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(0),
      ...u32(0),
      ...u16(name.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(offset),
      ...enc(name),
    );
  }
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(names.length),
    ...u16(names.length),
    ...u32(central.length),
    ...u32(local.length),
    ...u16(0),
  ];
  return new Uint8Array([...local, ...central, ...end]);
}

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('evidence files are recognised by their content', () => {
  it('knows PDFs and images by their first bytes', () => {
    expect(detectEvidenceType(bytes('%PDF-1.7\n'), 'x.txt')?.contentType).toBe('application/pdf');
    expect(detectEvidenceType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType).toBe('image/png');
    expect(detectEvidenceType(bytes([0xff, 0xd8, 0xff, 0xe0]))?.contentType).toBe('image/jpeg');
    expect(detectEvidenceType(bytes('GIF89a'))?.contentType).toBe('image/gif');
    expect(detectEvidenceType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.contentType).toBe('image/webp');
  });

  it('knows Office documents by the parts inside the zip, and refuses any other zip', () => {
    const docx = zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(detectEvidenceType(docx, 'evidence.pdf')?.extension).toBe('docx');
    expect(detectEvidenceType(zipOf(['[Content_Types].xml', 'xl/workbook.xml']))?.extension).toBe('xlsx');
    expect(detectEvidenceType(zipOf(['[Content_Types].xml', 'ppt/presentation.xml']))?.extension).toBe('pptx');
    expect(detectEvidenceType(zipOf(['payload.exe']), 'report.docx')).toBeNull();
    expect(detectEvidenceType(bytes([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.docx')).toBeNull();
  });

  it('accepts a legacy Office container only under an Office name', () => {
    const cfb = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(detectEvidenceType(cfb, 'Notes.DOC')?.contentType).toBe('application/msword');
    expect(detectEvidenceType(cfb, 'mail.msg')).toBeNull();
  });

  it('refuses anything else, whatever its name', () => {
    expect(detectEvidenceType(bytes('MZ\x90\x00'), 'evidence.pdf')).toBeNull();
    expect(detectEvidenceType(bytes('<html><script>'), 'evidence.png')).toBeNull();
    expect(detectEvidenceType(new Uint8Array(), 'empty.pdf')).toBeNull();
  });
});
