import { queryOptions, useQuery } from '@tanstack/react-query';
import { getSsoProviders } from './sign-in-requests';

export const ssoProvidersQueryKey = ['sso-providers'] as const;

export const ssoProvidersQuery = queryOptions({
  queryKey: ssoProvidersQueryKey,
  queryFn: ({ signal }) => getSsoProviders(signal),
  staleTime: 5 * 60_000,
});

export function useSsoProviders() {
  return useQuery(ssoProvidersQuery);
}
