import type { PersonListItem, Role } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { answer, contract } from '../../../lib/contract-client';
import { peopleQueryKey } from './get-people';

const path = (personId: string) => `/people/${encodeURIComponent(personId)}`;

/** Administrators: a new name at once; a new e-mail address once its owner confirms it. */
export function updatePerson(
  personId: string,
  body: { fullName?: string; email?: string; version: number },
): Promise<PersonListItem> {
  return answer(contract.PATCH('/api/people/{id}', { params: { path: { id: personId } }, body }));
}

export function endRole(personId: string, body: { role: Role; organisationId: string }): Promise<PersonListItem> {
  // Untyped for now: the API ends only an Alliance role (not national_viewer); the caller passes any Role.
  return api.post<PersonListItem>(`${path(personId)}/roles/end`, body);
}

/** No sign-in from now, every session ended at once; the history stays. */
export function deactivatePerson(personId: string, body: { version: number }): Promise<PersonListItem> {
  return answer(contract.POST('/api/people/{id}/deactivate', { params: { path: { id: personId } }, body }));
}

function usePersonMutation<B>(personId: string, send: (personId: string, body: B) => Promise<PersonListItem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => send(personId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
}

export const useUpdatePerson = (personId: string) => usePersonMutation(personId, updatePerson);
export const useEndRole = (personId: string) => usePersonMutation(personId, endRole);
export const useDeactivatePerson = (personId: string) => usePersonMutation(personId, deactivatePerson);
