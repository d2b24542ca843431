import type { HandoverView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { handoverQueryKey } from './keys';

/** The handover and evaluation interview of month 6: its parts, who has signed, and what the caller may do. */
export function getHandover(enrolmentId: string, signal?: AbortSignal): Promise<HandoverView> {
  return answer(contract.GET('/api/enrolments/{id}/handover', { params: { path: { id: enrolmentId } }, signal }));
}

export function getHandoverQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: handoverQueryKey(enrolmentId),
    queryFn: ({ signal }) => getHandover(enrolmentId, signal),
  });
}

export function useHandover(enrolmentId: string) {
  return useQuery(getHandoverQueryOptions(enrolmentId));
}
