import type { EnrolmentSummary, ResumeEnrolmentRequest } from '@ccc/contracts';
import { api } from '../../../lib/api-client';
import { useEnrolmentMutation } from './change-enrolment';

/** Administrators: the CCC back from a date, the plan after the pause shifted or not. */
export function resumeEnrolment(enrolmentId: string, body: ResumeEnrolmentRequest): Promise<EnrolmentSummary> {
  return api.post<EnrolmentSummary>(`/enrolments/${encodeURIComponent(enrolmentId)}/resume`, body);
}

export const useResumeEnrolment = (enrolmentId: string) => useEnrolmentMutation(enrolmentId, resumeEnrolment);
