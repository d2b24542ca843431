import type { EvidenceFileView } from '@ccc/contracts';
import { useMutation } from '@tanstack/react-query';
import { API_BASE, apiDownload } from '../../../lib/api-client';
import { saveBlob } from '../utils/save-blob';

/** The API's download address is under /api; apiDownload adds that itself. */
export function apiPathOf(downloadUrl: string): string {
  return downloadUrl.startsWith(`${API_BASE}/`) ? downloadUrl.slice(API_BASE.length) : downloadUrl;
}

/** An evidence file or certificate, fetched with the bearer token and saved under its own name. */
export function downloadEvidenceFile(file: EvidenceFileView): Promise<Blob> {
  return apiDownload(apiPathOf(file.downloadUrl), file.contentType || 'application/octet-stream');
}

export function useDownloadEvidenceFile(file: EvidenceFileView) {
  return useMutation({
    mutationFn: () => downloadEvidenceFile(file),
    onSuccess: (blob) => saveBlob(blob, file.fileName),
  });
}
