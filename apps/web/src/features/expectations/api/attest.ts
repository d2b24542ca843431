import type { AttestRequest, ExpectationsResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The responsible party says an expectation that data cannot show has been met, and when. */
export function attest(enrolmentId: string, body: AttestRequest): Promise<ExpectationsResponse> {
  return api.post<ExpectationsResponse>(`/enrolments/${encodeURIComponent(enrolmentId)}/attestations`, body);
}

export function useAttest(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttestRequest) => attest(enrolmentId, body),
    onSuccess: async (response) => {
      queryClient.setQueryData(['enrolments', enrolmentId, 'expectations'], response);
      await queryClient.invalidateQueries({ queryKey: ['pcn-home'], refetchType: 'all' });
    },
  });
}
