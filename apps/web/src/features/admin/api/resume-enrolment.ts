import type { EnrolmentSummary, ResumeEnrolmentRequest } from '@ccc/contracts';
import { answer, contract } from '../../../lib/contract-client';
import { useEnrolmentMutation } from './change-enrolment';

/** Administrators: the CCC back from a date, the plan after the pause shifted or not. */
export function resumeEnrolment(enrolmentId: string, body: ResumeEnrolmentRequest): Promise<EnrolmentSummary> {
  return answer(contract.POST('/api/enrolments/{id}/resume', { params: { path: { id: enrolmentId } }, body }));
}

export const useResumeEnrolment = (enrolmentId: string) => useEnrolmentMutation(enrolmentId, resumeEnrolment);
