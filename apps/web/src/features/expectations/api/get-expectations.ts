import type { ExpectationsResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** Each party's expectations for one CCC, with their state and evidence, and what the caller may attest. */
export function getExpectations(enrolmentId: string, signal?: AbortSignal): Promise<ExpectationsResponse> {
  return answer(contract.GET('/api/enrolments/{id}/expectations', { params: { path: { id: enrolmentId } }, signal }));
}

export function getExpectationsQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: queryKeys.enrolments.expectations(enrolmentId),
    queryFn: ({ signal }) => getExpectations(enrolmentId, signal),
  });
}

export function useExpectations(enrolmentId: string, enabled = true) {
  return useQuery({ ...getExpectationsQueryOptions(enrolmentId), enabled });
}
