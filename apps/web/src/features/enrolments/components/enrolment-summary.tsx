import type { TimelineResponse } from '@ccc/contracts';
import { formatDate, formatDateRange } from '../../../utils/format';
import { ENROLMENT_STATUS_LABELS, TRACK_LABELS, currentMonthLabel } from '../utils/labels';

/** Who the timeline belongs to and who supervises them. */
export function EnrolmentSummaryList({ timeline }: { timeline: TimelineResponse }) {
  const { enrolment, months, today } = timeline;
  const first = months[0];
  const last = months[months.length - 1];
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>Track</dt>
        <dd>{TRACK_LABELS[enrolment.track] ?? enrolment.track}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Cohort</dt>
        <dd>
          {enrolment.cohort.name}
          {first && last ? (
            <span className="summary-list__secondary">{formatDateRange(first.startsOn, last.endsBefore)}</span>
          ) : (
            <span className="summary-list__secondary">Starts {formatDate(enrolment.cohort.startDate)}</span>
          )}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>PCN</dt>
        <dd>{enrolment.pcn.name}</dd>
      </div>
      <div className="summary-list__row">
        <dt>PCN supervisor</dt>
        <dd>{enrolment.pcnSupervisor?.fullName ?? 'Not assigned'}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Alliance supervisor</dt>
        <dd>{enrolment.allianceSupervisor?.fullName ?? 'Not assigned'}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Progress</dt>
        <dd>
          {currentMonthLabel(enrolment, today, months.length)}
          {enrolment.status !== 'active' && enrolment.status !== 'withdrawn' && (
            <span className="summary-list__secondary">{ENROLMENT_STATUS_LABELS[enrolment.status]}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
