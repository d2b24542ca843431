import type { CompetencyDetailResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUpload, type UploadProgress } from '../../../lib/api-client';
import { onCompetencyChanged } from './competency-changed';
import { competencyPath } from './get-competency';

export interface EvidenceFileUpload {
  file: File;
  /** An optional note about the file. */
  text?: string;
  onProgress?: (progress: UploadProgress) => void;
}

/** The CCC adds a file (PDF, image or Office document, at most 10 MB), sent as multipart with its progress shown. */
export function uploadEvidenceFile(
  enrolmentId: string,
  code: string,
  { file, text, onProgress }: EvidenceFileUpload,
): Promise<CompetencyDetailResponse> {
  const form = new FormData();
  if (text) form.append('text', text);
  form.append('file', file, file.name);
  return apiUpload<CompetencyDetailResponse>(`${competencyPath(enrolmentId, code)}/evidence/file`, form, {
    onProgress,
  });
}

export function useUploadEvidenceFile(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: EvidenceFileUpload) => uploadEvidenceFile(enrolmentId, code, upload),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
