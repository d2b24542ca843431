import type { TemplateResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Every version of every programme template, with the warnings a person should read. */
export function getTemplates(signal?: AbortSignal): Promise<TemplateResponse[]> {
  return api.get<TemplateResponse[]>('/templates', { signal });
}

export const templatesQueryKey = ['templates'] as const;

export function getTemplatesQueryOptions() {
  return queryOptions({ queryKey: templatesQueryKey, queryFn: ({ signal }) => getTemplates(signal) });
}

export function useTemplates() {
  return useQuery(getTemplatesQueryOptions());
}
