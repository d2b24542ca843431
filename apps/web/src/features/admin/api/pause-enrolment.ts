import type { EnrolmentSummary, PauseEnrolmentRequest } from '@ccc/contracts';
import { answer, contract } from '../../../lib/contract-client';
import { useEnrolmentMutation } from './change-enrolment';

/** Administrators: the CCC paused from a date, with a reason. */
export function pauseEnrolment(enrolmentId: string, body: PauseEnrolmentRequest): Promise<EnrolmentSummary> {
  return answer(contract.POST('/api/enrolments/{id}/pause', { params: { path: { id: enrolmentId } }, body }));
}

export const usePauseEnrolment = (enrolmentId: string) => useEnrolmentMutation(enrolmentId, pauseEnrolment);
