import type {
  CreateOrganisationRequest,
  OrganisationView,
  UpdateOrganisationRequest,
  VersionRequest,
} from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** Administrators: a PCN of their Alliance. */
export function createOrganisation(body: CreateOrganisationRequest): Promise<OrganisationView> {
  return answer(contract.POST('/api/organisations', { body }));
}

export function renameOrganisation(id: string, body: UpdateOrganisationRequest): Promise<OrganisationView> {
  return answer(contract.PATCH('/api/organisations/{id}', { params: { path: { id } }, body }));
}

/** Its history stays; it takes no new enrolments. */
export function closeOrganisation(id: string, body: VersionRequest): Promise<OrganisationView> {
  return answer(contract.POST('/api/organisations/{id}/close', { params: { path: { id } }, body }));
}

function useOrganisationMutation<V>(send: (variables: V) => Promise<OrganisationView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.organisations }),
  });
}

export const useCreateOrganisation = () => useOrganisationMutation(createOrganisation);
export const useRenameOrganisation = () =>
  useOrganisationMutation((v: { id: string; body: UpdateOrganisationRequest }) => renameOrganisation(v.id, v.body));
export const useCloseOrganisation = () =>
  useOrganisationMutation((v: { id: string; body: VersionRequest }) => closeOrganisation(v.id, v.body));
