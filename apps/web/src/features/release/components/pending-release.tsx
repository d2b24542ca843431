import type { ReleaseRequestView } from '@ccc/contracts';
import { formatDate, formatMinutes } from '../../../utils/format';
import { RELEASE_KIND_LABELS } from '../utils/labels';
import { isoWeekOfDate, weekLongLabel } from '../utils/weeks';
import { ConfirmWeekButton } from './confirm-week-button';
import { ReleaseDecision } from './release-decision';

interface PendingReleaseProps {
  enrolmentId: string;
  cccName: string;
  requests: ReleaseRequestView[];
  headingLevel: 3 | 4;
  /** An id whose text starts each week's name (the CCC's heading), so the weeks of two CCCs are told apart. */
  labelPrefixId?: string;
  onDone: (message: string) => void;
}

/** Pending requests grouped by ISO week (earliest first): Confirm or Decline each, or confirm a whole week. */
export function PendingRelease({
  enrolmentId,
  cccName,
  requests,
  headingLevel,
  labelPrefixId,
  onDone,
}: PendingReleaseProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const byWeek = new Map<string, ReleaseRequestView[]>();
  for (const request of [...requests].sort((a, b) => a.date.localeCompare(b.date))) {
    const week = isoWeekOfDate(request.date);
    byWeek.set(week, [...(byWeek.get(week) ?? []), request]);
  }
  return (
    <>
      {[...byWeek.entries()].map(([week, items]) => {
        const headingId = `pending-${enrolmentId}-${week}`;
        return (
          <section
            key={week}
            className="app-pending-week"
            aria-labelledby={labelPrefixId ? `${labelPrefixId} ${headingId}` : headingId}
            data-week={week}
          >
            <Heading className="nhsuk-heading-xs app-pending-week__title" id={headingId}>
              {weekLongLabel(week).replace(/^w/, 'W')}
            </Heading>
            <ConfirmWeekButton
              enrolmentId={enrolmentId}
              week={week}
              count={items.length}
              cccName={cccName}
              onDone={onDone}
            />
            <ul className="nhsuk-list app-rows">
              {items.map((request) => (
                <li key={request.id} className="app-rows__item" data-request-id={request.id}>
                  <p className="app-rows__what">
                    <strong>{request.description}</strong>
                    <span className="app-secondary-text">
                      {RELEASE_KIND_LABELS[request.kind]} ·{' '}
                      <time dateTime={request.date}>{formatDate(request.date)}</time> · {formatMinutes(request.minutes)}
                    </span>
                  </p>
                  <ReleaseDecision request={request} cccName={cccName} onDone={onDone} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
