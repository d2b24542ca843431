import type { PcnHomeRow } from '@ccc/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { Tag } from '../../../components/tag';
import { formatDate, formatDateTime } from '../../../utils/format';
import { StatusBadge } from '../../enrolments';
import { TRACK_LABELS } from '../../enrolments';
import { AttestForm } from '../../expectations';
import { ExpectationsChecklist } from '../../expectations';
import { PendingRelease } from '../../release';
import { ReleaseCounter } from '../../release';
import { StudyChart } from '../../release';
import { SlotAwaiting } from './slot-awaiting';

/** The id of a CCC's section on the page, for links to it. */
export function cccSectionId(enrolmentId: string): string {
  return `ccc-${enrolmentId}`;
}

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
    <section
      className="nhsuk-card app-ccc-card"
      aria-labelledby={headingId}
      id={cccSectionId(enrolment.id)}
      data-enrolment-id={enrolment.id}
    >
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>
          <Link to={`/enrolments/${enrolment.id}`}>{name}</Link>
        </h2>
        <p className="app-secondary-text">
          {enrolment.pcn.name} ·{' '}
          {enrolment.pausedFrom
            ? `Paused from ${formatDate(enrolment.pausedFrom)}`
            : `Month ${enrolment.currentMonth ?? '–'}`}{' '}
          · {TRACK_LABELS[enrolment.track] ?? enrolment.track}
          {enrolment.allianceSupervisor && ` · Alliance supervisor ${enrolment.allianceSupervisor.fullName}`}
        </p>
        <p>
          {count === 0 ? (
            <Tag tone="success">Nothing waits for you</Tag>
          ) : (
            <Tag tone="warning">{count === 1 ? '1 thing waits for you' : `${count} things wait for you`}</Tag>
          )}
        </p>

        {message && (
          <Confirmation key={message.key} title="Done" headingLevel={3}>
            <p>{message.text}</p>
          </Confirmation>
        )}

        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            {row.slotsAwaiting.length > 0 && (
              <section aria-labelledby={`${headingId} ${headingId}-slots`} className="app-block">
                <h3 className="nhsuk-heading-s" id={`${headingId}-slots`}>
                  Joint sessions waiting for your answer
                </h3>
                <ul className="nhsuk-list app-rows">
                  {row.slotsAwaiting.map((slot) => (
                    <SlotAwaiting key={slot.id} slot={slot} cccName={name} onDone={done} />
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby={`${headingId} ${headingId}-release`} className="app-block">
              <h3 className="nhsuk-heading-s" id={`${headingId}-release`}>
                Release time to confirm
              </h3>
              {row.releaseToConfirm.length === 0 ? (
                <p className="app-secondary-text">No release time waits for your confirmation.</p>
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
              <section aria-labelledby={`${headingId} ${headingId}-attest`} className="app-block">
                <h3 className="nhsuk-heading-s" id={`${headingId}-attest`}>
                  To tick off
                </h3>
                <ul className="nhsuk-list app-rows">
                  {row.attestationsDue.map((due) => (
                    <li
                      key={due.key}
                      className="app-rows__item"
                      {...(due.duty ? { 'data-duty-key': due.key } : { 'data-expectation-key': due.key })}
                    >
                      <p className="app-rows__what">
                        <strong>{due.title}</strong>
                      </p>
                      <AttestForm
                        enrolmentId={enrolment.id}
                        expectationKey={due.key}
                        title={due.title}
                        cccName={name}
                        duty={due.duty}
                        onDone={done}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>

          <div className="nhsuk-grid-column-one-half">
            <section aria-labelledby={`${headingId} ${headingId}-counter`} className="app-block">
              <h3 className="nhsuk-heading-s" id={`${headingId}-counter`}>
                Release for supervision and training
              </h3>
              <ReleaseCounter
                id={`counter-${enrolment.id}`}
                confirmedMinutes={row.confirmedReleaseMinutes}
                totalMinutes={row.totalReleaseMinutes}
                hoursPerDay={rules?.hoursPerDay}
              />
            </section>
            <section aria-labelledby={`${headingId} ${headingId}-study`} className="app-block">
              <h3 className="nhsuk-heading-s" id={`${headingId}-study`}>
                Protected study time
              </h3>
              <StudyChart
                id={`chart-${enrolment.id}`}
                weeks={row.weeks}
                band={rules?.weeklyStudyMinutes ?? null}
                title={`${name}’s confirmed study time`}
              />
            </section>
            <section aria-labelledby={`${headingId} ${headingId}-joint`} className="app-block">
              <h3 className="nhsuk-heading-s" id={`${headingId}-joint`}>
                Next joint session
              </h3>
              {row.nextJoint ? (
                <p>
                  <Link to={`/sessions/${row.nextJoint.id}`}>{row.nextJoint.title}</Link>,{' '}
                  <time dateTime={row.nextJoint.startsAt}>{formatDateTime(row.nextJoint.startsAt)}</time>{' '}
                  <StatusBadge status={row.nextJoint.status} />
                </p>
              ) : (
                <p className="app-secondary-text">No joint session is booked yet.</p>
              )}
            </section>
          </div>
        </div>

        <Details
          summary={
            <>
              Every party’s expectations<span className="nhsuk-u-visually-hidden"> for {name}</span>
            </>
          }
          onToggle={setShowChecklist}
        >
          {showChecklist && (
            <ExpectationsChecklist
              enrolmentId={enrolment.id}
              cccName={name}
              headingLevel={3}
              labelPrefixId={headingId}
            />
          )}
        </Details>
      </div>
    </section>
  );
}
