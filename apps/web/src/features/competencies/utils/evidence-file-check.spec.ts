import { describe, expect, it } from '@jest/globals';
import { MAX_EVIDENCE_BYTES } from '@ccc/programme';
import { ApiClientError } from '../../../lib/api-client';
import {
  FILE_EMPTY,
  FILE_TOO_BIG,
  FILE_WRONG_TYPE,
  checkEvidenceBytes,
  uploadErrorMessage,
} from './evidence-file-check';

const pdf = new TextEncoder().encode('%PDF-1.4\n%test\n');
const text = new TextEncoder().encode('just some text');

describe('checking an evidence file before it is sent', () => {
  it('accepts a PDF told by its content', () => {
    expect(checkEvidenceBytes(pdf, 'notes.pdf', pdf.length)).toBeNull();
    // The name does not matter: the content does.
    expect(checkEvidenceBytes(pdf, 'notes.txt', pdf.length)).toBeNull();
  });

  it('refuses another type, an empty file and one over 10 MB, in plain English', () => {
    expect(checkEvidenceBytes(text, 'notes.pdf', text.length)).toBe(FILE_WRONG_TYPE);
    expect(checkEvidenceBytes(new Uint8Array(), 'empty.pdf', 0)).toBe(FILE_EMPTY);
    expect(checkEvidenceBytes(pdf, 'big.pdf', MAX_EVIDENCE_BYTES + 1)).toBe(FILE_TOO_BIG);
    expect(FILE_TOO_BIG).toBe('The file must be 10 MB or smaller');
    expect(FILE_WRONG_TYPE).toBe('The file must be a PDF, image or office document');
  });

  it('words the API’s 413 and 415, and passes other messages on', () => {
    expect(uploadErrorMessage(new ApiClientError(413, 'File too large'))).toBe(FILE_TOO_BIG);
    expect(uploadErrorMessage(new ApiClientError(415, 'Unsupported Media Type'))).toBe(FILE_WRONG_TYPE);
    expect(uploadErrorMessage(new ApiClientError(403, 'Only the CCC adds evidence'))).toBe(
      'Only the CCC adds evidence',
    );
  });
});
