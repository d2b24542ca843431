import type { TemplateValidationResponse, ValidateTemplateRequest } from '@ccc/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The dry run of saving the next version: errors (with their paths) and warnings; nothing is saved. */
export function validateTemplateVersion(
  templateId: string,
  body: ValidateTemplateRequest,
): Promise<TemplateValidationResponse> {
  // Untyped for now: the document's definition is an open object, and ValidateTemplateRequest's is `unknown`.
  return api.post<TemplateValidationResponse>(`/templates/${encodeURIComponent(templateId)}/versions/validate`, body);
}

export function useValidateTemplateVersion(templateId: string) {
  return useMutation({ mutationFn: (body: ValidateTemplateRequest) => validateTemplateVersion(templateId, body) });
}
