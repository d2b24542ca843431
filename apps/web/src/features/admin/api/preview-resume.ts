import type { ResumeEnrolmentRequest } from '@ccc/contracts';
import type { ResumePreview } from '@ccc/programme';
import { useMutation } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** Administrators: what resuming from this date would move, old and new month of each session; changes nothing. */
export function previewResume(enrolmentId: string, body: ResumeEnrolmentRequest): Promise<ResumePreview> {
  return answer(contract.POST('/api/enrolments/{id}/resume/preview', { params: { path: { id: enrolmentId } }, body }));
}

/** A mutation only in form (a POST); nothing is invalidated, as nothing changes. */
export function usePreviewResume(enrolmentId: string) {
  return useMutation({ mutationFn: (body: ResumeEnrolmentRequest) => previewResume(enrolmentId, body) });
}
