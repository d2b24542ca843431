import type { TnaResponse, TnaSignRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';
import { tnaQueryKey } from './get-tna';

/** The CCC or their Alliance supervisor signs their side of a round. */
export function signTna(enrolmentId: string, round: number, body: TnaSignRequest): Promise<TnaResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/tna/{round}/sign', { params: { path: { id: enrolmentId, round } }, body }),
  );
}

export function useSignTna(enrolmentId: string, round: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TnaSignRequest) => signTna(enrolmentId, round, body),
    onSuccess: (view) => queryClient.setQueryData(tnaQueryKey(enrolmentId), view),
  });
}
