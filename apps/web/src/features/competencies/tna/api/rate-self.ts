import type { TnaResponse, TnaSelfRatingsRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';
import { tnaQueryKey } from './get-tna';

/** The CCC's own ratings (and notes) for the competencies given; the others are kept. */
export function rateSelf(enrolmentId: string, round: number, body: TnaSelfRatingsRequest): Promise<TnaResponse> {
  return answer(
    contract.PUT('/api/enrolments/{id}/tna/{round}/self-ratings', {
      params: { path: { id: enrolmentId, round } },
      body,
    }),
  );
}

export function useRateSelf(enrolmentId: string, round: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TnaSelfRatingsRequest) => rateSelf(enrolmentId, round, body),
    onSuccess: (view) => queryClient.setQueryData(tnaQueryKey(enrolmentId), view),
  });
}
