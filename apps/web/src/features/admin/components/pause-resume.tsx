import type { EnrolmentSummary } from '@ccc/contracts';
import type { ResumePreview } from '@ccc/programme';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/button';
import { Details } from '../../../components/details';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceGroup, FormField, fieldClass } from '../../../components/form-field';
import { InsetText } from '../../../components/inset-text';
import { ReasonField } from './reason-field';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { TableContainer } from '../../../components/table-container';
import { formatDate, formatDateRange } from '../../../utils/format';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { usePauseEnrolment } from '../api/pause-enrolment';
import { usePreviewResume } from '../api/preview-resume';
import { useResumeEnrolment } from '../api/resume-enrolment';

const FIELDS = { from: 'pause-from', reason: 'pause-reason', shift: 'resume-shift' } as const;
const RESUME_FIELDS = { from: 'resume-from', shift: 'resume-shift' } as const;

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/**
 * Administrators: pause a CCC from a date with a reason, and resume them from a date, choosing whether the plan
 * months after the pause move on by the paused length. What moves is shown before the resume is confirmed.
 */
export function PauseResume({
  enrolment,
  onDone,
  onReload,
}: {
  enrolment: EnrolmentSummary;
  onDone: (title: string) => void;
  onReload: () => void;
}) {
  const pause = usePauseEnrolment(enrolment.id);
  const preview = usePreviewResume(enrolment.id);
  const resume = useResumeEnrolment(enrolment.id);
  const paused = enrolment.pausedFrom ?? null;
  const fields = paused ? RESUME_FIELDS : FIELDS;
  const [from, setFrom] = useState(londonToday());
  const [reason, setReason] = useState('');
  const [shift, setShift] = useState<'yes' | 'no' | ''>('');
  const [shown, setShown] = useState<ResumePreview | null>(null);
  const [error, setError] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const fieldFor = (field: string) => (field in fields ? field : null);
  const fail = (e: unknown) => {
    setError(readActionError(e, fieldFor));
    setAttempt((n) => n + 1);
  };
  const succeed = (title: string) => {
    setError(NO_ACTION_ERROR);
    setShown(null);
    setReason('');
    setShift('');
    onDone(title);
  };
  // A changed answer makes the preview shown out of date: it must be asked for again before confirming.
  const changed = () => {
    setShown(null);
    setError(NO_ACTION_ERROR);
  };

  function submitPause(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pause.isPending) return;
    pause.mutate(
      { from, reason, version: enrolment.version },
      { onSuccess: (e) => succeed(`${e.ccc.fullName} is paused from ${formatDate(from)}`), onError: fail },
    );
  }

  function askPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (preview.isPending) return;
    if (!shift) {
      setError({ ...NO_ACTION_ERROR, fields: { shift: 'Choose whether the plan after the pause moves on' } });
      setAttempt((n) => n + 1);
      return;
    }
    preview.mutate(
      { from, shift: shift === 'yes', version: enrolment.version },
      {
        onSuccess: (p) => {
          setError(NO_ACTION_ERROR);
          setShown(p);
        },
        onError: fail,
      },
    );
  }

  function confirmResume() {
    if (!shown || resume.isPending) return;
    resume.mutate(
      { from: shown.resumedFrom, shift: shown.shift, version: enrolment.version },
      { onSuccess: (e) => succeed(`${e.ccc.fullName} is back from ${formatDate(shown.resumedFrom)}`), onError: fail },
    );
  }

  const summary = [
    ...error.general.map((message) => ({ message })),
    ...Object.entries(error.fields).map(([field, message]) => ({
      message,
      fieldId: (fields as Record<string, string>)[field],
    })),
  ];
  const moving = shown?.sessions.filter((s) => s.moves).length ?? 0;

  return (
    <>
      {error.stale !== null && <StaleVersionNotice what="enrolment" message={error.stale} onReload={onReload} />}
      <ErrorSummary id="pause-errors" errors={summary} focusKey={attempt} />
      {paused ? (
        <>
          <InsetText>
            <p>
              <strong>Paused from {formatDate(paused)}</strong>
              {enrolment.pauseReason && `: ${enrolment.pauseReason}`}. Nothing new is booked or requested for the CCC,
              and the paused weeks count against no one.
            </p>
          </InsetText>
          <div>
            <h3>Resume this enrolment</h3>
            <form onSubmit={askPreview} noValidate>
              <FormField
                id={RESUME_FIELDS.from}
                label="Back from"
                hint="The first day back, after the pause began and not after today."
                error={error.fields['from']}
              >
                {(control) => (
                  <input
                    {...control}
                    className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
                    type="date"
                    value={from}
                    onChange={(event) => {
                      setFrom(event.target.value);
                      changed();
                    }}
                  />
                )}
              </FormField>
              <ChoiceGroup
                id={RESUME_FIELDS.shift}
                name="resume-shift"
                legend="The plan months after the pause"
                hint="Their sessions not yet booked, in months not over when the pause began, can move on by the paused length (in whole months). Booked sessions and cohort meetings keep their dates."
                error={error.fields['shift']}
                options={[
                  { value: 'yes', label: 'Move them on by the paused length' },
                  { value: 'no', label: 'Keep them where they are' },
                ]}
                value={shift}
                onChange={(value) => {
                  setShift(value);
                  changed();
                }}
              />
              <Button type="submit" variant="secondary" pending={preview.isPending}>
                {preview.isPending ? 'Working it out…' : 'Show what changes'}
              </Button>
            </form>
            {shown && (
              <div data-testid="resume-preview">
                <h3>What changes if they are back from {formatDate(shown.resumedFrom)}</h3>
                <p>
                  {shown.shift
                    ? `The plan moves on ${shown.shiftMonths} month${shown.shiftMonths === 1 ? '' : 's'}: ${moving} session${moving === 1 ? '' : 's'} move${moving === 1 ? 's' : ''}.`
                    : 'The plan stays as it is: no session moves.'}
                </p>
                <TableContainer captionId="resume-preview-caption">
                  <table className="nhsuk-table">
                    <caption id="resume-preview-caption" className="nhsuk-table__caption nhsuk-u-visually-hidden">
                      Sessions on resuming
                    </caption>
                    <thead className="nhsuk-table__head">
                      <tr>
                        <th scope="col">Session</th>
                        <th scope="col">Now</th>
                        <th scope="col">After resuming</th>
                        <th scope="col">Why</th>
                      </tr>
                    </thead>
                    <tbody className="nhsuk-table__body">
                      {shown.sessions.map((s) => (
                        <tr key={s.id}>
                          <td className="nhsuk-table__cell">{s.title}</td>
                          <td className="nhsuk-table__cell">
                            Month {s.from.month} ({formatDateRange(s.from.startsOn, s.from.endsBefore)})
                          </td>
                          <td className="nhsuk-table__cell">
                            {s.moves
                              ? `Month ${s.to.month} (${formatDateRange(s.to.startsOn, s.to.endsBefore)})`
                              : 'Stays'}
                          </td>
                          <td className="nhsuk-table__cell">{s.why}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableContainer>
                <Button pending={resume.isPending} onClick={confirmResume}>
                  {resume.isPending ? 'Resuming…' : `Confirm: resume from ${formatDate(shown.resumedFrom)}`}
                </Button>
              </div>
            )}
          </div>
        </>
      ) : (
        <Details summary="Pause this enrolment">
          <form onSubmit={submitPause} noValidate>
            <FormField
              id={FIELDS.from}
              label="Paused from"
              hint="The first paused day, not after today. While paused, nothing new is booked or requested for the CCC."
              error={error.fields['from']}
            >
              {(control) => (
                <input
                  {...control}
                  className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
                  type="date"
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                />
              )}
            </FormField>
            <ReasonField
              id={FIELDS.reason}
              label="Why they are paused"
              error={error.fields['reason']}
              value={reason}
              onChange={setReason}
            />
            <Button type="submit" pending={pause.isPending}>
              {pause.isPending ? 'Pausing…' : 'Pause the enrolment'}
            </Button>
          </form>
        </Details>
      )}
    </>
  );
}
