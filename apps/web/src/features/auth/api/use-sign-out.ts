import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { clearAuth } from '../../../lib/auth-store';

/** Signing out is local: the token is stateless, so forgetting it and the cached data is enough. */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    clearAuth('signed_out');
    queryClient.clear();
  }, [queryClient]);
}
