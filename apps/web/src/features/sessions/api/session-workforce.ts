import type {
  AddWorkforceAttendeeRequest,
  RegisterWorkforceAttendanceRequest,
  SessionWorkforce,
  WorkforceAttendeeView,
} from '@ccc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const sessionWorkforceKey = (sessionId: string) => ['sessions', sessionId, 'workforce'] as const;

/** The wider workforce at a session open to them (the Alliance's side only: others are refused). */
export function getSessionWorkforce(sessionId: string): Promise<SessionWorkforce> {
  return api.get<SessionWorkforce>(`/sessions/${sessionId}/workforce`);
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
      api.post<WorkforceAttendeeView>(`/sessions/${sessionId}/workforce`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionWorkforceKey(sessionId) }),
  });
}

export function useRegisterWorkforceAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ attendeeId, ...body }: RegisterWorkforceAttendanceRequest & { attendeeId: string }) =>
      api.patch<WorkforceAttendeeView>(`/sessions/${sessionId}/workforce/${attendeeId}`, body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionWorkforceKey(sessionId) }),
  });
}
