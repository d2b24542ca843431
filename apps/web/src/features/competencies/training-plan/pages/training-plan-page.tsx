import { useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../../components/back-link';
import { Button } from '../../../../components/button';
import { Confirmation } from '../../../../components/confirmation';
import { Details } from '../../../../components/details';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorMessage } from '../../../../components/error-message';
import { Loading } from '../../../../components/loading';
import { PageHeading } from '../../../../components/page-heading';
import { isApiClientError } from '../../../../lib/api-client';
import { useDocumentTitle } from '../../../../utils/use-document-title';
import { useMe } from '../../../auth';
import { useCompetencyGrid } from '../../api/get-competency-grid';
import { monthLabel } from '../../utils/labels';
import { useTrainingPlan } from '../api/get-training-plan';
import { AddItemForm } from '../components/add-item-form';
import { PlanItem } from '../components/plan-item';
import { ProposalItem } from '../components/proposal-item';
import { itemsByMonth, progressText } from '../utils/plan';

interface Done {
  title: string;
  detail: string | null;
  key: number;
}

/** The CCC's training plan: items by target month with the competencies they serve, and progress through it. */
export function TrainingPlanPage() {
  const { enrolmentId = '' } = useParams();
  const plan = useTrainingPlan(enrolmentId);
  const grid = useCompetencyGrid(enrolmentId);
  const me = useMe();
  const [done, setDone] = useState<Done | null>(null);
  const errorStatus = plan.isError && isApiClientError(plan.error) ? plan.error.status : 0;
  const errorTitle =
    errorStatus === 404
      ? 'Training plan not found'
      : errorStatus === 403
        ? 'You cannot see this training plan'
        : 'The training plan could not be loaded';
  useDocumentTitle(plan.isError ? errorTitle : 'Training plan');
  const backLink = <BackLink to={`/enrolments/${enrolmentId}/competencies`}>Back to the competencies</BackLink>;

  if (plan.isPending) {
    return (
      <>
        {backLink}
        <h1>Training plan</h1>
        <Loading label="Loading the training plan" />
      </>
    );
  }
  if (plan.isError) {
    return (
      <>
        {backLink}
        <h1>{errorTitle}</h1>
        <ErrorMessage title="There is a problem" error={plan.error}>
          {errorStatus !== 403 && errorStatus !== 404 && (
            <Button variant="secondary" onClick={() => void plan.refetch()}>
              Try again
            </Button>
          )}
        </ErrorMessage>
      </>
    );
  }

  const view = plan.data;
  const isCcc = grid.data !== undefined && me.data?.id === grid.data.ccc.id;
  const titles = new Map(
    (grid.data?.domains ?? []).flatMap((d) => d.competencies.map((c) => [c.code, c.title] as const)),
  );
  const finish = (title: string, detail: string | null) => setDone({ title, detail, key: Date.now() });
  const reload = () => void plan.refetch();
  const progressId = 'plan-progress-text';

  return (
    <>
      {backLink}
      {done && (
        <Confirmation key={done.key} title={done.title}>
          {done.detail && <p>{done.detail}</p>}
        </Confirmation>
      )}
      <PageHeading caption={grid.data?.ccc.fullName}>Training plan</PageHeading>
      <p className="nhsuk-body-l" id={progressId}>
        {progressText(view.done, view.total)}
      </p>
      {view.total > 0 && (
        <progress className="app-progress" max={view.total} value={view.done} aria-labelledby={progressId}>
          {view.done} of {view.total}
        </progress>
      )}

      {view.proposals.length > 0 && (
        <section aria-labelledby="plan-proposals-heading" className="app-section" data-plan-proposals>
          <h2 id="plan-proposals-heading">Proposed from the training needs analysis</h2>
          <p>
            Each need agreed and signed at the training needs analysis is proposed here as an item.{' '}
            {view.canEdit
              ? 'Add it to the plan as it is, change it first, or drop it.'
              : 'The CCC or their Alliance supervisor adds it to the plan or drops it.'}
          </p>
          <ul className="nhsuk-list app-rows">
            {view.proposals.map((proposal) => (
              <ProposalItem
                key={`${proposal.round}/${proposal.code}`}
                plan={view}
                proposal={proposal}
                titles={titles}
                onDone={finish}
              />
            ))}
          </ul>
        </section>
      )}

      {view.items.length === 0 ? (
        <EmptyState title="No items in the plan yet">
          <p>
            The plan is made from the training needs analysis: self-directed courses, the monthly group teaching and
            other learning, each with a month to do it by.
          </p>
        </EmptyState>
      ) : (
        itemsByMonth(view.items).map(({ month, items }) => (
          <section key={month} aria-labelledby={`plan-month-${month}`} className="app-section" data-plan-month={month}>
            <h2 id={`plan-month-${month}`}>{monthLabel(month)}</h2>
            <ul className="nhsuk-list app-rows">
              {items.map((item) => (
                <PlanItem
                  key={item.id}
                  plan={view}
                  item={item}
                  canComplete={isCcc}
                  titles={titles}
                  onDone={finish}
                  onReload={reload}
                />
              ))}
            </ul>
          </section>
        ))
      )}

      {view.canEdit && (
        <section aria-labelledby="add-item-heading" className="app-section">
          <h2 id="add-item-heading">Add an item</h2>
          <Details summary="Add a course, group teaching or other learning to the plan">
            <AddItemForm plan={view} domains={grid.data?.domains ?? []} onDone={finish} />
          </Details>
        </section>
      )}
    </>
  );
}
