import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../lib/api-client';
import { clearAuth } from '../../../lib/auth-store';

/**
 * Ends the session on the server (the refresh cookie is revoked with every access token of the session), then
 * forgets the token and the cached data. The local part happens even if the API cannot be reached.
 */
export async function signOut(): Promise<void> {
  await api.post<void>('/auth/logout', undefined, { authenticated: false }).catch(() => undefined);
}

export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void signOut().finally(() => {
      clearAuth('signed_out');
      queryClient.clear();
    });
  }, [queryClient]);
}
