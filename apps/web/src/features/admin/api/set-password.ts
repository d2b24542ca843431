import type { SetPasswordRequest } from '@ccc/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Sets the password once, from the invitation link; then the person signs in as usual. */
export function setPassword(token: string, body: SetPasswordRequest): Promise<void> {
  return api.post<void>(`/invitations/${encodeURIComponent(token)}/password`, body, { authenticated: false });
}

export function useSetPassword(token: string) {
  return useMutation({ mutationFn: (body: SetPasswordRequest) => setPassword(token, body) });
}
