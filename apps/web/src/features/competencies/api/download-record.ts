import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../../../lib/api-client';
import { saveBlob } from '../utils/save-blob';

/** The CCC's portable record (competencies with sign-offs, training done, sessions attended) as a PDF. */
export function downloadRecord(enrolmentId: string): Promise<Blob> {
  return apiDownload(`/enrolments/${encodeURIComponent(enrolmentId)}/record.pdf`, 'application/pdf');
}

/** "sam-taylor-programme-record.pdf" */
export function recordFileName(cccName: string): string {
  const slug = cccName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'my'}-programme-record.pdf`;
}

export function useDownloadRecord(enrolmentId: string, cccName: string) {
  return useMutation({
    mutationFn: () => downloadRecord(enrolmentId),
    onSuccess: (blob) => saveBlob(blob, recordFileName(cccName)),
  });
}
