import type { CompetencyDetailResponse } from '@ccc/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { signOffsQueryKeyRoot } from '../../sign-offs';
import { inboxQueryKey } from '../inbox/api/get-inbox';
import { competencyQueryKey } from './get-competency';
import { competencyGridQueryKey } from './get-competency-grid';
import { queryKeys } from '../../../lib/query-keys';

/**
 * After any write to a competency: the answer is the competency as it now is, so it goes straight into the cache;
 * the grid, both sides' inboxes, the sign-offs and the timeline change with it (refetched even when not on screen, so going back shows it).
 */
export async function onCompetencyChanged(queryClient: QueryClient, view: CompetencyDetailResponse): Promise<void> {
  queryClient.setQueryData(competencyQueryKey(view.enrolmentId, view.competency.code), view);
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: competencyGridQueryKey(view.enrolmentId),
      exact: true,
      refetchType: 'all',
    }),
    queryClient.invalidateQueries({ queryKey: inboxQueryKey, refetchType: 'all' }),
    // Each party's sign-offs and the CCC's timeline list the sign-off and what awaits whom (#24).
    queryClient.invalidateQueries({ queryKey: signOffsQueryKeyRoot, refetchType: 'all' }),
    queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.timeline(view.enrolmentId), exact: true }),
  ]);
}
