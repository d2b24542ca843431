import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, publicContract } from '../../../lib/contract-client';
import type { LinkAnswerRequest, LinkView } from '@ccc/contracts';
import { queryKeys } from '../../../lib/query-keys';

export type LinkAnswer = LinkAnswerRequest;

/** Answers the link as the PCN supervisor it was sent to; it works once. */
export function answerLink(token: string, body: LinkAnswer): Promise<LinkView> {
  return answer(publicContract.POST('/api/links/{token}', { params: { path: { token } }, body }));
}

export function useAnswerLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkAnswer) => answerLink(token, body),
    onSuccess: (view) => {
      queryClient.setQueryData(queryKeys.link(token), view);
    },
  });
}
