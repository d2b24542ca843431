import { ButtonLink } from '../../../components/button-link';
import { useCompetencyGrid } from '../api/get-competency-grid';
import { ReturnedToYou } from '../inbox/components/returned-to-you';
import { useInbox } from '../inbox/api/get-inbox';
import { describeCounts } from '../utils/labels';
import { RecordDownload } from './record-download';

interface CompetenciesSectionProps {
  enrolmentId: string;
  cccName: string;
  /** The CCC reading their own timeline: what was returned to them, and their record to download. */
  isCcc: boolean;
}

/** On the timeline: how the competencies stand, the way to them, the TNA and the training plan. */
export function CompetenciesSection({ enrolmentId, cccName, isCcc }: CompetenciesSectionProps) {
  const grid = useCompetencyGrid(enrolmentId);
  const inbox = useInbox(isCcc);
  const returned = (inbox.data?.returned ?? []).filter((item) => item.enrolmentId === enrolmentId);
  return (
    <section aria-labelledby="competencies-heading" className="app-section">
      <h2 id="competencies-heading">Competencies and training</h2>
      {grid.isPending ? (
        <p role="status">Loading the competencies…</p>
      ) : grid.isError ? (
        <p>The competencies could not be loaded.</p>
      ) : (
        <p data-testid="timeline-competency-counts">
          {describeCounts(grid.data.counts)}, against {grid.data.framework.name}.
        </p>
      )}
      {isCcc && <ReturnedToYou items={returned} />}
      <ul className="nhsuk-list app-button-list">
        <li>
          <ButtonLink variant="secondary" to={`/enrolments/${enrolmentId}/competencies`}>
            {isCcc ? 'Your competencies' : 'Competencies'}
          </ButtonLink>
        </li>
        <li>
          <ButtonLink variant="secondary" to={`/enrolments/${enrolmentId}/tna`}>
            Training needs analysis
          </ButtonLink>
        </li>
        <li>
          <ButtonLink variant="secondary" to={`/enrolments/${enrolmentId}/training-plan`}>
            Training plan
          </ButtonLink>
        </li>
      </ul>
      {isCcc && <RecordDownload enrolmentId={enrolmentId} cccName={cccName} />}
    </section>
  );
}
