import type { TemplateResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { templatesQueryKey } from './get-templates';

export function getTemplate(templateId: string, signal?: AbortSignal): Promise<TemplateResponse> {
  return answer(contract.GET('/api/templates/{id}', { params: { path: { id: templateId } }, signal }));
}

export function getTemplateQueryOptions(templateId: string) {
  return queryOptions({
    queryKey: [...templatesQueryKey, templateId] as const,
    queryFn: ({ signal }) => getTemplate(templateId, signal),
  });
}

export function useTemplate(templateId: string) {
  return useQuery(getTemplateQueryOptions(templateId));
}
