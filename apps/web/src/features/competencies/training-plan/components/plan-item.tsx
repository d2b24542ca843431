import type { TrainingPlanItemView, TrainingPlanResponse } from '@ccc/contracts';
import { Link } from 'react-router';
import { Button } from '../../../../components/button';
import { Details } from '../../../../components/details';
import { describeError } from '../../../../components/error-message';
import { Tag } from '../../../../components/tag';
import { formatDate } from '../../../../utils/format';
import { competencyPath } from '../../api/get-competency';
import { EvidenceFileDownload } from '../../components/evidence-file-download';
import { TRAINING_ITEM_KIND_LABELS } from '../../utils/labels';
import { useRemoveTrainingItem } from '../api/remove-training-item';
import { CompleteItemForm } from './complete-item-form';

interface PlanItemProps {
  plan: TrainingPlanResponse;
  item: TrainingPlanItemView;
  /** The CCC, who marks items done. */
  canComplete: boolean;
  titles: Map<string, string>;
  onDone: (title: string, detail: string | null) => void;
  onReload: () => void;
}

/** One item of the plan: what it is, the competencies it serves, whether it is done, and what can be done with it. */
export function PlanItem({ plan, item, canComplete, titles, onDone, onReload }: PlanItemProps) {
  const remove = useRemoveTrainingItem(plan.enrolmentId);
  return (
    <li className="app-rows__item" data-plan-item={item.id} data-done={item.done}>
      <p className="nhsuk-u-margin-bottom-1">
        <strong>{item.title}</strong>
        <span className="app-secondary-text">{TRAINING_ITEM_KIND_LABELS[item.kind]}</span>
      </p>
      <p className="nhsuk-u-margin-bottom-2">
        {item.done ? <Tag tone="success">Done</Tag> : <Tag tone="neutral">Not done yet</Tag>}
        {item.completedOn && (
          <span className="app-secondary-text">
            Done on {formatDate(item.completedOn)}
            {item.completedVia === 'attendance' && ', recorded at the group teaching'}
          </span>
        )}
      </p>
      {item.competencyCodes.length > 0 && (
        <p className="nhsuk-body-s">
          Serves:{' '}
          {item.competencyCodes.map((code, index) => (
            <span key={code}>
              {index > 0 && ', '}
              <Link to={competencyPath(plan.enrolmentId, code)}>{titles.get(code) ?? code}</Link>
            </span>
          ))}
        </p>
      )}
      {item.certificate && <EvidenceFileDownload file={item.certificate} />}
      {!item.done && canComplete && (
        <Details
          summary={
            <>
              Mark as done<span className="nhsuk-u-visually-hidden">: {item.title}</span>
            </>
          }
        >
          <CompleteItemForm enrolmentId={plan.enrolmentId} item={item} onDone={onDone} onReload={onReload} />
        </Details>
      )}
      {!item.done && plan.canEdit && (
        <>
          <Button
            variant="secondary"
            small
            pending={remove.isPending}
            onClick={() =>
              // mutateAsync: the removed item leaves the list before mutate's callbacks would run.
              void remove.mutateAsync({ itemId: item.id, version: item.version }).then(
                () => onDone('Item removed from the training plan', item.title),
                () => undefined,
              )
            }
          >
            {remove.isPending ? 'Removing…' : 'Remove'}
            <span className="nhsuk-u-visually-hidden"> {item.title}</span>
          </Button>
          {remove.isError && (
            <p className="nhsuk-error-message" role="alert">
              <span className="nhsuk-u-visually-hidden">Error:</span> {describeError(remove.error)}
            </p>
          )}
        </>
      )}
    </li>
  );
}
