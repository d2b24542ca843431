import type { FrameworkSummary, MoveCohortFrameworkRequest, MoveCohortFrameworkResponse } from '@ccc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { cohortQueryKey } from './get-cohort';
import { queryKeys } from '../../../lib/query-keys';

/** Every version of every competency framework of the Alliance, newest version first within a key. */
export function getFrameworks(signal?: AbortSignal): Promise<FrameworkSummary[]> {
  return answer(contract.GET('/api/competency-frameworks', { signal }));
}

export function getFrameworksQueryOptions() {
  return queryOptions({ queryKey: queryKeys.competencyFrameworks, queryFn: ({ signal }) => getFrameworks(signal) });
}

export function useFrameworks(enabled = true) {
  return useQuery({ ...getFrameworksQueryOptions(), enabled });
}

/** Administrators: what moving a cohort to another framework version changes (`dryRun`), or the move itself. */
export function moveCohortFramework(
  cohortId: string,
  body: MoveCohortFrameworkRequest,
): Promise<MoveCohortFrameworkResponse> {
  return answer(
    contract.POST('/api/cohorts/{id}/competency-framework/move', { params: { path: { id: cohortId } }, body }),
  );
}

export function useMoveCohortFramework(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MoveCohortFrameworkRequest) => moveCohortFramework(cohortId, body),
    onSuccess: (result) => {
      if (!result.moved) return;
      void queryClient.invalidateQueries({ queryKey: cohortQueryKey(cohortId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.competencyFrameworks });
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all });
    },
  });
}
