import type { AddWorkforceAttendeeRequest, RegisterWorkforceAttendanceRequest, SessionWorkforce } from '@ccc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

export const sessionWorkforceKey = (sessionId: string) => ['sessions', sessionId, 'workforce'] as const;

/** The wider workforce at a session open to them (the Alliance's side only: others are refused). */
export function getSessionWorkforce(sessionId: string): Promise<SessionWorkforce> {
  return answer(contract.GET('/api/sessions/{id}/workforce', { params: { path: { id: sessionId } } }));
}

export const sessionWorkforceQuery = (sessionId: string) =>
  queryOptions({
    queryKey: sessionWorkforceKey(sessionId),
    queryFn: () => getSessionWorkforce(sessionId),
    retry: false,
  });

export function useSessionWorkforce(sessionId: string, enabled: boolean) {
  return useQuery({ ...sessionWorkforceQuery(sessionId), enabled });
}

export function useAddWorkforceAttendee(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddWorkforceAttendeeRequest) =>
      answer(contract.POST('/api/sessions/{id}/workforce', { params: { path: { id: sessionId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionWorkforceKey(sessionId) }),
  });
}

export function useRegisterWorkforceAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ attendeeId, ...body }: RegisterWorkforceAttendanceRequest & { attendeeId: string }) =>
      answer(
        contract.PATCH('/api/sessions/{id}/workforce/{attendeeId}', {
          params: { path: { id: sessionId, attendeeId } },
          body,
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionWorkforceKey(sessionId) }),
  });
}
