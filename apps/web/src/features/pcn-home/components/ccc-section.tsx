import type { PcnHomeRow } from '@ccc/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Confirmation } from '../../../components/confirmation';
import { formatDateTime } from '../../../utils/format';
import { StatusBadge } from '../../enrolments/components/status-badge';
import { TRACK_LABELS } from '../../enrolments/utils/labels';
import { AttestForm } from '../../expectations/components/attest-form';
import { ExpectationsChecklist } from '../../expectations/components/expectations-checklist';
import { PendingRelease } from '../../release/components/pending-release';
import { ReleaseCounter } from '../../release/components/release-counter';
import { StudyChart } from '../../release/components/study-chart';
import { SlotAwaiting } from './slot-awaiting';

/** How many things wait for the PCN supervisor for this CCC. */
export function waitingCount(row: PcnHomeRow): number {
  return row.slotsAwaiting.length + row.releaseToConfirm.length + row.attestationsDue.length;
}

/**
 * One CCC on the PCN supervisor's home: what waits for them (slots, release to confirm, things to tick), then the
 * 5-day counter, the 8-week study chart and the next joint session, and the full checklist on demand.
 */
export function CccSection({ row }: { row: PcnHomeRow }) {
  const { enrolment } = row;
  const name = enrolment.ccc.fullName;
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const [showChecklist, setShowChecklist] = useState(false);
  // For the weekly band and the length of a day: the home row carries the counts, the summary the rules.
  const rules = row.rules;
  const headingId = `ccc-${enrolment.id}-heading`;
  const count = waitingCount(row);
  const done = (text: string) => setMessage((previous) => ({ text, key: (previous?.key ?? 0) + 1 }));

  return (
    <section className="ccc-card" aria-labelledby={headingId} data-enrolment-id={enrolment.id}>
      <div className="ccc-card__header">
        <h2 className="ccc-card__name" id={headingId}>
          <Link to={`/enrolments/${enrolment.id}`}>{name}</Link>
        </h2>
        <p className="ccc-card__meta">
          {enrolment.pcn.name} · Month {enrolment.currentMonth ?? '–'} ·{' '}
          {TRACK_LABELS[enrolment.track] ?? enrolment.track}
          {enrolment.allianceSupervisor && ` · Alliance supervisor ${enrolment.allianceSupervisor.fullName}`}
        </p>
        <p className="ccc-card__count">
          {count === 0 ? (
            <strong className="badge badge--success">Nothing waits for you</strong>
          ) : (
            <strong className="badge badge--warning">
              {count === 1 ? '1 thing waits for you' : `${count} things wait for you`}
            </strong>
          )}
        </p>
      </div>

      {message && (
        <Confirmation key={message.key} title="Done" headingLevel={3}>
          <p>{message.text}</p>
        </Confirmation>
      )}

      <div className="ccc-card__grid">
        <div className="ccc-card__todo">
          {row.slotsAwaiting.length > 0 && (
            <section aria-labelledby={`${headingId} ${headingId}-slots`} className="ccc-card__block">
              <h3 id={`${headingId}-slots`}>Joint sessions waiting for your answer</h3>
              <ul className="pending-week__list">
                {row.slotsAwaiting.map((slot) => (
                  <SlotAwaiting key={slot.id} slot={slot} cccName={name} onDone={done} />
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby={`${headingId} ${headingId}-release`} className="ccc-card__block">
            <h3 id={`${headingId}-release`}>Release time to confirm</h3>
            {row.releaseToConfirm.length === 0 ? (
              <p className="ccc-card__none">No release time waits for your confirmation.</p>
            ) : (
              <PendingRelease
                enrolmentId={enrolment.id}
                cccName={name}
                requests={row.releaseToConfirm}
                headingLevel={4}
                labelPrefixId={headingId}
                onDone={done}
              />
            )}
          </section>
          {row.attestationsDue.length > 0 && (
            <section aria-labelledby={`${headingId} ${headingId}-attest`} className="ccc-card__block">
              <h3 id={`${headingId}-attest`}>To tick off</h3>
              <ul className="pending-week__list">
                {row.attestationsDue.map((due) => (
                  <li key={due.key} className="pending-item" data-expectation-key={due.key}>
                    <span className="pending-item__title">{due.title}</span>
                    <AttestForm
                      enrolmentId={enrolment.id}
                      expectationKey={due.key}
                      title={due.title}
                      cccName={name}
                      onDone={done}
                    />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <div className="ccc-card__glance">
          <section aria-labelledby={`${headingId} ${headingId}-counter`} className="ccc-card__block">
            <h3 id={`${headingId}-counter`}>Release for supervision and training</h3>
            <ReleaseCounter
              id={`counter-${enrolment.id}`}
              confirmedMinutes={row.confirmedReleaseMinutes}
              totalMinutes={row.totalReleaseMinutes}
              hoursPerDay={rules?.hoursPerDay}
            />
          </section>
          <section aria-labelledby={`${headingId} ${headingId}-study`} className="ccc-card__block">
            <h3 id={`${headingId}-study`}>Protected study time</h3>
            <StudyChart
              id={`chart-${enrolment.id}`}
              weeks={row.weeks}
              band={rules?.weeklyStudyMinutes ?? null}
              title={`${name}’s confirmed study time`}
            />
          </section>
          <section aria-labelledby={`${headingId} ${headingId}-joint`} className="ccc-card__block">
            <h3 id={`${headingId}-joint`}>Next joint session</h3>
            {row.nextJoint ? (
              <p>
                <Link to={`/sessions/${row.nextJoint.id}`}>{row.nextJoint.title}</Link>,{' '}
                <time dateTime={row.nextJoint.startsAt}>{formatDateTime(row.nextJoint.startsAt)}</time>{' '}
                <StatusBadge status={row.nextJoint.status} />
              </p>
            ) : (
              <p className="ccc-card__none">No joint session is booked yet.</p>
            )}
          </section>
        </div>
      </div>

      <details className="disclosure" onToggle={(event) => setShowChecklist((event.target as HTMLDetailsElement).open)}>
        <summary className="disclosure__summary">
          Every party’s expectations<span className="visually-hidden"> for {name}</span>
        </summary>
        <div className="disclosure__body">
          {showChecklist && (
            <ExpectationsChecklist
              enrolmentId={enrolment.id}
              cccName={name}
              headingLevel={3}
              labelPrefixId={headingId}
            />
          )}
        </div>
      </details>
    </section>
  );
}
