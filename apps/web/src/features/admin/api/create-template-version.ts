import type { CreateTemplateVersionRequest, TemplateResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { templatesQueryKey } from './get-templates';

/** Saves the next version of a template (same key, version + 1); with warnings, only once acknowledged. */
export function createTemplateVersion(
  templateId: string,
  body: CreateTemplateVersionRequest,
): Promise<TemplateResponse> {
  // Untyped for now: the document's definition is an open object, which a ProgrammeTemplate interface does not match.
  return api.post<TemplateResponse>(`/templates/${encodeURIComponent(templateId)}/versions`, body);
}

export function useCreateTemplateVersion(templateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTemplateVersionRequest) => createTemplateVersion(templateId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesQueryKey }),
  });
}
