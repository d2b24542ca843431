import type { SaveSsoProviderRequest, SsoSettingsView } from '@ccc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { ssoProvidersQueryKey } from './sso-providers';

export const ssoSettingsQueryKey = ['alliance-sso'] as const;
const peopleQueryKey = ['sso-settings', 'people'] as const;

/** Administrators: their acting Alliance's single sign-on (`provider` null and `version` 0 until set). */
export function getSsoSettings(signal?: AbortSignal): Promise<SsoSettingsView> {
  return answer(contract.GET('/api/alliance-sso', { signal }));
}

export function useSsoSettings() {
  return useQuery(queryOptions({ queryKey: ssoSettingsQueryKey, queryFn: ({ signal }) => getSsoSettings(signal) }));
}

/** The Alliance's people, to choose whom to require single sign-on of. */
export function usePeopleForSso() {
  return useQuery(
    queryOptions({
      queryKey: peopleQueryKey,
      queryFn: ({ signal }) => answer(contract.GET('/api/people', { signal })),
    }),
  );
}

/** Saves the provider with the version read; a stale version is a 409. */
export function saveSsoProvider(body: SaveSsoProviderRequest): Promise<SsoSettingsView> {
  return answer(contract.PUT('/api/alliance-sso', { body }));
}

export function useSaveSsoProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSsoProvider,
    onSuccess: (view) => {
      queryClient.setQueryData(ssoSettingsQueryKey, view);
      void queryClient.invalidateQueries({ queryKey: ssoProvidersQueryKey });
    },
  });
}

export function setSsoRequired(personId: string, required: boolean): Promise<SsoSettingsView> {
  return answer(
    contract.PUT('/api/alliance-sso/people/{personId}', { params: { path: { personId } }, body: { required } }),
  );
}

export function useSetSsoRequired() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, required }: { personId: string; required: boolean }) => setSsoRequired(personId, required),
    onSuccess: (view) => queryClient.setQueryData(ssoSettingsQueryKey, view),
  });
}
