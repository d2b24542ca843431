/*
 * Which files a CCC may give as evidence, decided by their content (the first bytes and, for Office files, the
 * zip's table of contents), never by the name or the type the browser claims. Anything else is refused.
 */

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceFileType {
  kind: 'pdf' | 'image' | 'office';
  contentType: string;
  /** The extension a download is given. */
  extension: string;
}

export const ALLOWED_EVIDENCE_DESCRIPTION =
  'a PDF, an image (PNG, JPEG, GIF or WebP) or an Office document (Word, Excel or PowerPoint)';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const uint16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const uint32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The entry names of a zip archive, read from its central directory; null when it is not a readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const EOCD = 0x06054b50;
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (uint32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = uint16(bytes, end + 10);
  let at = uint32(bytes, end + 16);
  const names: string[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || uint32(bytes, at) !== 0x02014b50) return null;
    const nameLength = uint16(bytes, at + 28);
    const extra = uint16(bytes, at + 30);
    const comment = uint16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

const OFFICE_ZIP: { part: string; type: EvidenceFileType }[] = [
  {
    part: 'word/document.xml',
    type: {
      kind: 'office',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    },
  },
  {
    part: 'xl/workbook.xml',
    type: {
      kind: 'office',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    },
  },
  {
    part: 'ppt/presentation.xml',
    type: {
      kind: 'office',
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      extension: 'pptx',
    },
  },
];

const LEGACY_OFFICE: Record<string, EvidenceFileType> = {
  doc: { kind: 'office', contentType: 'application/msword', extension: 'doc' },
  xls: { kind: 'office', contentType: 'application/vnd.ms-excel', extension: 'xls' },
  ppt: { kind: 'office', contentType: 'application/vnd.ms-powerpoint', extension: 'ppt' },
};

/**
 * The type of an evidence file, or null when it is not one we keep. Legacy Office files share one container
 * format (also used by Outlook messages and others), so for those the name must say .doc, .xls or .ppt too.
 */
export function detectEvidenceType(bytes: Uint8Array, fileName = ''): EvidenceFileType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return { kind: 'pdf', contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', contentType: 'image/png', extension: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', contentType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { kind: 'image', contentType: 'image/gif', extension: 'gif' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { kind: 'image', contentType: 'image/webp', extension: 'webp' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names || !names.includes('[Content_Types].xml')) return null;
    return OFFICE_ZIP.find((o) => names.includes(o.part))?.type ?? null;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
    return LEGACY_OFFICE[extension] ?? null;
  }
  return null;
}
