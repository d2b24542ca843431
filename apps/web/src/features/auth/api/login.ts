import type { LoginRequest, LoginResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, publicContract } from '../../../lib/contract-client';
import { setAuth } from '../../../lib/auth-store';
import { meQueryKey } from './get-me';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  // Not authenticated: a 401 here means wrong credentials, not an ended session.
  return answer(publicContract.POST('/api/auth/login', { body: credentials }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      // Whatever the previous person saw must not leak into this session.
      queryClient.clear();
      setAuth(result.accessToken, result.expiresIn);
      queryClient.setQueryData(meQueryKey, result.me);
    },
  });
}
