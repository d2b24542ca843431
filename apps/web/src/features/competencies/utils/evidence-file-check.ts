import { detectEvidenceType, MAX_EVIDENCE_BYTES } from '@ccc/programme';
import { describeError } from '../../../components/error-message';
import { isApiClientError } from '../../../lib/api-client';

export const FILE_TOO_BIG = 'The file must be 10 MB or smaller';
export const FILE_WRONG_TYPE = 'The file must be a PDF, image or office document';
export const FILE_EMPTY = 'The selected file is empty';

/**
 * The API's own rules, checked before sending so that nobody waits for a 10 MB upload to be refused: the size,
 * then the type as told by the content (the same check the API makes), never by the name alone.
 */
export function checkEvidenceBytes(bytes: Uint8Array, fileName: string, sizeBytes: number): string | null {
  if (sizeBytes === 0) return FILE_EMPTY;
  if (sizeBytes > MAX_EVIDENCE_BYTES) return FILE_TOO_BIG;
  return detectEvidenceType(bytes, fileName) ? null : FILE_WRONG_TYPE;
}

/** Reads the file (at most 10 MB, so it is fine in memory) and checks it. */
export async function checkEvidenceFile(file: File): Promise<string | null> {
  if (file.size > MAX_EVIDENCE_BYTES) return FILE_TOO_BIG;
  const bytes = new Uint8Array(await file.arrayBuffer());
  return checkEvidenceBytes(bytes, file.name, file.size);
}

/** A refused upload in plain English: 413 and 415 say what the file must be; anything else as the API said it. */
export function uploadErrorMessage(error: unknown): string {
  if (isApiClientError(error)) {
    if (error.status === 413) return FILE_TOO_BIG;
    if (error.status === 415) return FILE_WRONG_TYPE;
  }
  return describeError(error);
}
