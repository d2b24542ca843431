import type { AttestRequest, DutiesResponse, ExpectationsResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The responsible party says an expectation that data cannot show has been met, and when. */
export function attest(enrolmentId: string, body: AttestRequest): Promise<ExpectationsResponse> {
  return answer(contract.POST('/api/enrolments/{id}/attestations', { params: { path: { id: enrolmentId } }, body }));
}

/** The duty's party says one of its Table 2 duties to the CCC was done, and when. */
export function attestDuty(
  enrolmentId: string,
  key: string,
  body: Omit<AttestRequest, 'expectationKey'>,
): Promise<DutiesResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/duties/{key}/attestation', {
      params: { path: { id: enrolmentId, key } },
      body,
    }),
  );
}

/** An expectation's attestation, or (`duty`) a Table 2 duty's: either changes the expectations and the PCN home. */
export function useAttest(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ duty, ...body }: AttestRequest & { duty?: boolean }) => {
      if (!duty) return { expectations: await attest(enrolmentId, body) };
      const { expectationKey, ...rest } = body;
      return { duties: await attestDuty(enrolmentId, expectationKey, rest) };
    },
    onSuccess: async (response) => {
      if (response.expectations)
        queryClient.setQueryData(queryKeys.enrolments.expectations(enrolmentId), response.expectations);
      if (response.duties) {
        queryClient.setQueryData(queryKeys.enrolments.duties(enrolmentId), response.duties);
        await queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.expectations(enrolmentId) });
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.pcnHome, refetchType: 'all' });
    },
  });
}
