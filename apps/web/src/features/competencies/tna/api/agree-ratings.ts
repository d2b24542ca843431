import type { TnaAgreedRatingsRequest, TnaResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';
import { tnaQueryKey } from './get-tna';

/** The Alliance supervisor's agreed rating and training needs for the competencies given. */
export function agreeRatings(enrolmentId: string, round: number, body: TnaAgreedRatingsRequest): Promise<TnaResponse> {
  return answer(
    contract.PUT('/api/enrolments/{id}/tna/{round}/agreed-ratings', {
      params: { path: { id: enrolmentId, round } },
      body,
    }),
  );
}

export function useAgreeRatings(enrolmentId: string, round: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TnaAgreedRatingsRequest) => agreeRatings(enrolmentId, round, body),
    onSuccess: (view) => queryClient.setQueryData(tnaQueryKey(enrolmentId), view),
  });
}
