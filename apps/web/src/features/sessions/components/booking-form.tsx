import type { SessionView } from '@ccc/contracts';
import { humanMinutes, type SessionMode } from '@ccc/programme';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { Button, ButtonGroup } from '../../../components/button';
import { InsetText } from '../../../components/inset-text';
import { Radios, TextInput, Textarea } from '../../../components/inputs';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { formatDate, dayBefore } from '../../../utils/format';
import { londonInstant } from '../../../utils/london-time';
import { useBookSession } from '../api/book-session';
import { useRescheduleSession } from '../api/reschedule-session';
import {
  bookingFieldFor,
  initialBookingValues,
  isOutsideMonth,
  toBookingRequest,
  toRescheduleRequest,
  validateBooking,
  type BookingField,
  type BookingRules,
  type BookingValues,
  clockTime,
} from '../../../utils/booking-form';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { ConflictNotice } from './conflict-notice';
import { DateTimeFields } from '../../../components/date-time-fields';

interface BookingFormProps {
  session: SessionView;
  kind: 'book' | 'reschedule';
  onDone: (view: SessionView) => void;
  /** A booking at a time already past: the session was held, so its record is asked for next (#15 item 13). */
  onHeld?: (view: SessionView) => void;
  onReload: () => void;
  onClose: () => void;
}

/** The most characters the API takes for each reason. */
const REASON_MAX = 1000;

const MODE_OPTIONS: { value: SessionMode; label: string }[] = [
  { value: 'virtual', label: 'Virtual (online meeting)' },
  { value: 'face_to_face', label: 'Face to face' },
];

/** Book or reschedule: date and start time in UK time, duration, mode, link or place, and the reasons it needs. */
export function BookingForm({ session, kind, onDone, onHeld, onReload, onClose }: BookingFormProps) {
  const idPrefix = `${kind}-session`;
  const fieldId = (field: BookingField) => `${idPrefix}-${field}`;
  const [values, setValues] = useState<BookingValues>(() => initialBookingValues(session));
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const book = useBookSession(session.id);
  const reschedule = useRescheduleSession(session.id);
  const mutation = kind === 'book' ? book : reschedule;

  const rules: BookingRules = {
    month: session.month,
    monthStartsOn: session.monthStartsOn,
    monthEndsBefore: session.monthEndsBefore,
    durationRange: session.durationRange,
    requireReason: kind === 'reschedule',
    requireOverrideReason: server.conflict !== null,
  };
  const clientErrors = showErrors ? validateBooking(values, rules) : {};
  const errors: Partial<Record<BookingField, string>> = { ...server.fields, ...clientErrors };
  const outside = isOutsideMonth(values.date, session.monthStartsOn, session.monthEndsBefore);
  const { min, max } = session.durationRange;
  // A time already past is not a booking to come but a session held: said, and its record asked for next.
  const startsAt = londonInstant(values.date.trim(), clockTime(values.time));
  const past = kind === 'book' && onHeld !== undefined && startsAt !== null && new Date(startsAt) < new Date();

  function update<K extends BookingField>(field: K, value: BookingValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setServer((current) => {
      const fields = { ...current.fields };
      delete fields[field];
      // A new time may not clash: the override is asked for again only if the API says so.
      const clears = field === 'date' || field === 'time' || field === 'durationMinutes';
      return { ...current, fields, conflict: clears ? null : current.conflict };
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = validateBooking(values, rules);
    if (Object.keys(found).length > 0) {
      setShowErrors(true);
      setServer((current) => ({ ...current, general: [], stale: null }));
      setAttempt((n) => n + 1);
      return;
    }
    const options = {
      onSuccess: (view: SessionView) => (past ? onHeld!(view) : onDone(view)),
      onError: (error: unknown) => {
        setServer(readActionError(error, bookingFieldFor));
        setAttempt((n) => n + 1);
      },
    };
    if (kind === 'book') book.mutate(toBookingRequest(values, session.version, rules), options);
    else reschedule.mutate(toRescheduleRequest(values, session.version, rules), options);
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...(Object.entries(errors) as [BookingField, string][]).map(([field, message]) => ({
      message,
      fieldId: field === 'mode' ? fieldId('mode') : fieldId(field),
    })),
  ];

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby={`${idPrefix}-title`}>
      {server.stale !== null && (
        <StaleVersionNotice
          message={server.stale}
          onReload={() => {
            setServer(NO_ACTION_ERROR);
            onReload();
          }}
        />
      )}
      <ErrorSummary id={`${idPrefix}-errors`} errors={summary} focusKey={attempt} />
      {server.conflict && <ConflictNotice conflict={server.conflict} canOverride />}

      <p className="nhsuk-hint">
        This session belongs to month {session.month}: {formatDate(session.monthStartsOn)} to{' '}
        {formatDate(dayBefore(session.monthEndsBefore))}. Times are UK time.
      </p>

      <DateTimeFields
        idPrefix={idPrefix}
        values={values}
        errors={errors}
        onChange={update}
        timeHint="UK time, 24-hour clock, like 14:00"
      />

      <TextInput
        id={fieldId('durationMinutes')}
        name="durationMinutes"
        label="Duration in minutes"
        hint={
          min === max
            ? `This session lasts ${humanMinutes(min)}.`
            : `Between ${min} and ${max} minutes (${humanMinutes(min)} to ${humanMinutes(max)}).`
        }
        error={errors.durationMinutes}
        width={5}
        inputMode="numeric"
        autoComplete="off"
        value={values.durationMinutes}
        onChange={(value) => update('durationMinutes', value)}
      />

      <Radios
        id={fieldId('mode')}
        name={`${idPrefix}-mode`}
        legend="How will it be held?"
        options={MODE_OPTIONS}
        value={values.mode}
        error={errors.mode}
        onChange={(mode) => update('mode', mode)}
      />

      {values.mode === 'virtual' ? (
        <TextInput
          id={fieldId('meetingLink')}
          name="meetingLink"
          type="url"
          label="Meeting link"
          hint="The web address people use to join, for example a Microsoft Teams link."
          error={errors.meetingLink}
          autoComplete="off"
          spellCheck={false}
          value={values.meetingLink}
          onChange={(value) => update('meetingLink', value)}
        />
      ) : (
        <TextInput
          id={fieldId('place')}
          name="place"
          label="Place"
          hint="Where people meet, for example the room and building."
          error={errors.place}
          value={values.place}
          onChange={(value) => update('place', value)}
        />
      )}

      {(outside || errors.outOfMonthReason) && (
        <Textarea
          id={fieldId('outOfMonthReason')}
          name="outOfMonthReason"
          label={`Why is it booked outside month ${session.month}?`}
          hint="Everyone who sees the timeline will see this reason."
          error={errors.outOfMonthReason}
          rows={3}
          maxLength={REASON_MAX}
          value={values.outOfMonthReason}
          onChange={(value) => update('outOfMonthReason', value)}
        />
      )}

      {kind === 'reschedule' && (
        <Textarea
          id={fieldId('reason')}
          name="reason"
          label="Why is it being rescheduled?"
          hint="Shown in the session’s history."
          error={errors.reason}
          rows={3}
          maxLength={REASON_MAX}
          value={values.reason}
          onChange={(value) => update('reason', value)}
        />
      )}

      {server.conflict && (
        <Textarea
          id={fieldId('conflictOverrideReason')}
          name="conflictOverrideReason"
          label="Why should it go ahead at the same time as the other session?"
          error={errors.conflictOverrideReason}
          rows={3}
          maxLength={REASON_MAX}
          value={values.conflictOverrideReason}
          onChange={(value) => update('conflictOverrideReason', value)}
        />
      )}

      {past && (
        <InsetText testId="booking-in-the-past">
          <p>
            This time has passed. If the session was held then, book it at the time it was held and record who attended
            next; otherwise choose a time to come.
          </p>
        </InsetText>
      )}

      <ButtonGroup>
        <Button type="submit" pending={mutation.isPending}>
          {mutation.isPending
            ? 'Saving…'
            : kind === 'book'
              ? server.conflict
                ? 'Book anyway'
                : past
                  ? 'Book as held, then record'
                  : 'Book session'
              : server.conflict
                ? 'Reschedule anyway'
                : 'Reschedule session'}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </ButtonGroup>
    </form>
  );
}
