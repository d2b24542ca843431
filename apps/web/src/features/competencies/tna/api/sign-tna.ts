import type { TnaResponse, TnaSignRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../lib/api-client';
import { tnaQueryKey, tnaRoundPath } from './get-tna';

/** The CCC or their Alliance supervisor signs their side of a round. */
export function signTna(enrolmentId: string, round: number, body: TnaSignRequest): Promise<TnaResponse> {
  return api.post<TnaResponse>(`${tnaRoundPath(enrolmentId, round)}/sign`, body);
}

export function useSignTna(enrolmentId: string, round: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TnaSignRequest) => signTna(enrolmentId, round, body),
    onSuccess: (view) => queryClient.setQueryData(tnaQueryKey(enrolmentId), view),
  });
}
