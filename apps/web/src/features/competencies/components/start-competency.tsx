import type { CompetencyDetailResponse } from '@ccc/contracts';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { useStartCompetency } from '../api/start-competency';

/** The CCC says they are working towards a competency before they have evidence for it. */
export function StartCompetency({ detail, onDone }: { detail: CompetencyDetailResponse; onDone: () => void }) {
  const start = useStartCompetency(detail.enrolmentId, detail.competency.code);
  return (
    <div>
      <p>You can mark this competency as one you are working towards before you add evidence for it.</p>
      <Button
        variant="secondary"
        pending={start.isPending}
        onClick={() => void start.mutateAsync({ version: detail.progress.version }).then(onDone, () => undefined)}
      >
        {start.isPending ? 'Saving…' : 'I am working towards this'}
      </Button>
      {start.isError && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {describeError(start.error)}
        </p>
      )}
    </div>
  );
}
