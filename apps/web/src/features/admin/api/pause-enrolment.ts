import type { EnrolmentSummary, PauseEnrolmentRequest } from '@ccc/contracts';
import { api } from '../../../lib/api-client';
import { useEnrolmentMutation } from './change-enrolment';

/** Administrators: the CCC paused from a date, with a reason. */
export function pauseEnrolment(enrolmentId: string, body: PauseEnrolmentRequest): Promise<EnrolmentSummary> {
  return api.post<EnrolmentSummary>(`/enrolments/${encodeURIComponent(enrolmentId)}/pause`, body);
}

export const usePauseEnrolment = (enrolmentId: string) => useEnrolmentMutation(enrolmentId, pauseEnrolment);
