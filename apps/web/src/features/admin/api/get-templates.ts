import type { TemplateResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** Every version of every programme template, with the warnings a person should read. */
export function getTemplates(signal?: AbortSignal): Promise<TemplateResponse[]> {
  return answer(contract.GET('/api/templates', { signal }));
}

export const templatesQueryKey = ['templates'] as const;

export function getTemplatesQueryOptions() {
  return queryOptions({ queryKey: templatesQueryKey, queryFn: ({ signal }) => getTemplates(signal) });
}

export function useTemplates() {
  return useQuery(getTemplatesQueryOptions());
}
