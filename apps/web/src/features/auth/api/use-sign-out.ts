import type { LogoutResponse } from '@ccc/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../lib/api-client';
import { clearAuth } from '../../../lib/auth-store';

/**
 * Ends the session on the server (the refresh cookie is revoked with every access token of the session), then
 * forgets the token and the cached data. The local part happens even if the API cannot be reached.
 */
export async function signOut(): Promise<string | null> {
  const answer = await api
    .post<LogoutResponse | undefined>('/auth/logout', undefined, { authenticated: false })
    .catch(() => undefined);
  return answer?.endSessionUrl ?? null;
}

export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void signOut().then(
      (endSessionUrl) => {
        clearAuth('signed_out');
        queryClient.clear();
        // Signed in with an NHS account: end that session too (the provider sends the browser back to /sign-in).
        if (endSessionUrl) window.location.assign(endSessionUrl);
      },
      () => {
        clearAuth('signed_out');
        queryClient.clear();
      },
    );
  }, [queryClient]);
}
