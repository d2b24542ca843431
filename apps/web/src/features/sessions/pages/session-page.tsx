import type { SessionActionView, SessionView } from '@ccc/contracts';
import { SESSION_ACTIONS, type SessionAction } from '@ccc/programme';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage, describeError } from '../../../components/error-message';
import { InsetText } from '../../../components/inset-text';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiClientError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMe } from '../../auth';
import { StatusBadge } from '../../enrolments';
import { SESSION_ACTION_LABELS, sessionKindLabel } from '../../enrolments';
import { useDownloadSessionCalendar } from '../api/download-session-calendar';
import { useSession } from '../api/get-session';
import { AcceptForm } from '../components/accept-form';
import { AgreedActions, CarriedActions } from '../components/agreed-actions';
import { BookingForm } from '../components/booking-form';
import { CancelForm } from '../components/cancel-form';
import { PcnLink } from '../components/pcn-link';
import { RecordForm } from '../components/record-form';
import { WiderWorkforce } from '../components/wider-workforce';
import { SessionHistory } from '../components/session-history';
import { SessionRegister } from '../components/session-register';
import { SessionSummary } from '../components/session-summary';
import { SlotForm } from '../components/slot-form';
import { confirmationFor } from '../utils/confirmation';

const PANEL_TITLES: Record<SessionAction, string> = {
  book: 'Book this session',
  accept_slot: 'Accept the time offered',
  propose_slot: 'Propose another time',
  accept_proposal: 'Accept the time the PCN supervisor proposed',
  counter_proposal: 'Offer another time',
  reschedule: 'Reschedule this session',
  cancel: 'Cancel this session',
  record: 'Record this session',
};

function isSessionAction(value: string | null): value is SessionAction {
  return value !== null && (SESSION_ACTIONS as readonly string[]).includes(value);
}

function ActionPanel({
  session,
  action,
  focusKey,
  onDone,
  onHeld,
  onReload,
  onClose,
}: {
  session: SessionView;
  action: SessionAction;
  focusKey: number;
  onDone: (view: SessionView) => void;
  onHeld: (view: SessionView) => void;
  onReload: () => void;
  onClose: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey > 0) headingRef.current?.focus();
  }, [focusKey, action]);
  const props = { session, onDone, onReload, onClose };
  return (
    <section className="nhsuk-card app-action-panel" id="session-action-panel" aria-labelledby="action-panel-title">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-heading-m" id="action-panel-title" tabIndex={-1} ref={headingRef}>
          {PANEL_TITLES[action]}
        </h2>
        {action === 'book' && <BookingForm key={action} kind={action} onHeld={onHeld} {...props} />}
        {action === 'reschedule' && <BookingForm key={action} kind={action} {...props} />}
        {(action === 'accept_slot' || action === 'accept_proposal') && (
          <AcceptForm key={action} kind={action} {...props} />
        )}
        {(action === 'propose_slot' || action === 'counter_proposal') && (
          <SlotForm key={action} kind={action} {...props} />
        )}
        {action === 'cancel' && <CancelForm {...props} />}
        {action === 'record' && <RecordForm {...props} />}
      </div>
    </section>
  );
}

function CalendarDownload({ session }: { session: SessionView }) {
  const download = useDownloadSessionCalendar(session.id, session.title);
  return (
    <div>
      <Button variant="secondary" pending={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? 'Preparing the file…' : 'Add to my calendar (.ics file)'}
      </Button>
      {download.isError && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> The calendar file could not be made:{' '}
          {describeError(download.error)}
        </p>
      )}
    </div>
  );
}

/** One session: its details, what the person can do with it now, the register, agreed actions and history. */
/** Whether the viewer plays the part that owns an action: the session's CCC, PCN supervisor or Alliance supervisor. */
function ownsAction(view: SessionView, meId: string | undefined, action: SessionActionView): boolean {
  if (!meId) return false;
  switch (action.owner) {
    case 'ccc':
      // In a group session, the CCC the action names (actions recorded before that was kept: any CCC of it).
      return view.attendees.some(
        (a) => a.ccc.id === meId && (!action.ownerEnrolmentId || a.enrolmentId === action.ownerEnrolmentId),
      );
    case 'pcn_supervisor':
      return view.attendees.some((a) => a.pcnSupervisor?.id === meId);
    case 'alliance_supervisor':
      return view.lead?.id === meId || view.attendees.some((a) => a.allianceSupervisor?.id === meId);
  }
}

export function SessionPage() {
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  const meId = useMe().data?.id;
  const [searchParams, setSearchParams] = useSearchParams();
  const [confirmation, setConfirmation] = useState<{ title: string; detail: string | null; key: number } | null>(null);
  const [panelFocus, setPanelFocus] = useState(0);
  const errorStatus = session.isError && isApiClientError(session.error) ? session.error.status : 0;
  const errorTitle =
    errorStatus === 404 ? 'Session not found' : errorStatus === 403 ? 'You cannot see this session' : 'Session';
  useDocumentTitle(session.data ? session.data.title : session.isError ? errorTitle : 'Session');

  const requested = searchParams.get('action');
  const available = session.data?.availableActions ?? [];
  const active = isSessionAction(requested) && available.includes(requested) ? requested : null;

  function choose(action: SessionAction | null) {
    setSearchParams(action ? { action } : {}, { replace: true });
    if (action) {
      setConfirmation(null);
      setPanelFocus((n) => n + 1);
    }
  }

  function done(action: SessionAction, view: SessionView) {
    setSearchParams({}, { replace: true });
    setConfirmation({ ...confirmationFor(action, view), key: Date.now() });
  }

  if (session.isPending) {
    return (
      <>
        <h1>Session</h1>
        <Loading label="Loading the session" />
      </>
    );
  }

  if (session.isError) {
    const status = errorStatus;
    return (
      <>
        <h1>{errorTitle}</h1>
        <ErrorMessage title="There is a problem" error={session.error}>
          {status !== 403 && status !== 404 && (
            <Button variant="secondary" onClick={() => void session.refetch()}>
              Try again
            </Button>
          )}
        </ErrorMessage>
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      </>
    );
  }

  const view = session.data;
  const firstCcc = view.attendees[0]?.ccc.fullName;
  const backLink =
    view.enrolmentId !== null ? (
      // Reached from the caseload ("Book next") or the agenda, back goes there; otherwise to the CCC's timeline.
      <BackLink to={`/enrolments/${view.enrolmentId}`} anyPageLabel="Back">
        {firstCcc ? `${firstCcc}’s timeline` : 'Back to the timeline'}
      </BackLink>
    ) : (
      // A group session is reached from the agenda, a notification or a timeline: back goes there when it can.
      <BackLink to="/" anyPageLabel="Back">
        Back to the start page
      </BackLink>
    );
  const canDownload =
    view.startsAt !== null &&
    (view.status === 'scheduled' || view.status === 'awaiting_pcn' || view.status === 'awaiting_alliance');

  return (
    <>
      {backLink}
      <PageHeading caption={sessionKindLabel(view.kind)}>{view.title}</PageHeading>
      <p>
        <StatusBadge status={view.status} />
      </p>

      {confirmation && (
        <Confirmation key={confirmation.key} title={confirmation.title}>
          {confirmation.detail && <p>{confirmation.detail}</p>}
          {view.enrolmentId && (
            <p>
              <Link to={`/enrolments/${view.enrolmentId}`}>Go to the timeline</Link>
            </p>
          )}
        </Confirmation>
      )}

      {view.purpose && <p className="nhsuk-body-l">{view.purpose}</p>}

      {view.outOfMonthReason && (
        <InsetText>
          <p>
            <strong>Booked outside month {view.month}:</strong> {view.outOfMonthReason}
          </p>
        </InsetText>
      )}
      {view.cancellationReason && (
        <InsetText>
          <p>
            <strong>Reason for cancelling:</strong> {view.cancellationReason}
          </p>
        </InsetText>
      )}

      <SessionSummary session={view} />
      {canDownload && <CalendarDownload session={view} />}

      {available.length > 0 && (
        <section aria-labelledby="next-steps-heading" className="app-section">
          <h2 id="next-steps-heading">What you can do</h2>
          <ul className="nhsuk-list app-button-list">
            {available.map((action) => (
              <li key={action}>
                <button
                  className={action === active ? 'nhsuk-button' : 'nhsuk-button nhsuk-button--secondary'}
                  type="button"
                  aria-expanded={action === active}
                  aria-controls={action === active ? 'session-action-panel' : undefined}
                  onClick={() => choose(action === active ? null : action)}
                >
                  {SESSION_ACTION_LABELS[action]}
                </button>
              </li>
            ))}
          </ul>
          {active && (
            <ActionPanel
              key={`${active}-${view.id}`}
              session={view}
              action={active}
              focusKey={panelFocus}
              onDone={(updated) => done(active, updated)}
              onHeld={() => choose('record')}
              onReload={() => void session.refetch()}
              onClose={() => choose(null)}
            />
          )}
        </section>
      )}

      {view.status === 'awaiting_pcn' && !available.includes('accept_slot') && <PcnLink session={view} />}

      <SessionRegister session={view} />
      <WiderWorkforce session={view} />
      {view.notes && (
        <section aria-labelledby="notes-heading" className="app-section">
          <h2 id="notes-heading">Notes</h2>
          <p className="app-preserve-lines">{view.notes}</p>
        </section>
      )}
      <CarriedActions actions={view.carriedActions} />
      <AgreedActions actions={view.actions} mine={(action) => ownsAction(view, meId, action)} />
      <SessionHistory history={view.history} />
    </>
  );
}
