import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { LinkAnswerRequest, LinkView } from '@ccc/contracts';

export type LinkAnswer = LinkAnswerRequest;

/** Answers the link as the PCN supervisor it was sent to; it works once. */
export function answerLink(token: string, body: LinkAnswer): Promise<LinkView> {
  return api.post<LinkView>(`/links/${encodeURIComponent(token)}`, body, { authenticated: false });
}

export function useAnswerLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkAnswer) => answerLink(token, body),
    onSuccess: (view) => {
      queryClient.setQueryData(['links', token], view);
    },
  });
}
