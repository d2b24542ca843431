import type { ChangeEnrolmentRequest, EnrolmentChange, EnrolmentSummary, VersionRequest } from '@ccc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, contract, done } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

const params = (enrolmentId: string) => ({ path: { id: enrolmentId } });

/** Administrators: another PCN, PCN supervisor or Alliance supervisor from a date. */
export function changeEnrolment(enrolmentId: string, body: ChangeEnrolmentRequest): Promise<EnrolmentSummary> {
  return answer(contract.PATCH('/api/enrolments/{id}', { params: params(enrolmentId), body }));
}

/** Administrators: a withdrawn CCC back on the programme. */
export function reinstateEnrolment(enrolmentId: string, body: VersionRequest): Promise<EnrolmentSummary> {
  return answer(contract.POST('/api/enrolments/{id}/reinstate', { params: params(enrolmentId), body }));
}

/** Administrators: a completed or withdrawn enrolment active again, with the reason. */
export function reopenEnrolment(
  enrolmentId: string,
  body: VersionRequest & { reason: string },
): Promise<EnrolmentSummary> {
  return answer(contract.POST('/api/enrolments/{id}/reopen', { params: params(enrolmentId), body }));
}

/** Administrators: an enrolment made in error, before anything happened in it. */
export function deleteEnrolment(enrolmentId: string, body: VersionRequest): Promise<void> {
  return done(contract.DELETE('/api/enrolments/{id}', { params: params(enrolmentId), body }));
}

/** What changed in the enrolment, when, from which date and why. */
export function getEnrolmentChanges(enrolmentId: string, signal?: AbortSignal): Promise<EnrolmentChange[]> {
  return answer(contract.GET('/api/enrolments/{id}/changes', { params: params(enrolmentId), signal }));
}

export function getEnrolmentChangesQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: queryKeys.enrolments.changes(enrolmentId),
    queryFn: ({ signal }) => getEnrolmentChanges(enrolmentId, signal),
  });
}

export function useEnrolmentChanges(enrolmentId: string) {
  return useQuery(getEnrolmentChangesQueryOptions(enrolmentId));
}

export function useEnrolmentMutation<B, R>(enrolmentId: string, send: (enrolmentId: string, body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => send(enrolmentId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cohorts.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseload });
    },
  });
}

export const useChangeEnrolment = (enrolmentId: string) => useEnrolmentMutation(enrolmentId, changeEnrolment);
export const useReinstateEnrolment = (enrolmentId: string) => useEnrolmentMutation(enrolmentId, reinstateEnrolment);
export const useReopenEnrolment = (enrolmentId: string) => useEnrolmentMutation(enrolmentId, reopenEnrolment);
export const useDeleteEnrolment = (enrolmentId: string) => useEnrolmentMutation(enrolmentId, deleteEnrolment);
