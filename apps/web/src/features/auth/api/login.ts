import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setAuth } from '../../../lib/auth-store';
import { meQueryKey } from './get-me';
import { login } from './sign-in-requests';

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
