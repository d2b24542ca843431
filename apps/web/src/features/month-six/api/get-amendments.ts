import type { AmendmentView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { amendmentsQueryKey } from './keys';

/** The corrections made to a completed enrolment's records, each with its reason, before and after. */
export function getAmendments(enrolmentId: string, signal?: AbortSignal): Promise<AmendmentView[]> {
  return answer(contract.GET('/api/enrolments/{id}/amendments', { params: { path: { id: enrolmentId } }, signal }));
}

export function getAmendmentsQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: amendmentsQueryKey(enrolmentId),
    queryFn: ({ signal }) => getAmendments(enrolmentId, signal),
  });
}

export function useAmendments(enrolmentId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getAmendmentsQueryOptions(enrolmentId), enabled: options.enabled ?? true });
}
