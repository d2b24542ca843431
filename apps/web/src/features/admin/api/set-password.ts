import type { SetPasswordRequest } from '@ccc/contracts';
import { useMutation } from '@tanstack/react-query';
import { done, publicContract } from '../../../lib/contract-client';

/** Sets the password once, from the invitation link; then the person signs in as usual. */
export function setPassword(token: string, body: SetPasswordRequest): Promise<void> {
  return done(publicContract.POST('/api/invitations/{token}/password', { params: { path: { token } }, body }));
}

export function useSetPassword(token: string) {
  return useMutation({ mutationFn: (body: SetPasswordRequest) => setPassword(token, body) });
}
