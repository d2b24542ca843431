import type { MeResponse } from '@ccc/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { meQueryKey } from '../features/auth/api/get-me';
import { createQueryClient } from '../lib/query-client';

export function AppProvider({ me, children }: { me?: MeResponse; children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // Signed in just now: the header names the person without asking the API again.
    if (me) client.setQueryData(meQueryKey, me);
    return client;
  });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
