import type { TimelineResponse } from '@ccc/contracts';
import { SummaryList, SummaryRow } from '../../../components/summary-list';
import { formatDate, formatDateRange } from '../../../utils/format';
import { ENROLMENT_STATUS_LABELS, TRACK_LABELS, currentMonthLabel } from '../utils/labels';

/** Who the timeline belongs to and who supervises them. */
export function EnrolmentSummaryList({ timeline }: { timeline: TimelineResponse }) {
  const { enrolment, months, today } = timeline;
  const first = months[0];
  const last = months[months.length - 1];
  return (
    <SummaryList>
      <SummaryRow label="Track">{TRACK_LABELS[enrolment.track] ?? enrolment.track}</SummaryRow>
      <SummaryRow
        label="Cohort"
        secondary={
          first && last
            ? formatDateRange(first.startsOn, last.endsBefore)
            : `Starts ${formatDate(enrolment.cohort.startDate)}`
        }
      >
        {enrolment.cohort.name}
      </SummaryRow>
      <SummaryRow label="PCN">{enrolment.pcn.name}</SummaryRow>
      <SummaryRow label="PCN supervisor">{enrolment.pcnSupervisor?.fullName ?? 'Not assigned'}</SummaryRow>
      <SummaryRow label="Alliance supervisor">{enrolment.allianceSupervisor?.fullName ?? 'Not assigned'}</SummaryRow>
      <SummaryRow
        label="Progress"
        secondary={
          enrolment.status !== 'active' && enrolment.status !== 'withdrawn'
            ? ENROLMENT_STATUS_LABELS[enrolment.status]
            : undefined
        }
      >
        {currentMonthLabel(enrolment, today, months.length)}
      </SummaryRow>
    </SummaryList>
  );
}
