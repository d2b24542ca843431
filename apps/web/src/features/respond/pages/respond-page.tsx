import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Button, ButtonGroup } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorSummary } from '../../../components/error-summary';
import { ErrorMessage } from '../../../components/error-message';
import { Textarea } from '../../../components/inputs';
import { InsetText } from '../../../components/inset-text';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList, SummaryRow } from '../../../components/summary-list';
import { isApiClientError } from '../../../lib/api-client';
import { formatDate, formatDateTime, formatMinutes } from '../../../utils/format';
import { londonDateTime } from '../../../utils/london-time';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { checkSlot, type SlotValues } from '../../../utils/booking-form';
import { DateTimeFields } from '../../../components/date-time-fields';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useAnswerLink, type LinkAnswer } from '../api/answer-link';
import { useLink, type LinkView } from '../api/get-link';
import { TEXT_RULES } from '@ccc/contracts';
import { requiredTextError } from '../../../utils/text-rules';

type Mode = 'choose' | 'decline' | 'propose';

const STATUS_WORDS: Record<string, string> = {
  pending: 'Waiting for your answer',
  confirmed: 'Confirmed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  awaiting_pcn: 'Waiting for your answer',
  awaiting_alliance: 'Another time proposed, waiting for the Alliance supervisor',
  scheduled: 'Booked',
  completed: 'Held',
  cancelled: 'Cancelled',
};

function isOpen(view: LinkView): boolean {
  return view.purpose === 'release_request' ? view.status === 'pending' : view.status === 'awaiting_pcn';
}

function Details({ view }: { view: LinkView }) {
  return (
    <SummaryList>
      <SummaryRow label="Cancer Care Coordinator">{view.ccc}</SummaryRow>
      <SummaryRow label={view.purpose === 'release_request' ? 'Time for' : 'Session'}>{view.what}</SummaryRow>
      <SummaryRow label="When">
        {view.startsAt ? (
          <>
            <time dateTime={view.startsAt}>{formatDateTime(view.startsAt)}</time> (UK time)
          </>
        ) : view.date ? (
          <time dateTime={view.date}>{formatDate(view.date)}</time>
        ) : (
          'Not set'
        )}
      </SummaryRow>
      <SummaryRow label="How long">{formatMinutes(view.minutes)}</SummaryRow>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Status</dt>
        <dd className="nhsuk-summary-list__value" data-testid="link-status">
          {STATUS_WORDS[view.status] ?? view.status}
        </dd>
      </div>
    </SummaryList>
  );
}

/** The narrow column of a page read on a phone between patients. */
function Column({ children }: { children: React.ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

const fieldFor = (field: string) =>
  field === 'reason' || field === 'overrideReason' ? field : field === 'proposedStartsAt' ? 'date' : null;

/**
 * The page a PCN supervisor opens from an e-mail, without signing in: the one request, and Confirm / Decline (release
 * time) or Accept / Propose another time (a joint session). The link works once.
 */
export function RespondPage() {
  const { token = '' } = useParams();
  const link = useLink(token);
  const answer = useAnswerLink(token);
  const [mode, setMode] = useState<Mode>('choose');
  const [reason, setReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [slot, setSlot] = useState<SlotValues>({ date: '', time: '' });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [overrideAsked, setOverrideAsked] = useState(false);
  const [answered, setAnswered] = useState<{ view: LinkView; decision: LinkAnswer['decision'] } | null>(null);
  const view = link.data;
  const isRelease = view?.purpose === 'release_request';
  const title = !view
    ? 'Answer a request'
    : isRelease
      ? `Confirm release time for ${view.ccc}`
      : `Can you make this joint session with ${view.ccc}?`;
  const errorStatus = link.isError && isApiClientError(link.error) ? link.error.status : 0;
  const errorHeading =
    errorStatus === 404
      ? 'This link is not valid'
      : errorStatus === 410
        ? 'This link can no longer be used'
        : errorStatus === 429
          ? 'Too many tries'
          : 'The request could not be loaded';
  useDocumentTitle(answered ? 'Thank you' : link.isError ? errorHeading : title);

  if (link.isPending) {
    return (
      <Column>
        <h1>Answer a request</h1>
        <Loading label="Loading the request" />
      </Column>
    );
  }

  if (link.isError && !answered) {
    const status = errorStatus;
    return (
      <Column>
        <h1>{errorHeading}</h1>
        <ErrorMessage title="What happened" error={link.error}>
          {status === 404 && <p>Check that you copied the whole link from the e-mail.</p>}
          {status === 410 && (
            <p>
              Each link works once and for 14 days. If something still needs your answer, sign in to the service or ask
              for a new link.
            </p>
          )}
          {status !== 404 && status !== 410 && (
            <Button variant="secondary" onClick={() => void link.refetch()}>
              Try again
            </Button>
          )}
        </ErrorMessage>
      </Column>
    );
  }

  if (answered) {
    const words =
      answered.decision === 'confirm'
        ? isRelease
          ? 'Release time confirmed'
          : 'Session accepted'
        : answered.decision === 'decline'
          ? 'Release time declined'
          : 'Another time proposed';
    return (
      <Column>
        <h1>Thank you</h1>
        <Confirmation title={words}>
          <p>
            {answered.view.ccc} and the Alliance supervisor can see your answer in the service. This link has now been
            used.
          </p>
        </Confirmation>
        <Details view={answered.view} />
      </Column>
    );
  }

  if (!view) return null;

  const errors: Record<string, string> = { ...server.fields, ...clientErrors };
  const summary = [
    ...server.general.map((message) => ({ message })),
    ...Object.entries(errors).map(([field, message]) => ({ message, fieldId: `respond-${field}` })),
  ];
  const needsOverride = overrideAsked;

  function send(body: LinkAnswer) {
    if (answer.isPending) return;
    answer.mutate(body, {
      onSuccess: (result) => setAnswered({ view: result, decision: body.decision }),
      onError: (error) => {
        const state = readActionError(error, fieldFor);
        if (state.fields['overrideReason']) setOverrideAsked(true);
        setServer(state);
        setAttempt((n) => n + 1);
      },
    });
  }

  function fail(errorsFound: Record<string, string>) {
    setClientErrors(errorsFound);
    setAttempt((n) => n + 1);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServer(NO_ACTION_ERROR);
    if (mode === 'decline') {
      const problem = requiredTextError(
        reason,
        TEXT_RULES.releaseDeclineReason,
        'Enter why this time cannot be released',
      );
      if (problem) return fail({ reason: problem });
      setClientErrors({});
      return send({ decision: 'decline', reason: reason.trim() });
    }
    if (mode === 'propose') {
      const checked = checkSlot(slot);
      if (!checked.startsAt) return fail(checked.errors as Record<string, string>);
      setClientErrors({});
      return send({ decision: 'propose', proposedStartsAt: checked.startsAt });
    }
    if (needsOverride && overrideReason.trim().length < 3) {
      return fail({ overrideReason: 'Enter why this release may go past the time agreed' });
    }
    setClientErrors({});
    send({ decision: 'confirm', overrideReason: needsOverride ? overrideReason.trim() : undefined });
  }

  const open = isOpen(view);

  return (
    <Column>
      <PageHeading caption={`For ${view.forPerson}, PCN supervisor`}>{title}</PageHeading>
      <p>
        {isRelease
          ? `${view.ccc} asks you to confirm this time away from their PCN work. No sign-in is needed; this link works once.`
          : `The Alliance supervisor offers this time for a joint session with ${view.ccc} and you. No sign-in is needed; this link works once.`}
      </p>
      <Details view={view} />
      {!open ? (
        <InsetText>
          <p>This has already been answered: {(STATUS_WORDS[view.status] ?? view.status).toLowerCase()}.</p>
        </InsetText>
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <ErrorSummary id="respond-errors" errors={summary} focusKey={attempt} />
          {mode === 'decline' && (
            <Textarea
              id="respond-reason"
              label="Why can this time not be released?"
              error={errors['reason']}
              rows={3}
              value={reason}
              onChange={(value) => setReason(value)}
            />
          )}
          {mode === 'choose' && isRelease && needsOverride && (
            <Textarea
              id="respond-overrideReason"
              label="Reason to go over the time agreed"
              hint="Confirming this takes release for supervisions and training past the 5 days agreed."
              error={errors['overrideReason']}
              rows={3}
              value={overrideReason}
              onChange={(value) => setOverrideReason(value)}
            />
          )}
          {mode === 'propose' && (
            <DateTimeFields
              idPrefix="respond"
              values={slot}
              errors={{ date: errors['date'], time: errors['time'] }}
              onChange={(field, value) => setSlot((previous) => ({ ...previous, [field]: value }))}
            />
          )}
          <ButtonGroup>
            {mode === 'choose' && (
              <>
                <Button type="submit" pending={answer.isPending}>
                  {answer.isPending ? 'Sending…' : isRelease ? 'Confirm' : 'Accept this time'}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setClientErrors({});
                    setServer(NO_ACTION_ERROR);
                    if (isRelease) setMode('decline');
                    else {
                      setSlot(view.startsAt ? londonDateTime(view.startsAt) : { date: '', time: '' });
                      setMode('propose');
                    }
                  }}
                >
                  {isRelease ? 'Decline' : 'Propose another time'}
                </Button>
              </>
            )}
            {mode !== 'choose' && (
              <>
                <Button type="submit" variant={mode === 'decline' ? 'warning' : 'primary'} pending={answer.isPending}>
                  {answer.isPending ? 'Sending…' : mode === 'decline' ? 'Decline this time' : 'Propose this time'}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setClientErrors({});
                    setServer(NO_ACTION_ERROR);
                    setMode('choose');
                  }}
                >
                  Back
                </Button>
              </>
            )}
          </ButtonGroup>
        </form>
      )}
      <p className="app-secondary-text">
        This link works until <time dateTime={view.expiresAt}>{formatDateTime(view.expiresAt)}</time>.
      </p>
    </Column>
  );
}
