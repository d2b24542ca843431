import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiClientError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMe } from '../../auth';
import { useCompetencyGrid } from '../api/get-competency-grid';
import { CompetencyGrid } from '../components/competency-grid';
import { RecordDownload } from '../components/record-download';
import { ScaleDetails } from '../components/scale-details';
import { describeCounts } from '../utils/labels';

/** A CCC's competencies: every domain of their framework as a table, each competency with its state. */
export function CompetencyGridPage() {
  const { enrolmentId = '' } = useParams();
  const grid = useCompetencyGrid(enrolmentId);
  const me = useMe();
  const name = grid.data?.ccc.fullName;
  const errorStatus = grid.isError && isApiClientError(grid.error) ? grid.error.status : 0;
  const errorTitle =
    errorStatus === 404
      ? 'Competencies not found'
      : errorStatus === 403
        ? 'You cannot see these competencies'
        : 'The competencies could not be loaded';
  useDocumentTitle(name ? `${name}: competencies` : grid.isError ? errorTitle : 'Competencies');
  const backLink = <BackLink to={`/enrolments/${enrolmentId}`}>Back to the timeline</BackLink>;

  if (grid.isPending) {
    return (
      <>
        {backLink}
        <h1>Competencies</h1>
        <Loading label="Loading the competencies" />
      </>
    );
  }
  if (grid.isError) {
    return (
      <>
        {backLink}
        <h1>{errorTitle}</h1>
        <ErrorMessage title="There is a problem" error={grid.error}>
          {errorStatus !== 403 && errorStatus !== 404 && (
            <Button variant="secondary" onClick={() => void grid.refetch()}>
              Try again
            </Button>
          )}
        </ErrorMessage>
      </>
    );
  }

  const view = grid.data;
  const isCcc = me.data?.id === view.ccc.id;
  return (
    <>
      {backLink}
      <PageHeading caption={view.ccc.fullName}>Competencies</PageHeading>
      <p className="nhsuk-body-l" data-testid="competency-counts">
        {describeCounts(view.counts)}.
      </p>
      <p>
        Framework: {view.framework.name}, version {view.framework.version}.
        {view.allianceSupervisor && ` Signed off by ${view.allianceSupervisor.fullName}, Alliance supervisor.`}
      </p>
      <ul className="nhsuk-list">
        <li>
          <Link to={`/enrolments/${enrolmentId}/tna`}>Training needs analysis</Link>
        </li>
        <li>
          <Link to={`/enrolments/${enrolmentId}/training-plan`}>Training plan</Link>
        </li>
      </ul>
      {isCcc && <RecordDownload enrolmentId={enrolmentId} cccName={view.ccc.fullName} />}
      <ScaleDetails scale={view.scale} />
      <CompetencyGrid grid={view} />
    </>
  );
}
