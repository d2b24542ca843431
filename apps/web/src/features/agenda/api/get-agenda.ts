import type { AgendaItem } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The caller's sessions in the `days` days from `from` (YYYY-MM-DD, a London calendar date). */
export function getAgenda(from: string, days: number, signal?: AbortSignal): Promise<AgendaItem[]> {
  return answer(contract.GET('/api/agenda', { params: { query: { from, days } }, signal }));
}

export function getAgendaQueryOptions(from: string, days = 7) {
  return queryOptions({
    queryKey: queryKeys.agenda.range(from, days),
    queryFn: ({ signal }) => getAgenda(from, days, signal),
  });
}

export function useAgenda(from: string, days = 7, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getAgendaQueryOptions(from, days), enabled: options.enabled ?? true });
}
